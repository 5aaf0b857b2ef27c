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
    /// The written row count at which the tables' statistics are refreshed next.
    private var nextAnalyze = PostgresBatchWriter.analyzeThreshold * 10
    /// Whether the store had orders, and refunds, when the write began (`start`). Without them no row can move
    /// away from a day, and every order the write's lines and refunds belong to was written by it (its paid day is a
    /// sales day, whose refresh covers lines and refunds): the first import of a store's history, the biggest one,
    /// looks nothing up. The lookups were 11 s of the 57 s of a million orders.
    private var hadOrders = true, hadRefunds = true

    init(connection: PostgresConnection, store: StoreID, logger: Logger) {
        self.connection = connection
        self.store = store
        self.logger = logger
    }

    /// Writes of at least this many rows refresh the planner's statistics before the aggregates.
    static let analyzeThreshold = 2_000

    /// Notes what the store had when the write began; called before the first batch.
    mutating func start() async throws {
        hadOrders = try await exists("orders")
        hadRefunds = try await exists("refunds")
    }

    /// Whether the store has a row in `table`.
    private func exists(_ table: String) async throws -> Bool {
        try await !connection.rows(AggregateSQL.storeHasRows(in: table), [.text(store.rawValue)], logger: logger).isEmpty
    }

    /// Upserts one batch and notes the days it touches.
    mutating func upsert(_ batch: FactBatch) async throws {
        // Days rows leave, read before they are overwritten.
        if hadOrders { touched.sales.formUnion(try await days(Self.paidDays, ids: batch.orders.map(\.id))) }
        if hadRefunds { touched.refunds.formUnion(try await days(Self.refundDays, ids: batch.refunds.map(\.id))) }
        try await noteWeightChanges(batch.skus)

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

        // Days rows arrived on; the paid days of the orders of lines and refunds written before this write.
        touched.sales.formUnion(batch.orders.compactMap(\.paidDay))
        touched.refunds.formUnion(batch.refunds.compactMap(\.completedDay))
        if hadOrders {
            touched.lines.formUnion(try await days(Self.paidDays, ids: Set(batch.orderLines.map(\.orderID))))
            touched.refunds.formUnion(try await days(Self.paidDays, ids: Set(batch.refunds.map(\.orderID))))
        }
        if let earliest = batch.skuCosts.map(\.effectiveFrom).min() {
            let (sql, arguments) = AggregateSQL.salesDays(store: store, from: earliest)
            touched.lines.formUnion(try await connection.rows(sql, arguments, logger: logger).compactMap(AggregateSQL.day(of:)))
        }
        touched.ads.formUnion(batch.adStats.map(\.day))

        // The planner only knows the rows this transaction wrote once ANALYZE has seen them; without it the key
        // lookups above turn into scans of the growing tables (quadratic: a 1M-order import ran for many minutes).
        // Refreshing at 20k, 200k, 2M ... rows keeps the estimates within 10x of the truth for a few ANALYZEs.
        if summary.totalRows >= nextAnalyze {
            try await connection.run("ANALYZE " + summary.rowsByTable.keys.sorted().joined(separator: ", "), logger: logger)
            nextAnalyze *= 10
        }
    }

    /// Notes the sales days of the SKUs whose weights `skus` change (their orders move between weight bands).
    private mutating func noteWeightChanges(_ skus: [SKU]) async throws {
        guard !skus.isEmpty else { return }
        let ids = Array(Set(skus.map(\.id)))
        var existing: [[SQLValue]] = []
        for lookup in AggregateSQL.skuWeights(store: store, skuIDs: ids) { existing += try await connection.rows(lookup.sql, lookup.arguments, logger: logger) }
        for lookup in AggregateSQL.skuDays(store: store, skuIDs: TouchedDays.changedWeights(skus, existing: existing)) {
            touched.shipping.formUnion(try await connection.rows(lookup.sql, lookup.arguments, logger: logger).compactMap(AggregateSQL.day(of:)))
        }
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
        let bands = try await !connection.rows(AggregateSQL.hasShippingRules, [.text(store.rawValue)], logger: logger).isEmpty
        for statement in touched.refreshStatements(store: store, shippingBands: bands) {
            try await connection.run(statement.sql, statement.arguments, logger: logger)
        }
        for check in touched.boundChecks(store: store) where try await !connection.rows(check.sql, check.arguments, logger: logger).isEmpty {
            throw StorageError.outOfRange(underlying: nil)
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
        let result = Dictionary(try await PostgresSchema.columns(of: table, on: connection, logger: logger), uniquingKeysWith: { a, _ in a })
        types[table] = result
        return result
    }

    /// Paid days of the store's orders whose ids are in the array parameter (the lookup of `AggregateSQL.paidDays`
    /// with all of a batch's ids in one statement). A correlated subquery per id is always an index probe: as a
    /// join, the planner's estimates mid-import chose hash joins over the whole growing table for every batch.
    static let paidDays = """
        SELECT (SELECT o.paid_day FROM orders o WHERE o.store_id = ? AND o.order_id = k.id) FROM unnest(?::text[]) AS k(id)
        """

    /// Completion days of the store's refunds in the array parameter, and the paid days of their orders.
    static let refundDays = """
        SELECT (SELECT r.completed_day FROM refunds r WHERE r.store_id = ? AND r.refund_id = k.id),
               (SELECT o.paid_day FROM refunds r JOIN orders o ON o.store_id = r.store_id AND o.order_id = r.order_id
                WHERE r.store_id = ? AND r.refund_id = k.id)
        FROM unnest(?::text[]) AS k(id)
        """

    /// The days `sql` finds for `ids` (each `?::text[]` gets the ids, each other `?` the store).
    private func days(_ sql: String, ids: some Collection<String>) async throws -> Set<Day> {
        guard !ids.isEmpty else { return [] }
        let array = SQLValue.text("{" + ids.map { PostgresSQL.arrayElement(.text($0)) }.joined(separator: ",") + "}")
        let store = SQLValue.text(self.store.rawValue)
        let arguments = sql.components(separatedBy: "?").dropFirst().map { $0.hasPrefix("::text[]") ? array : store }
        var days = Set<Day>()
        for row in try await connection.rows(sql, arguments, logger: logger) {
            for case .text(let text) in row { if let day = Day(iso: text) { days.insert(day) } }
        }
        return days
    }
}
