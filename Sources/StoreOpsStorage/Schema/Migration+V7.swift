extension Migration {
    /// Version 7: units and revenue per day and SKU of paid orders' lines, kept like the other daily aggregates, so
    /// that the morning checks read a few hundred rows per window instead of every line of two months; and partial
    /// indexes of the open work (paid orders not shipped, parcels not delivered), small whatever the history.
    static let v7SKUSales = Migration(version: 7, name: "daily_sku_sales", statements: [
        """
        CREATE TABLE daily_sku_sales (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            sku_id TEXT NOT NULL,
            product_id TEXT NOT NULL,
            units BIGINT NOT NULL,
            revenue_minor BIGINT NOT NULL,
            PRIMARY KEY (store_id, day, sku_id, product_id)
        )
        """,
        "CREATE INDEX orders_unshipped ON orders (store_id, paid_day) WHERE status = 'paid' AND shipped_at IS NULL",
        "CREATE INDEX shipments_open ON shipments (store_id, order_id) WHERE status <> 'delivered'",
        // Existing stores get theirs now.
        """
        INSERT INTO daily_sku_sales (store_id, day, sku_id, product_id, units, revenue_minor)
        SELECT o.store_id, o.paid_day, COALESCE(l.sku_id, ''), COALESCE(l.product_id, ''), CAST(SUM(l.quantity) AS BIGINT),
               CAST(SUM(l.quantity * l.unit_price_minor) AS BIGINT)
        FROM order_lines l JOIN orders o ON o.store_id = l.store_id AND o.order_id = l.order_id
        WHERE o.paid_day IS NOT NULL
        GROUP BY o.store_id, o.paid_day, COALESCE(l.sku_id, ''), COALESCE(l.product_id, '')
        """,
    ])
}
