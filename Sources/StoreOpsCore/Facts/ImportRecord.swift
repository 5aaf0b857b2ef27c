/// One file in a store's import ledger: what it was, what it held, when it went in. The same file (by its
/// SHA-256) imported again as the same kind is recognised and skipped.
public struct ImportRecord: Hashable, Sendable {
    public var store: StoreID
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    /// The format, e.g. `taobao-orders`.
    public var kind: String
    public var fileName: String
    public var rowsRead: Int
    public var rowsImported: Int
    public var rowsRejected: Int
    /// Facts written, per kind (`orders`, `order_lines` ...).
    public var counts: [String: Int]
    /// The first and last day the facts fall on.
    public var firstDay: Day?
    public var lastDay: Day?
    /// The problems reported (the first ones), as text.
    public var diagnostics: [String]
    public var importedAt: Instant
    /// The user who imported the file (nil: the command line, without `--as`).
    public var importedBy: UserID?

    public init(store: StoreID, sha256: String, kind: String, fileName: String, rowsRead: Int, rowsImported: Int, rowsRejected: Int,
                counts: [String: Int], firstDay: Day?, lastDay: Day?, diagnostics: [String], importedAt: Instant) {
        self.store = store
        self.sha256 = sha256
        self.kind = kind
        self.fileName = fileName
        self.rowsRead = rowsRead
        self.rowsImported = rowsImported
        self.rowsRejected = rowsRejected
        self.counts = counts
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.diagnostics = diagnostics
        self.importedAt = importedAt
    }
}
