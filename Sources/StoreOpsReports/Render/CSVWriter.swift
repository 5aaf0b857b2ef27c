/// Writes CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel shows Chinese), CRLF line ends,
/// RFC 4180 quoting, and text cells that a spreadsheet would run as a formula neutralised with a leading `'`.
public struct CSVWriter: Sendable {
    /// A cell: text (neutralised when dangerous) or a number (written as is).
    public enum Cell: Sendable {
        case text(String)
        case number(String)
    }

    public private(set) var output = "\u{FEFF}"

    public init() {}

    public mutating func row(_ cells: [Cell]) {
        output += cells.map(CSVWriter.encode).joined(separator: ",") + "\r\n"
    }

    public mutating func header(_ names: [String]) { row(names.map { .text($0) }) }

    static func encode(_ cell: Cell) -> String {
        var text: String
        switch cell {
        case .number(let n): text = n
        case .text(let t):
            text = t
            if let first = t.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { text = "'" + t }
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            text = "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        }
        return text
    }
}
