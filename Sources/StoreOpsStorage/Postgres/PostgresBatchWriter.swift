import Logging
import PostgresNIO
import StoreOpsCore

/// Writes batches inside an open PostgreSQL transaction: each table's rows of a batch go in with one
/// `INSERT ... SELECT ... FROM unnest(arrays) ON CONFLICT` (the natural-key upsert); then the aggregates of every
/// touched day are refreshed with the same SQL as on SQLite.
struct PostgresBatchWriter {
    let connection: PostgresConnection
    let store: StoreID
    let logger: Logger
    private var touched = TouchedDays()
    private var summary = WriteSummary()
    private var types: [String: [String: String]] = [:]

    init(connection: PostgresConnection, store: StoreID, logger: Logger) {
        self.connection = connection
        self.store = store
        self.logger = logger
    }

    /// Writes of at least this many rows refresh the planner's statistics before the aggregates.
    static let analyzeThreshold = 2_000

    /// Upserts one batch and notes the days it touches.
    mutating func upsert(_ batch: FactBatch) async throws {
        touched.sales.formUnion(try await days(AggregateSQL.paidDays, ids: batch.orders.map(\.id)))
        touched.refunds.formUnion(try await days(AggregateSQL.refundDays, ids: batch.refunds.map(\.id)))

        for table in AnyFactTable.all {
            let rows = table.encodedRows(batch)
            guard !rows.isEmpty else { continue }
            for row in rows where row.store != store {
                throw StorageError(.database, "A row of \(table.name) belongs to store \(row.store), not \(store); nothing was written.")
            }
            let unique = Self.lastPerKey(rows.map(\.values), key: table.keyPositions)
            try await insert(unique, into: table)
            summary.rowsByTable[table.name, default: 0] += rows.count
        }

        touched.sales.formUnion(batch.orders.compactMap(\.paidDay))
        touched.sales.formUnion(try await days(AggregateSQL.paidDays, ids: Set(batch.orderLines.map(\.orderID))))
        if let earliest = batch.skuCosts.map(\.effectiveFrom).min() {
            let (sql, arguments) = AggregateSQL.salesDays(store: store, from: earliest)
            touched.sales.formUnion(try await connection.rows(sql, arguments, logger: logger).compactMap(AggregateSQL.day(of:)))
        }
        touched.refunds.formUnion(try await days(AggregateSQL.refundDays, ids: batch.refunds.map(\.id)))
        touched.ads.formUnion(batch.adStats.map(\.day))
    }

    /// Refreshes the aggregates of every touched day.
    mutating func finish() async throws -> WriteSummary {
        // The planner's statistics do not know the rows this transaction wrote; with an empty table's estimates the
        // aggregate refresh picks nested loops that are quadratic on a big import. ANALYZE sees our own rows.
        // The row-level security qual also makes the planner expect a handful of rows where there are thousands. A
        // big write therefore refreshes with hash joins (nested loops there were quadratic: 58 s for 40k orders).
        if summary.totalRows >= Self.analyzeThreshold {
            let tables = Set(summary.rowsByTable.keys).union(["orders", "order_lines", "refunds", "sku_costs", "skus"]).sorted()
            try await connection.run("ANALYZE " + tables.joined(separator: ", "), logger: logger)
            try await connection.run("SET LOCAL enable_nestloop = off", logger: logger)
        }
        for statement in touched.refreshStatements(store: store) {
            try await connection.run(statement.sql, statement.arguments, logger: logger)
        }
        summary.daysRefreshed = touched.allDays
        return summary
    }

    /// The rows with the last of every natural key (a batch may carry a key twice; the later row wins, as it
    /// does row by row on SQLite), in first-seen order.
    static func lastPerKey(_ rows: [[SQLValue]], key: [Int]) -> [[SQLValue]] {
        var index: [[SQLValue]: Int] = [:]
        index.reserveCapacity(rows.count)
        var result: [[SQLValue]] = []
        result.reserveCapacity(rows.count)
        for row in rows {
            let k = key.map { row[$0] }
            if let at = index[k] {
                result[at] = row
            } else {
                index[k] = result.count
                result.append(row)
            }
        }
        return result
    }

    /// Upserts `rows` (values after store_id) with one statement over `PostgresSQL.unnest`. (Faster than row-by-row
    /// statements, and, unlike `COPY`, a statement whose connection dies fails at once.)
    private mutating func insert(_ rows: [[SQLValue]], into table: AnyFactTable) async throws {
        let storeValue = SQLValue.text(store.rawValue)
        let staged = PostgresSQL.unnest(columns: table.columnNames, types: try await columnTypes(table.name), rows: rows.map { [storeValue] + $0 })
        try await connection.run(table.upsertFromSQL(staged.sql), staged.arguments, logger: logger)
    }

    /// The SQL types of a table's columns (read once per table and write).
    private mutating func columnTypes(_ table: String) async throws -> [String: String] {
        if let known = types[table] { return known }
        var result: [String: String] = [:]
        for row in try await connection.rows("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?",
                                             [.text(table)], logger: logger) {
            if case .text(let name) = row[0], case .text(let type) = row[1] { result[name] = type }
        }
        types[table] = result
        return result
    }

    private func days(_ query: (StoreID, [String]) -> (sql: String, arguments: [SQLValue]), ids: some Collection<String>) async throws -> Set<Day> {
        var result = Set<Day>()
        let all = Array(ids)
        for start in stride(from: 0, to: all.count, by: AggregateSQL.keyChunk) {
            let (sql, arguments) = query(store, Array(all[start..<min(start + AggregateSQL.keyChunk, all.count)]))
            result.formUnion(try await connection.rows(sql, arguments, logger: logger).compactMap(AggregateSQL.day(of:)))
        }
        return result
    }
}
