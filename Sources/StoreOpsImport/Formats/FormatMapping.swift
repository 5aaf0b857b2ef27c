import Foundation

/// How one export format's columns map to a target's fields: the header names (synonyms) each field may
/// have, and the fields whose presence identifies the format. Built-in formats and user mapping files are the
/// same thing, so a new platform or a new export version is data, not code.
public struct FormatMapping: Sendable, Hashable {
    /// The name used with `--kind` and in the ledger, e.g. `taobao-orders`.
    public var kind: String
    /// What it is, for people.
    public var title: String
    public var target: ImportTarget
    /// Field → header names it may have (trimmed; English names match case-insensitively).
    public var columns: [String: [String]]
    /// Fields whose columns must all be present for the format to match a header.
    public var required: [String]
    /// Money columns are integer fen (直通车 reports: `花费(分)`).
    public var moneyInFen: Bool
    /// The ads channel of `ad_stats` rows.
    public var channel: String?
    /// Whether rows of one order (or product) follow each other. When not, the file's orders are held in
    /// memory until its end, so use it for files of modest size (invoice-line exports).
    public var groupsAreAdjacent: Bool

    public init(kind: String, title: String, target: ImportTarget, columns: [String: [String]], required: [String], moneyInFen: Bool = false,
                channel: String? = nil, groupsAreAdjacent: Bool = true) {
        self.kind = kind
        self.title = title
        self.target = target
        self.columns = columns
        self.required = required
        self.moneyInFen = moneyInFen
        self.channel = channel
        self.groupsAreAdjacent = groupsAreAdjacent
    }

    /// Header names as compared: trimmed, full-width brackets as ASCII, lower-cased.
    static func normalise(_ header: String) -> String {
        var text = Cell.clean(header) ?? ""
        text = text.replacingAll("（", with: "(").replacingAll("）", with: ")").replacingAll("\u{2013}", with: "-")
        return text.lowercased()
    }

    /// Field → column index for `header`, or nil when a required field has no column.
    public func bind(_ header: [String]) -> [String: Int]? {
        let normalised = header.map(FormatMapping.normalise)
        var binding: [String: Int] = [:]
        for (field, names) in columns {
            for name in names {
                if let index = normalised.firstIndex(of: FormatMapping.normalise(name)) {
                    binding[field] = index
                    break
                }
            }
        }
        return required.allSatisfy { binding[$0] != nil } ? binding : nil
    }
}

/// A user's mapping file (JSON): `{"kind": "orders", "name": "...", "columns": {"order_id": "单号", ...},
/// "required": [...], "money_in_fen": false, "channel": "ztc"}`. Column values may be one header or a list.
public struct MappingFile: Decodable {
    public var kind: ImportTarget
    public var name: String?
    public var columns: [String: HeaderNames]
    public var required: [String]?
    public var moneyInFen: Bool?
    public var channel: String?
    public var groupsAreAdjacent: Bool?

    enum CodingKeys: String, CodingKey {
        case kind, name, columns, required
        case moneyInFen = "money_in_fen"
        case channel
        case groupsAreAdjacent = "rows_of_an_order_are_adjacent"
    }

    /// One header name or several.
    public struct HeaderNames: Decodable {
        public var names: [String]
        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) { names = [one] } else { names = try container.decode([String].self) }
        }
    }

    /// Parses a mapping file; the error says what is wrong with it.
    public static func mapping(from data: Data, fileName: String) throws -> FormatMapping {
        let file: MappingFile
        do { file = try JSONDecoder().decode(MappingFile.self, from: data) } catch {
            throw ReadError(Diagnostic(file: fileName, message: "The mapping file is not valid: \(MappingFile.explain(error))",
                                       hint: "See docs/import-formats.md for the mapping file's form; kinds are \(ImportTarget.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        let known = Set(file.kind.fields.map(\.key))
        if let unknown = file.columns.keys.sorted().first(where: { !known.contains($0) }) {
            throw ReadError(Diagnostic(file: fileName, message: "\"\(unknown)\" is not a field of kind \(file.kind.rawValue)",
                                       hint: "Its fields are: \(file.kind.fields.map(\.key).joined(separator: ", "))"))
        }
        let required = file.required ?? file.kind.fields.filter { $0.meaning.contains("(required)") }.map(\.key).filter { file.columns[$0] != nil }
        return FormatMapping(kind: "mapping:" + (file.name ?? fileName), title: file.name ?? fileName, target: file.kind,
                             columns: file.columns.mapValues(\.names), required: required, moneyInFen: file.moneyInFen ?? false, channel: file.channel,
                             groupsAreAdjacent: file.groupsAreAdjacent ?? true)
    }

    static func explain(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "the key \"\(key.stringValue)\" is missing"
        case DecodingError.dataCorrupted(let context): context.debugDescription
        case DecodingError.typeMismatch(_, let context): "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "\(error)"
        }
    }
}
