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
    /// by-order-day view). Per-SKU sales come before sales, whose costs are summed from them. Weight bands only with
    /// `shippingBands` (the store has a shipping price list).
    func refreshStatements(store: StoreID, shippingBands: Bool) -> [(sql: String, arguments: [SQLValue])] {
        let plan: [(Set<Day>, String, String, Int)] = [
            (sales.union(lines), AggregateSQL.deleteSKUSales, AggregateSQL.insertSKUSales, AggregateSQL.dayChunk),
            (sales.union(lines), AggregateSQL.deleteSales, AggregateSQL.insertSales, AggregateSQL.dayChunk),
            (shippingBands ? sales.union(lines).union(shipping) : [], AggregateSQL.deleteShipping, AggregateSQL.insertShipping, AggregateSQL.dayChunk),
            (refunds.union(sales), AggregateSQL.deleteRefunds, AggregateSQL.insertRefunds, AggregateSQL.refundDayChunk),
            (ads, AggregateSQL.deleteAds, AggregateSQL.insertAds, AggregateSQL.dayChunk),
        ]
        var statements: [(sql: String, arguments: [SQLValue])] = []
        for (days, delete, insert, size) in plan {
            let sorted = days.sorted()
            for start in stride(from: 0, to: sorted.count, by: size) {
                let chunk = Array(sorted[start..<min(start + size, sorted.count)])
                statements.append(AggregateSQL.bind(delete, store: store, days: chunk))
                statements.append(AggregateSQL.bind(insert, store: store, days: chunk))
            }
        }
        return statements
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
