extension Migration {
    /// Version 11: a parcel may be known before its tracking is. An order export names the parcel (tracking number,
    /// carrier, shipping time) without a status; a tracking export may name it without its order. `shipments` is
    /// rebuilt with those columns nullable (the portable way to drop a NOT NULL on SQLite), rows and indexes kept
    /// (the two identical order indexes of migrations 1 and 5 become one).
    static let v11ParcelsBeforeTracking = Migration(version: 11, name: "parcels_before_tracking", statements: [
        """
        CREATE TABLE shipments_v11 (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            tracking_no TEXT NOT NULL,
            order_id TEXT,
            carrier TEXT,
            shipped_at BIGINT,
            status TEXT,
            last_event_at BIGINT,
            PRIMARY KEY (store_id, tracking_no)
        )
        """,
        """
        INSERT INTO shipments_v11 (store_id, tracking_no, order_id, carrier, shipped_at, status, last_event_at)
        SELECT store_id, tracking_no, order_id, carrier, shipped_at, status, last_event_at FROM shipments
        """,
        "DROP TABLE shipments",
        "ALTER TABLE shipments_v11 RENAME TO shipments",
        "CREATE INDEX shipments_order ON shipments (store_id, order_id)",
        "CREATE INDEX shipments_open ON shipments (store_id, order_id) WHERE status <> 'delivered'",
    ])
}
