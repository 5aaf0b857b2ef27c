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
    /// Fields whose columns must all be present for the format to match a header. An entry `a|b` is met by either
    /// field (`created_at|paid_at`: an order file needs a time, either one).
    public var required: [String]
    /// Money columns are integer fen (直通车 reports: `花费(分)`).
    public var moneyInFen: Bool
    /// The ads channel of `ad_stats` rows.
    public var channel: String?
    /// Whether rows of one order (or product) follow each other. When not, the file's orders are held in
    /// memory until its end, so use it for files of modest size (invoice-line exports).
    public var groupsAreAdjacent: Bool
    /// The column separator of text files, when a mapping file gives it (else detected).
    public var separator: Separator?
    /// Whether the file records returns as lines of negative quantity (invoice lines): its orders' refunds are then
    /// known without a refund column.
    public var returnsAsNegativeLines = false
    /// Whether the file starts with a header. Without one (a mapping file's `"header": false`) its columns are named
    /// by position, "1", "2" ..., and every line is data.
    public var hasHeader = true
    /// Whether the line after the header names the columns again, in another language (淘宝助理 writes English
    /// field names, then Chinese ones): that line is skipped when none of its cells is a number.
    public var secondHeaderLine = false

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
        let binding = columnsPresent(in: header)
        return missing(from: binding).isEmpty ? binding : nil
    }

    /// The required entries (`a` or `a|b`) that `binding` does not meet.
    public func missing(from binding: [String: Int]) -> [String] {
        required.filter { entry in !FormatMapping.alternatives(entry).contains { binding[$0] != nil } }
    }

    /// The fields of a required entry: `created_at|paid_at` → both.
    public static func alternatives(_ entry: String) -> [String] {
        entry.split(separator: "|").map { String($0).trimmingSpaces }
    }

    /// Field → column index for every field `header` has a column for, required or not.
    public func columnsPresent(in header: [String]) -> [String: Int] {
        let normalised = header.map(FormatMapping.normalise)
        var binding: [String: Int] = [:]
        for (field, names) in columns {
            if let index = names.lazy.compactMap({ normalised.firstIndex(of: FormatMapping.normalise($0)) }).first { binding[field] = index }
        }
        return binding
    }

    /// How a required entry is named to a user: its first header name, or each alternative's (`订单创建时间 or 订单付款时间`).
    public func describe(_ entry: String) -> String {
        FormatMapping.alternatives(entry).map { columns[$0]?.first ?? $0 }.joined(separator: " / ")
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
    public var separator: String?
    public var returnsAsNegativeLines: Bool?
    public var header: Bool?

    enum CodingKeys: String, CodingKey {
        case kind, name, columns, required, separator, header
        case returnsAsNegativeLines = "returns_as_negative_lines"
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
                                       hint: "See docs/import-formats.md for the mapping file's form; kinds are \(ImportTarget.allCases.map(\.rawValue).joined(separator: ", "))",
                                       zh: ("映射文件无效：\(MappingFile.explain(error))",
                                            "映射文件的格式见 docs/import-formats.md；kind 可选 \(ImportTarget.allCases.map(\.rawValue).joined(separator: ", "))")))
        }
        let known = Set(file.kind.fields.map(\.key))
        if let unknown = file.columns.keys.sorted().first(where: { !known.contains($0) }) {
            throw ReadError(Diagnostic(file: fileName, message: "\"\(unknown)\" is not a field of kind \(file.kind.rawValue)",
                                       hint: "Its fields are: \(file.kind.fields.map(\.key).joined(separator: ", "))",
                                       zh: ("“\(unknown)”不是 \(file.kind.rawValue) 的字段", "它的字段有：\(file.kind.fields.map(\.key).joined(separator: ", "))")))
        }
        if let unknown = (file.required ?? []).flatMap(FormatMapping.alternatives).first(where: { file.columns[$0] == nil }) {
            throw ReadError(Diagnostic(file: fileName, message: "\"\(unknown)\" is required but has no column in \"columns\"",
                                       hint: "Name its header under \"columns\", or leave it out of \"required\"",
                                       zh: ("“\(unknown)”是必填字段，但 \"columns\" 里没有它的列", "在 \"columns\" 中写出它的列名，或从 \"required\" 中去掉")))
        }
        let required = file.required ?? file.kind.fields.filter { $0.meaning.contains("(required)") }.map(\.key).filter { file.columns[$0] != nil }
        var separator: Separator?
        if let name = file.separator {
            guard let known = Separator(name: name) else {
                throw ReadError(Diagnostic(file: fileName, message: "\"separator\": \"\(name)\" is not a separator",
                                           hint: "Use one of \(Separator.names)",
                                           zh: ("\"separator\"：“\(name)”不是分隔符", "可选 comma、tab、semicolon、pipe 或 spaces")))
            }
            separator = known
        }
        var mapping = FormatMapping(kind: "mapping:" + (file.name ?? fileName), title: file.name ?? fileName, target: file.kind,
                                    columns: file.columns.mapValues(\.names), required: required, moneyInFen: file.moneyInFen ?? false,
                                    channel: file.channel, groupsAreAdjacent: file.groupsAreAdjacent ?? (file.kind != .transactions))
        mapping.separator = separator
        mapping.returnsAsNegativeLines = file.returnsAsNegativeLines ?? false
        mapping.hasHeader = file.header ?? true
        return file.kind == .transactions ? mapping.transactionsAsOrders() : mapping
    }

    /// The fields of `transactions` as the `orders` fields they are: each row is an order line, its amount the
    /// line's total, its time the order's placing and payment.
    static let transactionFields = ["customer": ["buyer"], "time": ["created_at", "paid_at"], "amount": ["line_amount"],
                                    "quantity": ["line_quantity"], "order_id": ["order_id"], "currency": ["currency"]]

    static func explain(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "the key \"\(key.stringValue)\" is missing"
        case DecodingError.dataCorrupted(let context): context.debugDescription
        case DecodingError.typeMismatch(_, let context): "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "\(error)"
        }
    }
}
