import PostgresNIO
import StoreOpsCore

extension PostgresStore {
    public func exportRows(of store: StoreID, _ sink: @escaping @Sendable (StoreTableRows) throws -> Void) async throws {
        _ = try await requireStore(store)
        // One snapshot for every table; a cursor keeps memory flat on big stores.
        try await transaction("export store \(store)", begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { c in
            let tables = try await storeTables(c).filter { !StoreTableRows.derivedTables.contains($0.table) }
            for (table, columns) in tables.map({ ($0.table, $0.columns.map(\.name)) }) {
                try await c.run("DECLARE export_rows NO SCROLL CURSOR FOR " + StoreTablesSQL.select(table, columns: columns), [.text(store.rawValue)], logger: logger)
                while true {
                    let rows = try await c.rows("FETCH FORWARD \(StoreTableRows.chunkSize) FROM export_rows", logger: logger)
                    if rows.isEmpty { break }
                    try sink(StoreTableRows(table: table, columns: columns, rows: rows))
                }
                try await c.run("CLOSE export_rows", logger: logger)
            }
        }
    }

    public func restoreRows(into store: Store, replace: Bool, _ next: @escaping @Sendable () throws -> StoreTableRows?) async throws {
        let arguments = StoreSQL.storeArguments(store, now: .now)
        let written = try await transaction("restore store \(store.id)") { c -> [String] in
            var written: [String] = []
            let tables = try await storeTables(c)
            if try await !c.rows(StoreSQL.selectStore, [.text(store.id.rawValue)], logger: logger).isEmpty {
                guard replace else {
                    throw StorageError(.database, "The store \(store.id) exists already; restore with --replace to overwrite it, or restore as another id.")
                }
                for table in tables.reversed() { try await c.run("DELETE FROM \(table.table) WHERE store_id = ?", [.text(store.id.rawValue)], logger: logger) }
            }
            try await c.run(StoreSQL.upsertStore, arguments, logger: logger)
            let archived = tables.filter { !StoreTableRows.derivedTables.contains($0.table) }
            let known = Dictionary(uniqueKeysWithValues: archived.map { ($0.table, Set($0.columns.map(\.name))) })
            let types = Dictionary(uniqueKeysWithValues: tables.map { ($0.table, Dictionary(uniqueKeysWithValues: $0.columns.map { ($0.name, $0.type) })) })
            while let chunk = try next() {
                try StoreTablesSQL.check(chunk, against: known)
                let staged = PostgresSQL.unnest(columns: ["store_id"] + chunk.columns, types: types[chunk.table] ?? [:],
                                                rows: chunk.rows.map { [.text(store.id.rawValue)] + $0 })
                try await c.run("INSERT INTO \(chunk.table) (store_id, \(chunk.columns.joined(separator: ", "))) SELECT * FROM \(staged.sql)", staged.arguments, logger: logger)
                if !written.contains(chunk.table) { written.append(chunk.table) }
            }
            return written
        }
        // A bulk restore can outgrow the planner's statistics before autovacuum catches up: measured with 50 stores
        // restored one after another, the next queries chose plans that ran for minutes. Analyzing the tables written
        // keeps the plans right (a role that does not own them is skipped by PostgreSQL with a warning).
        try await transaction("analyze the restored tables") { c in
            for table in written { try await c.run("ANALYZE \(table)", logger: logger) }
        }
    }

    /// Every table with a store id except `stores`, with its other columns (name and type) in order.
    func storeTables(_ c: PostgresConnection) async throws -> [(table: String, columns: [(name: String, type: String)])] {
        var result: [(table: String, columns: [(name: String, type: String)])] = []
        for row in try await c.rows(PostgresSchema.tablesWithStoreID, logger: logger) {
            guard case .text(let table) = row[0], table != "stores" else { continue }
            result.append((table, try await PostgresSchema.columns(of: table, on: c, logger: logger).filter { $0.name != "store_id" }))
        }
        return result
    }
}
