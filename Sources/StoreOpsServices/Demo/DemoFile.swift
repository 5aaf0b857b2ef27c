import StoreOpsCore

/// One file of the demo store as an operator would have it: a platform export or a documented sheet, with what its
/// import needs beyond the file (a mapping file for layouts no built-in format names, the day costs take effect).
public struct DemoFile: Sendable {
    /// The file name, e.g. `orders.csv`; files are imported in the order the demo lists them.
    public let name: String
    /// Its content (UTF-8 CSV).
    public let text: String
    /// The built-in format it is in, or nil when `mapping` describes it.
    public let kind: String?
    /// A mapping file's JSON, written beside the file as `<name>.mapping.json`.
    public let mapping: String?
    /// `--date`: the day a products file's costs take effect.
    public let date: Day?

    init(_ name: String, _ text: String, kind: String?, mapping: String? = nil, date: Day? = nil) {
        self.name = name
        self.text = text
        self.kind = kind
        self.mapping = mapping
        self.date = date
    }

    /// The mapping file's name beside the file.
    public var mappingName: String? { mapping.map { _ in name.replacingSuffix(".csv", with: ".mapping.json") } }
}

extension String {
    /// The text with `suffix` replaced by `other` (or `other` appended when it does not end so).
    func replacingSuffix(_ suffix: String, with other: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + other : self + other
    }
}
