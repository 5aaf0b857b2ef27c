extension Migration {
    /// Version 11: a parcel may be known before its tracking is. An order export names the parcel (tracking number,
    /// carrier, shipping time) without a status; a tracking export may name it without its order. `shipments` is
    /// rebuilt with those columns nullable (the portable way to drop a NOT NULL on SQLite), rows and indexes kept
    /// (the two identical order indexes of migrations 1 and 5 become one). A competitor snapshot's review count may be
    /// unknown (a watch sheet without it): `competitor_snapshots` is rebuilt the same way.
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
        """
        CREATE TABLE competitor_snapshots_v11 (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            competitor_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            price_minor BIGINT NOT NULL,
            promo_price_minor BIGINT,
            monthly_sales BIGINT NOT NULL,
            review_count BIGINT,
            title TEXT NOT NULL,
            main_image TEXT,
            PRIMARY KEY (store_id, day, competitor_id, item_id)
        )
        """,
        """
        INSERT INTO competitor_snapshots_v11 (store_id, day, competitor_id, item_id, price_minor, promo_price_minor, monthly_sales,
                                              review_count, title, main_image)
        SELECT store_id, day, competitor_id, item_id, price_minor, promo_price_minor, monthly_sales, review_count, title, main_image
        FROM competitor_snapshots
        """,
        "DROP TABLE competitor_snapshots",
        "ALTER TABLE competitor_snapshots_v11 RENAME TO competitor_snapshots",
    ])
}
