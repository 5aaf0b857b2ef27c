/// One record of a table file as text cells, with the physical line (CSV) or row number (XLSX) it starts on.
public struct RawRecord: Hashable, Sendable {
    public var line: Int
    public var cells: [String]

    public init(line: Int, cells: [String]) {
        self.line = line
        self.cells = cells
    }

    /// Whether every cell is empty or blank.
    public var isBlank: Bool { cells.allSatisfy { $0.allSatisfy { $0 == " " || $0 == "\t" } } }
}

/// A file's records, pushed one at a time: memory stays flat whatever the file's size.
public protocol RecordSource {
    /// Calls `body` with every record in file order. Throws `ReadError` when the file cannot be read as a table.
    func forEachRecord(_ body: (RawRecord) throws -> Void) throws
}

/// Why a file cannot be read as a table at all.
public struct ReadError: Error, Sendable, CustomStringConvertible {
    public let diagnostic: Diagnostic
    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
    public var description: String { diagnostic.description }
}
