import StoreOpsCore

/// The read customer analytics needs, the same on SQLite and PostgreSQL: three columns of the paid orders with a
/// buyer, instead of whole orders.
enum CustomerSQL {
    /// Buyer, payment day and paid amount of every paid order with a buyer id, paid on or before `end`.
    static func purchases(store: StoreID, through end: Day) -> (sql: String, arguments: [SQLValue]) {
        ("SELECT buyer, paid_day, paid_minor FROM orders WHERE store_id = ? AND paid_at IS NOT NULL AND paid_day <= ? "
            + "AND buyer IS NOT NULL AND buyer <> ''",
         [.text(store.rawValue), .day(end)])
    }

    static func decodePurchase(_ row: [SQLValue], store: StoreID, currency: Currency) throws -> Purchase {
        var r = RowReader(values: row, store: store, currency: currency, table: "orders")
        return Purchase(customer: try r.text(), day: try r.day(), amountMinor: try r.int64())
    }
}
