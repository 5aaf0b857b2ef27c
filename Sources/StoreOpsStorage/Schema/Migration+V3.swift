extension Migration {
    /// Version 3: shipping price lists, and paid orders per day, region and 100 g weight band.
    static let v3Shipping = Migration(version: 3, name: "shipping", statements: [
        """
        CREATE TABLE shipping_rules (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            position BIGINT NOT NULL,
            region TEXT,
            max_grams BIGINT,
            cost_minor BIGINT NOT NULL,
            PRIMARY KEY (store_id, position)
        )
        """,
        """
        CREATE TABLE daily_shipping (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            region TEXT NOT NULL,
            weight_band BIGINT NOT NULL,
            orders BIGINT NOT NULL,
            PRIMARY KEY (store_id, day, region, weight_band)
        )
        """,
        // Existing stores get their bands now.
        """
        INSERT INTO daily_shipping (store_id, day, region, weight_band, orders)
        SELECT t.store_id, t.day, t.region, t.band, COUNT(*) FROM (
            SELECT o.store_id AS store_id, o.paid_day AS day, COALESCE(o.region, '') AS region,
                   (COALESCE((SELECT SUM(l.quantity * COALESCE(s.weight_grams, 0)) FROM order_lines l
                              LEFT JOIN skus s ON s.store_id = l.store_id AND s.sku_id = l.sku_id
                              WHERE l.store_id = o.store_id AND l.order_id = o.order_id), 0) + 99) / 100 AS band
            FROM orders o WHERE o.paid_day IS NOT NULL
        ) t
        GROUP BY t.store_id, t.day, t.region, t.band
        """,
    ])
}
