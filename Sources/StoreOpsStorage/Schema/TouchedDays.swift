import StoreOpsCore

/// The days whose aggregates a write must refresh, collected while it writes (both backends).
struct TouchedDays {
    /// Days orders were paid on (arrived, changed or moved away): every aggregate of the day.
    var sales = Set<Day>()
    /// Paid days of orders whose lines or line costs changed: the aggregates made from lines (not the refunds).
    var lines = Set<Day>()
    var refunds = Set<Day>()
    var ads = Set<Day>()
    /// Days whose orders' weight bands change (their SKUs' weights changed); sales days are refreshed anyway.
    var shipping = Set<Day>()

    /// Every touched day, oldest first.
    var allDays: [Day] { sales.union(lines).union(refunds).union(ads).union(shipping).sorted() }

    /// The delete-and-insert statements that bring the aggregates of the touched days up to date, in order, in chunks
    /// of `AggregateSQL.dayChunk` days (`refundDayChunk` for the refunds). A sales day refreshes its refunds too (the
    /// by-order-day view). Per-SKU sales come before sales, whose costs are summed from them; a day whose lines (or
    /// their unit costs) changed but not its orders has only its sales' costs updated. Weight bands only with
    /// `shippingBands` (the store has a shipping price list). The sales of the days in `computedSales` are inserted
    /// from those sums, not read back from the orders (see `NewDaySales`).
    func refreshStatements(store: StoreID, shippingBands: Bool,
                           computedSales: [Day: NewDaySales.Totals] = [:]) -> [(sql: String, arguments: [SQLValue])] {
        let salesDays = sales.union(lines)
        var statements: [(sql: String, arguments: [SQLValue])] = []
        func refresh(_ days: Set<Day>, _ delete: String, _ insert: String, size: Int = AggregateSQL.dayChunk) {
            for chunk in TouchedDays.chunks(days, size) {
                statements.append(AggregateSQL.bind(delete, store: store, days: chunk))
                statements.append(AggregateSQL.bind(insert, store: store, days: chunk))
            }
        }
        refresh(salesDays, AggregateSQL.deleteSKUSales, AggregateSQL.insertSKUSales)
        refresh(sales.subtracting(computedSales.keys), AggregateSQL.deleteSales, AggregateSQL.insertSales)
        for chunk in TouchedDays.chunks(lines.subtracting(sales), AggregateSQL.dayChunk) {
            statements.append(AggregateSQL.bind(AggregateSQL.updateSalesCosts, store: store, days: chunk))
        }
        let computed = computedSales.sorted { $0.key < $1.key }.map { (day: $0.key, sums: $0.value) }
        for start in stride(from: 0, to: computed.count, by: AggregateSQL.dayChunk) {
            let chunk = Array(computed[start..<min(start + AggregateSQL.dayChunk, computed.count)])
            statements.append(AggregateSQL.bind(AggregateSQL.deleteSales, store: store, days: chunk.map(\.day)))
            statements.append(AggregateSQL.insertComputedSales(store: store, chunk))
        }
        refresh(shippingBands ? salesDays.union(shipping) : [], AggregateSQL.deleteShipping, AggregateSQL.insertShipping)
        refresh(refunds.union(sales), AggregateSQL.deleteRefunds, AggregateSQL.insertRefunds, size: AggregateSQL.refundDayChunk)
        refresh(ads, AggregateSQL.deleteAds, AggregateSQL.insertAds)
        return statements
    }

    /// Queries that find a refreshed day whose money aggregates pass `AggregateSQL.dayBound`; the write is then
    /// refused (`StorageError.outOfRange`), so that every figure a report adds up stays countable.
    func boundChecks(store: StoreID) -> [(sql: String, arguments: [SQLValue])] {
        TouchedDays.chunks(sales.union(lines), AggregateSQL.dayChunk).map { AggregateSQL.bind(AggregateSQL.daysOutOfBound, store: store, days: $0) }
    }

    /// `days` oldest first, in chunks of `size`.
    static func chunks(_ days: Set<Day>, _ size: Int) -> [[Day]] {
        let sorted = days.sorted()
        return stride(from: 0, to: sorted.count, by: size).map { Array(sorted[$0..<min($0 + size, sorted.count)]) }
    }

    /// The SKUs of `skus` whose weight differs from the stored one (`existing`: rows of id and weight). A missing SKU
    /// or weight counts as 0 g, as it does in the weight bands; the last row of an id wins, as it does when written.
    static func changedWeights(_ skus: [SKU], existing: [[SQLValue]]) -> [String] {
        var stored: [String: Int64] = [:]
        for row in existing { if case .text(let id) = row[0], case .int(let grams) = row[1] { stored[id] = grams } }
        var latest: [String: Int64] = [:]
        for sku in skus { latest[sku.id] = Int64(sku.weightGrams ?? 0) }
        return latest.filter { $0.value != stored[$0.key, default: 0] }.map(\.key).sorted()
    }
}
