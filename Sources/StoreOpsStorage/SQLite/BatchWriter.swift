import GRDB
import StoreOpsCore

/// Writes one batch inside an open SQLite transaction: upserts every row, then refreshes the aggregates of
/// the days the batch touched (including days rows moved away from).
struct BatchWriter {
    let db: Database
    let store: StoreID
    private var touched = TouchedDays()
    private var summary = WriteSummary()

    init(db: Database, store: StoreID) {
        self.db = db
        self.store = store
    }

    /// Writes every batch of `source`, then the aggregates of the days they touched.
    mutating func write(_ source: any FactBatchSource) throws -> WriteSummary {
        try source.forEachBatch { try upsert($0) }
        return try finish()
    }

    /// Upserts one batch and notes the days it touches.
    mutating func upsert(_ batch: FactBatch) throws {
        // Days rows are about to leave: an order's old paid day, a refund's old completion day.
        touched.sales.formUnion(try days(AggregateSQL.paidDays, ids: batch.orders.map(\.id)))
        touched.refunds.formUnion(try days(AggregateSQL.refundDays, ids: batch.refunds.map(\.id)))

        for table in AnyFactTable.all {
            let rows = table.encodedRows(batch)
            guard !rows.isEmpty else { continue }
            let statement = try db.cachedStatement(sql: table.upsertSQL)
            for row in rows {
                guard row.store == store else {
                    throw StorageError(.database, "A row of \(table.name) belongs to store \(row.store), not \(store); nothing was written.")
                }
                statement.setUncheckedArguments(StatementArguments([SQLValue.text(store.rawValue).databaseValue] + row.values.map(\.databaseValue)))
                try statement.execute()
            }
            summary.rowsByTable[table.name, default: 0] += rows.count
        }

        // Days rows arrived on.
        touched.sales.formUnion(batch.orders.compactMap(\.paidDay))
        touched.sales.formUnion(try days(AggregateSQL.paidDays, ids: Set(batch.orderLines.map(\.orderID))))
        if let earliest = batch.skuCosts.map(\.effectiveFrom).min() {
            touched.sales.formUnion(try SQLiteStore.query(db, AggregateSQL.salesDays(store: store, from: earliest).sql,
                                                          AggregateSQL.salesDays(store: store, from: earliest).arguments).compactMap(AggregateSQL.day(of:)))
        }
        touched.refunds.formUnion(try days(AggregateSQL.refundDays, ids: batch.refunds.map(\.id)))
        touched.ads.formUnion(batch.adStats.map(\.day))
    }

    /// Refreshes the aggregates of every touched day.
    mutating func finish() throws -> WriteSummary {
        for statement in touched.refreshStatements(store: store) { try SQLiteStore.execute(db, statement.sql, statement.arguments) }
        summary.daysRefreshed = touched.allDays
        return summary
    }

    private func days(_ query: (StoreID, [String]) -> (sql: String, arguments: [SQLValue]), ids: some Collection<String>) throws -> Set<Day> {
        var result = Set<Day>()
        let all = Array(ids)
        for start in stride(from: 0, to: all.count, by: AggregateSQL.keyChunk) {
            let chunk = Array(all[start..<min(start + AggregateSQL.keyChunk, all.count)])
            let (sql, arguments) = query(store, chunk)
            result.formUnion(try SQLiteStore.query(db, sql, arguments).compactMap(AggregateSQL.day(of:)))
        }
        return result
    }

}
