import Foundation
import GRDB
import StoreOpsCore

extension SQLiteStore {
    public func exportRows(of store: StoreID, _ sink: @escaping @Sendable (StoreTableRows) throws -> Void) async throws {
        _ = try await requireStore(store)
        try await run { db in
            let tables = try SQLiteStore.storeTables(db).filter { !StoreTableRows.derivedTables.contains($0.table) }
            for (table, columns) in tables {
                let statement = try db.makeStatement(sql: StoreTablesSQL.select(table, columns: columns))
                statement.setUncheckedArguments([store.rawValue])
                let cursor = try Row.fetchCursor(statement)
                var chunk = StoreTableRows(table: table, columns: columns, rows: [])
                while let row = try cursor.next() {
                    chunk.rows.append((0..<row.count).map { SQLValue(row[$0] as DatabaseValue) })
                    if chunk.rows.count == StoreTableRows.chunkSize {
                        try sink(chunk)
                        chunk.rows.removeAll(keepingCapacity: true)
                    }
                }
                if !chunk.rows.isEmpty { try sink(chunk) }
            }
        }
    }

    public func restoreRows(into store: Store, replace: Bool, _ next: @escaping @Sendable () throws -> StoreTableRows?) async throws {
        let arguments = StoreSQL.storeArguments(store, now: .now)
        try await write { db in
            let tables = try SQLiteStore.storeTables(db)
            if try !SQLiteStore.query(db, StoreSQL.selectStore, [.text(store.id.rawValue)]).isEmpty {
                guard replace else {
                    throw StorageError(.database, "The store \(store.id) exists already; restore with --replace to overwrite it, or restore as another id.")
                }
                for (table, _) in tables.reversed() { try db.execute(sql: "DELETE FROM \(table) WHERE store_id = ?", arguments: [store.id.rawValue]) }
            }
            try SQLiteStore.execute(db, StoreSQL.upsertStore, arguments)
            let archived = tables.filter { !StoreTableRows.derivedTables.contains($0.table) }
            let known = Dictionary(uniqueKeysWithValues: archived.map { ($0.table, Set($0.columns)) })
            while let chunk = try next() {
                try StoreTablesSQL.check(chunk, against: known)
                let statement = try db.cachedStatement(sql: StoreTablesSQL.insert(chunk))
                let storeValue = SQLValue.text(store.id.rawValue).databaseValue
                for row in chunk.rows {
                    statement.setUncheckedArguments(StatementArguments([storeValue] + row.map(\.databaseValue)))
                    try statement.execute()
                }
            }
        }
    }

    /// Every table with a store id except `stores`, with its other columns in order.
    static func storeTables(_ db: Database) throws -> [(table: String, columns: [String])] {
        let tables = try String.fetchAll(db, sql: """
            SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND m.name <> 'stores'
                AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) p WHERE p.name = 'store_id') ORDER BY m.name
            """)
        return try tables.map { table in
            (table, try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) WHERE name <> 'store_id' ORDER BY cid", arguments: [table]))
        }
    }
}

extension SQLiteStore {
    /// Writes a consistent, compacted copy of the whole database to a new file at `path` (`VACUUM INTO`), from one
    /// read transaction: writers may continue meanwhile. The copy is a normal StoreOps database.
    public func backup(to path: String) async throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StorageError(.cannotOpen, "\(path) exists already; back up into a new file.")
        }
        // Created empty and private first (VACUUM INTO fills an empty file): the copy holds the pseudonym keys.
        SQLiteStore.makePrivate(path)
        do {
            try await writer.unsafeRead { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw StorageError(.database, "The backup to \(path) failed: \(SQLiteStore.reason(error)). Check that the folder exists and is writable.", underlying: error)
        }
    }
}
