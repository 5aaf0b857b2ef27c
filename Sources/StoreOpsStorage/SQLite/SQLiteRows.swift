import StoreOpsCore

/// Rows of one table laid out for binding, made on the parsing thread: every value a fixed-size cell, and text a
/// span of one byte buffer. The writer binds the cells in place (`SQLiteUpsert.execute`) with nothing to convert,
/// copy or free per value: rows of `SQLValue`s cost the writer's thread a `String` access, a copy and a release for
/// every text value, and the writer is the busier of the import's two threads.
struct SQLiteRows: Sendable {
    /// One value.
    enum Cell: Sendable {
        case int(Int64)
        case null
        /// `count` bytes of `bytes` from `start`.
        case text(start: Int32, count: Int32)
    }

    /// The text of every row back to back, after one byte that is never read (so that the buffer has an address
    /// even when every text is empty).
    private(set) var bytes: [UInt8] = [0]
    /// The cells of every row, `width` a row, in column order (the store id not included).
    private(set) var cells: [Cell] = []
    /// Cells per row.
    let width: Int
    /// The store of the first row that belongs to another store than the one written, if any.
    private(set) var foreignStore: StoreID?

    /// Lays out `rows`, noting the first of them that is not `store`'s. At most `SQLiteRows.maxRows` rows (text
    /// offsets are 32 bits); `slices(_:of:)` lays out any number.
    init(_ rows: ArraySlice<(store: StoreID, values: [SQLValue])>, of store: StoreID) {
        precondition(rows.count <= SQLiteRows.maxRows, "at most \(SQLiteRows.maxRows) rows are laid out at once")
        width = rows.first?.values.count ?? 0
        cells.reserveCapacity(rows.count * width)
        for row in rows {
            if row.store != store, foreignStore == nil { foreignStore = row.store }
            precondition(row.values.count == width, "every row of a table has the same columns")
            for value in row.values { append(value) }
        }
    }

    /// Rows laid out at once, at most: a batch's rows are fewer (`BatchWriter.EncodedBatch.encodeAheadRows`), and
    /// 2 GB of text, the most 32-bit offsets reach, would take 43 KB of text in every row.
    static let maxRows = 50_000

    /// `rows` laid out in slices of at most `maxRows`.
    static func slices(_ rows: [(store: StoreID, values: [SQLValue])], of store: StoreID) -> [SQLiteRows] {
        stride(from: 0, to: rows.count, by: maxRows).map { SQLiteRows(rows[$0..<min($0 + maxRows, rows.count)], of: store) }
    }

    /// The number of rows.
    var count: Int { width == 0 ? 0 : cells.count / width }

    private mutating func append(_ value: SQLValue) {
        switch value {
        case .int(let v): cells.append(.int(v))
        case .null: cells.append(.null)
        case .text(let text):
            let start = bytes.count
            bytes.append(contentsOf: text.utf8)
            precondition(bytes.count <= Int32.max, "a table's rows of one batch hold under 2 GB of text")
            cells.append(.text(start: Int32(start), count: Int32(bytes.count - start)))
        }
    }
}
