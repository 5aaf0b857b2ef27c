import GRDB
import StoreOpsCore
import Synchronization

/// Writes one batch inside an open SQLite transaction: upserts every row, then refreshes the aggregates of
/// the days the batch touched (including days rows moved away from).
///
/// The days rows move away from (an order's old paid day, a refund's old completion day and its old order's paid day)
/// are read by key before a batch overwrites them, and the paid days of the orders of refunds after it. A store that
/// had no orders (refunds) when the write began has none to move or look up: the first import of a store's history,
/// the biggest one, costs no lookups at all. (Temporary triggers noted these days once; a trigger on the upserted
/// table makes SQLite keep a statement journal for every row, a copy of every page the row changes: 8 s of a million
/// orders.) The orders of written lines are noted as they go and their paid days found once, after the writes
/// (`LineOrders`).
struct BatchWriter {
    let db: Database
    let store: StoreID
    private var touched = TouchedDays()
    private var summary = WriteSummary()
    /// The prepared upsert of every table written so far.
    private var upserts: [String: SQLiteUpsert] = [:]
    /// The orders of the lines written (a line's key holds its order: an update never moves it to another).
    private var lineOrders = LineOrders()
    /// Whether the store had orders, and refunds, when the write began (set by `write`).
    private var hadOrders = true, hadRefunds = true

    init(db: Database, store: StoreID) {
        self.db = db
        self.store = store
    }

    /// Writes every batch of `source`, then the aggregates of the days they touched. The source runs on its own
    /// thread a few batches ahead, so that parsing and writing overlap on two cores.
    mutating func write(_ source: any FactBatchSource) throws -> WriteSummary {
        hadOrders = try exists("orders")
        hadRefunds = try exists("refunds")
        let salesDays = try SQLiteStore.query(db, AggregateSQL.allSalesDays, [.text(store.rawValue)]).compactMap(AggregateSQL.day(of:))
        // Summed where the batches are prepared, in order; read once the pipe has ended.
        let newDays = Mutex(NewDaySales(excluding: Set(salesDays)))
        let store = store
        try BatchPipe().run(source, prepare: { batch in
            newDays.withLock { $0.add(batch.orders) }
            return EncodedBatch(batch, for: store)
        }) { try upsert($0) }
        upserts = [:]
        touched.lines.formUnion(try lineOrders.paidDays(db, store: store))
        return try finish(newDays: newDays.withLock { $0 })
    }

    /// Whether the store has a row in `table`.
    private func exists(_ table: String) throws -> Bool {
        try !SQLiteStore.query(db, AggregateSQL.storeHasRows(in: table), [.text(store.rawValue)]).isEmpty
    }

    /// The days `lookup` finds for `ids` of `store`, in lookups of `AggregateSQL.keyChunk` ids.
    static func days(_ db: Database, store: StoreID, _ lookup: (StoreID, [String]) -> (sql: String, arguments: [SQLValue]),
                     ids: [String]) throws -> Set<Day> {
        var days = Set<Day>()
        for start in stride(from: 0, to: ids.count, by: AggregateSQL.keyChunk) {
            let (sql, arguments) = lookup(store, Array(ids[start..<min(start + AggregateSQL.keyChunk, ids.count)]))
            days.formUnion(try SQLiteStore.query(db, sql, arguments).compactMap(AggregateSQL.day(of:)))
        }
        return days
    }

    /// A batch with the rows of every table laid out for binding, made on the parsing thread. A batch too big to hold
    /// laid out at once (a demo store written in one go) is laid out table by table as it is written instead.
    struct EncodedBatch: Sendable {
        static let encodeAheadRows = SQLiteRows.maxRows
        let batch: FactBatch
        let store: StoreID
        let tables: [(table: AnyFactTable, rows: SQLiteRows)]?

        init(_ batch: FactBatch, for store: StoreID) {
            self.batch = batch
            self.store = store
            tables = batch.rowCount > EncodedBatch.encodeAheadRows ? nil : AnyFactTable.all.compactMap { table in
                let rows = table.encodedRows(batch)
                return rows.isEmpty ? nil : (table, SQLiteRows(rows[...], of: store))
            }
        }

        /// Every table with rows, and its rows (in slices, for a batch laid out as it is written).
        func forEachTable(_ body: (AnyFactTable, SQLiteRows) throws -> Void) rethrows {
            if let tables {
                for (table, rows) in tables { try body(table, rows) }
                return
            }
            for table in AnyFactTable.all {
                for slice in SQLiteRows.slices(table.encodedRows(batch), of: store) { try body(table, slice) }
            }
        }
    }

