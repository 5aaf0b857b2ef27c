import GRDB
import GRDBSQLite

/// One table's upsert, prepared on the connection of an open write and run row by row through SQLite's C API:
/// values are bound straight from `SQLValue`s, without the argument arrays a statement wrapper builds per row.
/// Finalized when released; used only inside the write that made it.
final class SQLiteUpsert {
    let table: String
    private let statement: OpaquePointer
    private let connection: OpaquePointer

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
        bind(1, .text(store))
        for (offset, value) in values.enumerated() { bind(Int32(offset + 2), value) }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(statement)
            throw StorageError(.database, "The database failed to write a row of \(table): \(message).")
        }
    }

    private func bind(_ index: Int32, _ value: SQLValue) {
        // SQLITE_TRANSIENT: SQLite copies the text before the call returns.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        switch value {
        case .int(let v): sqlite3_bind_int64(statement, index, v)
        case .null: sqlite3_bind_null(statement, index)
        case .text(var text):
            text.withUTF8 { bytes in
                // An empty buffer may have no address, which SQLite would read as NULL.
                if let base = bytes.baseAddress {
                    _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { sqlite3_bind_text(statement, index, $0, Int32(bytes.count), transient) }
                } else {
                    _ = sqlite3_bind_text(statement, index, "", 0, transient)
                }
            }
        }
    }
}
