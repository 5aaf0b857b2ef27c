extension Migration {
    /// Version 16: the paid orders with a buyer, by buyer, with the day and amount in the index itself. Each
    /// buyer's first purchase (new and returning buyers in every master table people read, customer analytics) is
    /// then one ordered pass over the index instead of a sort of the store's whole order history.
    static let v16OrdersByBuyer = Migration(
        version: 16, name: "orders by buyer",
        statements: [
            "CREATE INDEX orders_by_buyer ON orders (store_id, buyer, paid_day, paid_minor) "
                + "WHERE paid_at IS NOT NULL AND buyer IS NOT NULL AND buyer <> ''",
        ])
}
