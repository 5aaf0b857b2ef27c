extension Migration {
    /// Version 8: purchase orders by receipt day, so that the morning checks find the open ones (not received) and
    /// those received in a range by index instead of reading every purchase order of the store.
    static let v8PurchaseOrdersByReceipt = Migration(version: 8, name: "purchase_orders_by_received_on", statements: [
        "CREATE INDEX purchase_orders_by_received_on ON purchase_orders (store_id, received_on)",
    ])
}
