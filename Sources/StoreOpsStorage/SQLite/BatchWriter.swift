import GRDB
import StoreOpsCore

/// Writes one batch inside an open SQLite transaction: upserts every row, then refreshes the aggregates of
/// the days the batch touched (including days rows moved away from).
///
/// The days rows move away from (an order's old paid day, a refund's old completion day) and the paid days of the
/// orders that refunds belong to are noted by temporary triggers inside SQLite as the rows are written, so an import
/// of new orders costs no lookups at all; the triggers live only for the write. The orders of written lines are
/// noted as they go and their paid days found once, after the writes (`LineOrders`).
struct BatchWriter {
    let db: Database
    let store: StoreID
    private var touched = TouchedDays()
    private var summary = WriteSummary()
    /// The prepared upsert of every table written so far.
    private var upserts: [String: SQLiteUpsert] = [:]
    /// The orders of the lines written (a line's key holds its order: an update never moves it to another).
    private var lineOrders = LineOrders()

    init(db: Database, store: StoreID) {
        self.db = db
        self.store = store
    }

    /// Writes every batch of `source`, then the aggregates of the days they touched. The source runs on its own
    /// thread a few batches ahead, so that parsing and writing overlap on two cores.
    mutating func write(_ source: any FactBatchSource) throws -> WriteSummary {
        for statement in BatchWriter.watchDays { try db.execute(sql: statement) }
        try BatchPipe().run(source, prepare: EncodedBatch.init) { try upsert($0) }
        upserts = [:]
        touched.lines.formUnion(try lineOrders.paidDays(db, store: store))
        for row in try SQLiteStore.query(db, "SELECT kind, day FROM temp.storeops_touched_days", []) {
            guard case .text(let kind)? = row.first, let day = AggregateSQL.day(of: Array(row.dropFirst())) else { continue }
            if kind == "sales" { touched.sales.insert(day) } else { touched.refunds.insert(day) }
        }
        for statement in BatchWriter.unwatchDays { try db.execute(sql: statement) }
        return try finish()
    }

    /// Temporary triggers that note the days rows leave and the paid days of the orders of refunds.
    static let watchDays = [
        "CREATE TEMP TABLE IF NOT EXISTS storeops_touched_days (kind TEXT NOT NULL, day TEXT NOT NULL, PRIMARY KEY (kind, day)) WITHOUT ROWID",
        "DELETE FROM temp.storeops_touched_days",
        """
        CREATE TEMP TRIGGER IF NOT EXISTS storeops_orders_moved AFTER UPDATE ON main.orders WHEN OLD.paid_day IS NOT NULL
        BEGIN INSERT INTO storeops_touched_days SELECT 'sales', OLD.paid_day \(notNoted("'sales'", "OLD.paid_day")); END
        """,
        """
        CREATE TEMP TRIGGER IF NOT EXISTS storeops_refunds_added AFTER INSERT ON main.refunds
        BEGIN
            INSERT INTO storeops_touched_days SELECT 'refunds', NEW.completed_day \(notNoted("'refunds'", "NEW.completed_day"));
            INSERT INTO storeops_touched_days SELECT DISTINCT 'refunds', o.paid_day FROM main.orders o
                WHERE o.store_id = NEW.store_id AND o.order_id = NEW.order_id AND o.paid_day IS NOT NULL \(notNoted("'refunds'", "o.paid_day", and: true));
        END
        """,
        """
        CREATE TEMP TRIGGER IF NOT EXISTS storeops_refunds_changed AFTER UPDATE ON main.refunds
        BEGIN
            INSERT INTO storeops_touched_days SELECT 'refunds', OLD.completed_day \(notNoted("'refunds'", "OLD.completed_day"));
            INSERT INTO storeops_touched_days SELECT 'refunds', NEW.completed_day \(notNoted("'refunds'", "NEW.completed_day"));
            INSERT INTO storeops_touched_days SELECT DISTINCT 'refunds', o.paid_day FROM main.orders o
                WHERE o.store_id = NEW.store_id AND o.order_id IN (OLD.order_id, NEW.order_id) AND o.paid_day IS NOT NULL \(notNoted("'refunds'", "o.paid_day", and: true));
        END
        """,
    ]

    /// The condition that `day` of `kind` is not noted yet (a plain check: a conflict clause inside a trigger would
    /// give way to the conflict handling of the upsert that fires it).
    static func notNoted(_ kind: String, _ day: String, and: Bool = false) -> String {
        (and ? "AND " : "WHERE \(day) IS NOT NULL AND ") + "NOT EXISTS (SELECT 1 FROM storeops_touched_days t WHERE t.kind = \(kind) AND t.day = \(day))"
    }

    static let unwatchDays = [
        "DROP TRIGGER IF EXISTS temp.storeops_orders_moved", "DROP TRIGGER IF EXISTS temp.storeops_refunds_added",
        "DROP TRIGGER IF EXISTS temp.storeops_refunds_changed", "DELETE FROM temp.storeops_touched_days",
    ]

    /// A batch with the rows of every table it has encoded, made on the parsing thread. A batch too big to hold
    /// encoded at once (a demo store written in one go) is encoded table by table as it is written instead.
    struct EncodedBatch: Sendable {
        static let encodeAheadRows = 50_000
        let batch: FactBatch
        let tables: [(table: AnyFactTable, rows: [(store: StoreID, values: [SQLValue])])]?

        init(_ batch: FactBatch) {
            self.batch = batch
            tables = batch.rowCount > EncodedBatch.encodeAheadRows ? nil : AnyFactTable.all.compactMap { table in
                let rows = table.encodedRows(batch)
                return rows.isEmpty ? nil : (table, rows)
            }
        }

        /// Every table with rows, and its rows encoded.
        func forEachTable(_ body: (AnyFactTable, [(store: StoreID, values: [SQLValue])]) throws -> Void) rethrows {
            if let tables {
                for (table, rows) in tables { try body(table, rows) }
                return
            }
            for table in AnyFactTable.all {
                let rows = table.encodedRows(batch)
                if !rows.isEmpty { try body(table, rows) }
            }
        }
    }

    /// Upserts one batch and notes the days it touches (the triggers note the rest).
    mutating func upsert(_ encoded: EncodedBatch) throws {
        let batch = encoded.batch
        try noteWeightChanges(batch.skus)
        try encoded.forEachTable { table, rows in
            let upsert = try upserts[table.name] ?? SQLiteUpsert(db, table: table)
            upserts[table.name] = upsert
            for row in rows {
                guard row.store == store else {
                    throw StorageError(.database, "A row of \(table.name) belongs to store \(row.store), not \(store); nothing was written.")
                }
                try upsert.execute(store: store.rawValue, values: row.values)
            }
            summary.rowsByTable[table.name, default: 0] += rows.count
        }

        // Days rows arrived on.
        touched.sales.formUnion(batch.orders.compactMap { $0.paidDay })
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

    /// Refreshes the aggregates of every touched day.
    mutating func finish() throws -> WriteSummary {
        let bands = try !SQLiteStore.query(db, AggregateSQL.hasShippingRules, [.text(store.rawValue)]).isEmpty
        for statement in touched.refreshStatements(store: store, shippingBands: bands) { try SQLiteStore.execute(db, statement.sql, statement.arguments) }
        summary.daysRefreshed = touched.allDays
        return summary
    }
}
