import StoreOpsCore

/// What one batch write did.
public struct WriteSummary: Hashable, Sendable {
    /// Rows upserted per table name.
    public var rowsByTable: [String: Int]
    /// Days whose sales, refund or ads aggregates were refreshed, oldest first.
    public var daysRefreshed: [Day]

    public init(rowsByTable: [String: Int] = [:], daysRefreshed: [Day] = []) {
        self.rowsByTable = rowsByTable
        self.daysRefreshed = daysRefreshed
    }

    /// All rows upserted.
    public var totalRows: Int { rowsByTable.values.reduce(0, +) }
}