    /// Upserts one batch and notes the days it touches.
    private mutating func upsert(_ encoded: EncodedBatch) throws {
        let batch = encoded.batch
        try noteWeightChanges(batch.skus)
        // Days rows leave, read before they are overwritten.
        if hadOrders, !batch.orders.isEmpty {
            touched.sales.formUnion(try BatchWriter.days(db, store: store, AggregateSQL.paidDays, ids: batch.orders.map(\.id)))
        }
        if hadRefunds, !batch.refunds.isEmpty {
            touched.refunds.formUnion(try BatchWriter.days(db, store: store, AggregateSQL.refundDays, ids: batch.refunds.map(\.id)))
        }
        try encoded.forEachTable { table, rows in
            let upsert = try upserts[table.name] ?? SQLiteUpsert(db, table: table)
            upserts[table.name] = upsert
            if let foreign = rows.foreignStore {
                throw StorageError(.database, "A row of \(table.name) belongs to store \(foreign), not \(store); nothing was written.")
            }
            try upsert.execute(rows, store: store.rawValue)
            summary.rowsByTable[table.name, default: 0] += rows.count
        }

        // Days rows arrived on. The paid days of the orders of refunds: an order written by this write has its day
        // among the sales days (which refresh refunds too), one written before is looked up.
        touched.sales.formUnion(batch.orders.compactMap { $0.paidDay })
        touched.refunds.formUnion(batch.refunds.compactMap { $0.completedDay })
        if hadOrders, !batch.refunds.isEmpty {
            touched.refunds.formUnion(try BatchWriter.days(db, store: store, AggregateSQL.paidDays, ids: Array(Set(batch.refunds.map(\.orderID)))))
        }
        for line in batch.orderLines { lineOrders.insert(line.orderID) }
        if let earliest = batch.skuCosts.map(\.effectiveFrom).min() {
            let lookup = AggregateSQL.salesDays(store: store, from: earliest)
            touched.lines.formUnion(try SQLiteStore.query(db, lookup.sql, lookup.arguments).compactMap(AggregateSQL.day(of:)))
        }
        touched.ads.formUnion(batch.adStats.map(\.day))
    }

    /// Notes the sales days of the SKUs whose weights `skus` change (their orders move between weight bands).
    private mutating func noteWeightChanges(_ skus: [SKU]) throws {
        guard !skus.isEmpty else { return }
        let ids = Array(Set(skus.map(\.id)))
        let existing = try AggregateSQL.skuWeights(store: store, skuIDs: ids).flatMap { try SQLiteStore.query(db, $0.sql, $0.arguments) }
        for lookup in AggregateSQL.skuDays(store: store, skuIDs: TouchedDays.changedWeights(skus, existing: existing)) {
            touched.shipping.formUnion(try SQLiteStore.query(db, lookup.sql, lookup.arguments).compactMap(AggregateSQL.day(of:)))
        }
    }

    /// Refreshes the aggregates of every touched day, the sales of `newDays` from their sums where they hold.
    private mutating func finish(newDays: NewDaySales) throws -> WriteSummary {
        let bands = try !SQLiteStore.query(db, AggregateSQL.hasShippingRules, [.text(store.rawValue)]).isEmpty
        let statements = touched.refreshStatements(store: store, shippingBands: bands, computedSales: try computedSales(newDays))
        for statement in statements { try SQLiteStore.execute(db, statement.sql, statement.arguments) }
        for check in touched.boundChecks(store: store) where try !SQLiteStore.query(db, check.sql, check.arguments).isEmpty {
            throw StorageError.outOfRange(underlying: nil)
        }
        summary.daysRefreshed = touched.allDays
        return summary
    }

    /// The sums of `newDays` that hold: the days with as many paid orders now as rows summed.
    private func computedSales(_ newDays: NewDaySales) throws -> [Day: NewDaySales.Totals] {
        var paidOrders: [Day: Int] = [:]
        for chunk in TouchedDays.chunks(newDays.days, AggregateSQL.dayChunk) {
            let (sql, arguments) = AggregateSQL.bind(AggregateSQL.paidOrderCounts, store: store, days: chunk)
            for row in try SQLiteStore.query(db, sql, arguments) {
                if let day = AggregateSQL.day(of: row), case .int(let count) = row[1] { paidOrders[day] = Int(count) }
            }
        }
        return newDays.verified(paidOrders)
    }
}
