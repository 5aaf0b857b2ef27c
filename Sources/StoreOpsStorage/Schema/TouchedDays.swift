import StoreOpsCore

/// The days whose aggregates a write must refresh, collected while it writes (both backends).
struct TouchedDays {
    var sales = Set<Day>()
    var refunds = Set<Day>()
    var ads = Set<Day>()

    /// Every touched day, oldest first.
    var allDays: [Day] { sales.union(refunds).union(ads).sorted() }

    /// The delete-and-insert statements that bring the aggregates of the touched days up to date, in order, in chunks
    /// of `AggregateSQL.dayChunk` days. A sales day refreshes its refunds too (the by-order-day view).
    func refreshStatements(store: StoreID) -> [(sql: String, arguments: [SQLValue])] {
        let plan: [(Set<Day>, String, String)] = [
            (sales, AggregateSQL.deleteSales, AggregateSQL.insertSales),
            (sales, AggregateSQL.deleteShipping, AggregateSQL.insertShipping),
            (sales, AggregateSQL.deleteSKUSales, AggregateSQL.insertSKUSales),
            (refunds.union(sales), AggregateSQL.deleteRefunds, AggregateSQL.insertRefunds),
            (ads, AggregateSQL.deleteAds, AggregateSQL.insertAds),
        ]
        var statements: [(sql: String, arguments: [SQLValue])] = []
        for (days, delete, insert) in plan {
            let sorted = days.sorted()
            for start in stride(from: 0, to: sorted.count, by: AggregateSQL.dayChunk) {
                let chunk = Array(sorted[start..<min(start + AggregateSQL.dayChunk, sorted.count)])
                statements.append(AggregateSQL.bind(delete, store: store, days: chunk))
                statements.append(AggregateSQL.bind(insert, store: store, days: chunk))
            }
        }
        return statements
    }
}
