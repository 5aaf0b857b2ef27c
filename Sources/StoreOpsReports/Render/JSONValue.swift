/// A JSON document with ordered object keys and numbers kept as exact literals, so that output is stable
/// byte for byte (Foundation's encoder reorders keys and prints binary floating point).
public indirect enum JSONValue: Hashable, Sendable {
    case string(String)
    /// A number literal, already formatted (`12`, `0.0345`).
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    public static func int(_ value: Int64) -> JSONValue { .number(String(value)) }
    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// The document as text: pretty (two-space indent, one key per line) or compact.
    public func rendered(pretty: Bool = true) -> String {
        var out = ""
        write(to: &out, indent: 0, pretty: pretty)
        return out
    }

    private func write(to out: inout String, indent: Int, pretty: Bool) {
        switch self {
        case .string(let s): JSONValue.quote(s, into: &out)
        case .number(let n): out += n
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { JSONValue.newline(indent + 1, into: &out) }
                item.write(to: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { JSONValue.newline(indent, into: &out) }
            out += "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                if pretty { JSONValue.newline(indent + 1, into: &out) }
                JSONValue.quote(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(to: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { JSONValue.newline(indent, into: &out) }
            out += "}"
        }
    }

    /// A line break and `indent` levels of two spaces, appended without building a string for them.
    private static func newline(_ indent: Int, into out: inout String) {
        out += "\n"
        for _ in 0..<indent { out += "  " }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        // Most text needs no escape: appended whole, not scalar by scalar.
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
