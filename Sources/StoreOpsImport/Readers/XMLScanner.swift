/// A small incremental XML scanner for the parts of an XLSX file: start and end tags with attributes, and
/// text. It refuses document type declarations (so no entity can expand) and knows only the five predefined
/// entities and character references: exactly what spreadsheet XML needs, and nothing an attacker can use.
struct XMLScanner {
    enum Event {
        case start(name: Substring, attributes: [(Substring, String)], selfClosing: Bool)
        case end(name: Substring)
        case text(String)
    }

    struct Failure: Error { let message: String }

    private var buffer: [UInt8] = []

    /// Feeds bytes and reports every complete event.
    mutating func feed(_ bytes: some Sequence<UInt8>, _ handle: (Event) throws -> Void) throws {
        buffer.append(contentsOf: bytes)
        var position = 0
        let count = buffer.count
        try buffer.withUnsafeBufferPointer { b in
            while position < count {
                if b[position] == UInt8(ascii: "<") {
                    guard let close = index(of: UInt8(ascii: ">"), in: b, from: position + 1) else { break }
                    try tag(b[(position + 1)..<close], handle)
                    position = close + 1
                } else {
                    guard let open = index(of: UInt8(ascii: "<"), in: b, from: position) else { break }
                    let raw = b[position..<open]
                    if !raw.isEmpty {
                        try handle(.text(try XMLScanner.decode(raw)))
                    }
                    position = open
                }
            }
        }
        buffer.removeFirst(position)
        if buffer.count > 16 << 20 { throw Failure(message: "an XML token is longer than 16 MB") }
    }

    private func index(of byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        while i < b.count {
            if b[i] == byte { return i }
            i += 1
        }
        return nil
    }

    private func tag(_ body: Slice<UnsafeBufferPointer<UInt8>>, _ handle: (Event) throws -> Void) throws {
        guard let first = body.first else { throw Failure(message: "empty tag") }
        if first == UInt8(ascii: "?") { return }
        if first == UInt8(ascii: "!") {
            let text = String(decoding: body, as: UTF8.self)
            if text.hasPrefix("!DOCTYPE") || text.hasPrefix("!ENTITY") { throw Failure(message: "document type declarations are not allowed") }
            return
        }
        let text = String(decoding: body, as: UTF8.self)
        if first == UInt8(ascii: "/") {
            try handle(.end(name: Substring(text.dropFirst()).trimmed))
            return
        }
        let selfClosing = text.hasSuffix("/")
        let content = selfClosing ? text.dropLast() : Substring(text)
        let nameEnd = content.firstIndex { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" } ?? content.endIndex
        let name = content[..<nameEnd]
        var attributes: [(Substring, String)] = []
        var rest = content[nameEnd...]
        while let eq = rest.firstIndex(of: "=") {
            let key = rest[..<eq].trimmed
            let afterEq = rest[rest.index(after: eq)...].drop { $0 == " " }
            guard let quote = afterEq.first, quote == "\"" || quote == "'" else { break }
            let valueStart = afterEq.index(after: afterEq.startIndex)
            guard let valueEnd = afterEq[valueStart...].firstIndex(of: quote) else { break }
            attributes.append((key, try XMLScanner.decode(Array(afterEq[valueStart..<valueEnd].utf8)[...])))
            rest = afterEq[afterEq.index(after: valueEnd)...]
        }
        try handle(.start(name: name, attributes: attributes, selfClosing: selfClosing))
    }

    /// Resolves the predefined entities and character references; any other entity is an error.
    static func decode<C: Collection>(_ raw: C) throws -> String where C.Element == UInt8 {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        let text = String(decoding: raw, as: UTF8.self)
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";") else { throw Failure(message: "an unterminated entity") }
            let name = rest[rest.index(after: amp)..<semi]
            switch name {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                var code: UInt32?
                if name.hasPrefix("#x") || name.hasPrefix("#X") { code = UInt32(name.dropFirst(2), radix: 16) } else if name.hasPrefix("#") { code = UInt32(name.dropFirst()) }
                guard let code, let scalar = Unicode.Scalar(code) else { throw Failure(message: "unknown entity &\(name);") }
                result.unicodeScalars.append(scalar)
            }
            rest = rest[rest.index(after: semi)...]
        }
        return result + rest
    }
}

extension Substring {
    var trimmed: Substring {
        var s = self
        while let c = s.first, c == " " || c == "\n" || c == "\t" || c == "\r" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\n" || c == "\t" || c == "\r" { s = s.dropLast() }
        return s
    }
}
