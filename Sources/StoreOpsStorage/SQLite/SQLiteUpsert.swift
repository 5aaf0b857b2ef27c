import GRDB
import GRDBSQLite

/// One table's upsert, prepared on the connection of an open write and run row by row through SQLite's C API:
/// values are bound in place from `SQLiteRows`, without the argument arrays a statement wrapper builds per row.
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

    /// Upserts every row of `rows` for `store` (the first parameter).
    func execute(_ rows: SQLiteRows, store: String) throws {
        guard rows.count > 0 else { return }
        sqlite3_reset(statement)
        // SQLITE_TRANSIENT: SQLite keeps its own copy, which stays bound for every row (a reset keeps bindings).
        _ = sqlite3_bind_text(statement, 1, store, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        try rows.bytes.withUnsafeBufferPointer { bytes in
            let text = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
            try rows.cells.withUnsafeBufferPointer { cells in
                var cell = cells.baseAddress!
                for _ in 0..<rows.count {
                    sqlite3_reset(statement)
                    for parameter in 2...Int32(rows.width + 1) {
                        switch cell.pointee {
                        case .int(let v): sqlite3_bind_int64(statement, parameter, v)
                        case .null: sqlite3_bind_null(statement, parameter)
                        // SQLITE_STATIC (nil): the bytes stay put until the step has read them.
                        case .text(let start, let count): sqlite3_bind_text(statement, parameter, text + Int(start), count, nil)
                        }
                        cell += 1
                    }
                    let code = sqlite3_step(statement)
                    guard code == SQLITE_DONE else {
                        let message = String(cString: sqlite3_errmsg(connection))
                        sqlite3_reset(statement)
                        throw StorageError(.database, "The database failed to write a row of \(table): \(message).")
                    }
                }
            }
        }
    }
}
