import GRDB
import GRDBSQLite

/// One table's upsert, prepared on the connection of an open write and run row by row through SQLite's C API:
/// values are bound straight from `SQLValue`s, without the argument arrays a statement wrapper builds per row.
/// Finalized when released; used only inside the write that made it.
final class SQLiteUpsert {
    let table: String
    private let statement: OpaquePointer
    private let connection: OpaquePointer
    /// The row's text values back to back, bound in place (`SQLITE_STATIC`) for the one step that reads them.
    /// Bound as copies (`SQLITE_TRANSIENT`), every text value of every row was a malloc and a free inside SQLite.
    private var texts: [UInt8] = []
    /// Where each text value of the row is in `texts`.
    private var spans: [(index: Int32, start: Int, count: Int)] = []

    init(_ db: Database, table: AnyFactTable) throws {
        guard let connection = db.sqliteConnection else { throw StorageError(.database, "The database connection is closed.") }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, table.upsertSQL, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw StorageError(.database, "The upsert into \(table.name) could not be prepared: \(String(cString: sqlite3_errmsg(connection))).")
        }
        self.table = table.name
        self.statement = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(statement) }

    /// Upserts one row: `store` then `values` in column order.
    func execute(store: String, values: [SQLValue]) throws {
        sqlite3_reset(statement)
        texts.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        bind(1, .text(store))
        for (offset, value) in values.enumerated() { bind(Int32(offset + 2), value) }
        let code = texts.withUnsafeBufferPointer { buffer in
            for span in spans {
                // SQLITE_STATIC: `texts` stays put until the step below has read it; every row binds all its
                // parameters again before its step.
                _ = buffer.baseAddress!.advanced(by: span.start).withMemoryRebound(to: CChar.self, capacity: span.count) {
                    sqlite3_bind_text(statement, span.index, $0, Int32(span.count), nil)
                }
            }
            return sqlite3_step(statement)
        }
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(statement)
            throw StorageError(.database, "The database failed to write a row of \(table): \(message).")
        }
    }

    /// Binds a number or NULL at once; notes a non-empty text for binding in place.
    private func bind(_ index: Int32, _ value: SQLValue) {
        switch value {
        case .int(let v): sqlite3_bind_int64(statement, index, v)
        case .null: sqlite3_bind_null(statement, index)
        case .text(let text):
            let start = texts.count
            texts.append(contentsOf: text.utf8)
            if texts.count > start {
                spans.append((index, start, texts.count - start))
            } else {
                // Empty: no bytes to point at, and a NULL pointer would bind NULL. SQLite copies the literal.
                sqlite3_bind_text(statement, index, "", 0, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            }
        }
    }
}
