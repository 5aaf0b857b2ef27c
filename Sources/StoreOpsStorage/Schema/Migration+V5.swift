extension Migration {
    /// Version 5: parcels by order, for the logistics checks' reads of the parcels of recent orders.
    static let v5ShipmentsByOrder = Migration(version: 5, name: "shipments_by_order", statements: [
        "CREATE INDEX shipments_order ON shipments (store_id, order_id)",
    ])
}
