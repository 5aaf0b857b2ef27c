import StoreOpsCore

/// The read customer analytics needs, the same on SQLite and PostgreSQL: three columns of the paid orders with a
/// buyer, instead of whole orders.
enum CustomerSQL {
    /// Buyer, payment day and paid amount of every paid order with a buyer id, paid on or before `end`, by buyer in
    /// byte order, then day. SQLite reads them in that order from `orders_by_buyer` (its BINARY collation is byte
    /// order; no sort); PostgreSQL sorts them under the "C" collation (its default one is not byte order).
    static func purchases(store: StoreID, through end: Day, postgres: Bool) -> (sql: String, arguments: [SQLValue]) {
        ("SELECT buyer, paid_day, paid_minor FROM orders" + (postgres ? "" : " INDEXED BY orders_by_buyer")
            + " WHERE store_id = ? AND paid_at IS NOT NULL AND paid_day <= ? AND buyer IS NOT NULL AND buyer <> '' "
            + (postgres ? "ORDER BY buyer COLLATE \"C\", paid_day" : "ORDER BY buyer, paid_day"),
         [.text(store.rawValue), .day(end)])
    }

    /// Per day of `days`: the buyers whose first paid order with a buyer id ever is on that day, their orders of the
    /// day and what those paid. One grouping of the store's paid orders by buyer (in the database, not in Swift), then
    /// a join of the range's orders to the buyers who began in it.
    /// PostgreSQL's form of `firstPurchases`: its planner joins the two sides by a nested loop (minutes on the demo
    /// store), so each buyer's first day comes from a window over the buyer-days instead, which PostgreSQL hashes and
    /// sorts quickly (and SQLite does not: 6.9 s against 2.2 s on a million orders).
    static func firstPurchasesByWindow(store: StoreID, days: DayRange) -> (sql: String, arguments: [SQLValue]) {
        ("SELECT paid_day, COUNT(*), CAST(SUM(n) AS BIGINT), CAST(SUM(amount) AS BIGINT) FROM (SELECT buyer, paid_day, "
            + "COUNT(*) AS n, SUM(paid_minor) AS amount, MIN(paid_day) OVER (PARTITION BY buyer) AS first_day FROM orders "
            + "WHERE store_id = ? AND paid_at IS NOT NULL AND paid_day <= ? AND buyer IS NOT NULL AND buyer <> '' "
            + "GROUP BY buyer, paid_day) t WHERE paid_day = first_day AND paid_day BETWEEN ? AND ? GROUP BY paid_day ORDER BY paid_day",
         [.text(store.rawValue), .day(days.last), .day(days.first), .day(days.last)])
    }

    /// SQLite's form: each buyer's first day from one ordered pass over `orders_by_buyer` (named: without statistics
    /// SQLite would range-scan the days index and sort the history; 55 against 30 ms on the demo store).
    static func firstPurchases(store: StoreID, days: DayRange) -> (sql: String, arguments: [SQLValue]) {
        ("SELECT o.paid_day, COUNT(DISTINCT o.buyer), COUNT(*), CAST(SUM(o.paid_minor) AS BIGINT) FROM orders o JOIN "
            + "(SELECT buyer, MIN(paid_day) AS first_day FROM orders INDEXED BY orders_by_buyer WHERE store_id = ? "
            + "AND paid_at IS NOT NULL AND paid_day <= ? "
            + "AND buyer IS NOT NULL AND buyer <> '' GROUP BY buyer HAVING MIN(paid_day) >= ?) f "
            + "ON f.buyer = o.buyer AND f.first_day = o.paid_day "
            + "WHERE o.store_id = ? AND o.paid_at IS NOT NULL AND o.paid_day BETWEEN ? AND ? GROUP BY o.paid_day ORDER BY o.paid_day",
         [.text(store.rawValue), .day(days.last), .day(days.first), .text(store.rawValue), .day(days.first), .day(days.last)])
    }

    static func decodeFirstPurchase(_ row: [SQLValue], store: StoreID, currency: Currency) throws -> FirstPurchaseDay {
        var r = RowReader(values: row, store: store, currency: currency, table: "orders")
        return FirstPurchaseDay(day: try r.day(), buyers: try r.int64(), orders: try r.int64(), gmvMinor: try r.int64())
    }

    static func decodePurchase(_ row: [SQLValue], store: StoreID, currency: Currency) throws -> Purchase {
        var r = RowReader(values: row, store: store, currency: currency, table: "orders")
        return Purchase(customer: try r.text(), day: try r.day(), amountMinor: try r.int64())
    }
}
