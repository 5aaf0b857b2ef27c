extension Migration {
    /// Version 9: unknown is not zero. An order's buyer and units may be unknown (an export without a buyer or units
    /// column), and so may a day's buyers and units in `daily_sales` (some of its paid orders lack them); an order
    /// notes whether its export said what was refunded (`refunds_known`), a day how many of its paid orders did not
    /// (`refund_unknown_orders`). The two tables are rebuilt with those columns nullable, the only portable way to drop
    /// a NOT NULL on SQLite; their rows (every existing order's refunds taken as known, as they were) and indexes are
    /// kept.
    static let v9UnknownBuyersAndUnits = Migration(version: 9, name: "unknown_buyers_and_units", statements: [
        """
        CREATE TABLE orders_v9 (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            order_id TEXT NOT NULL,
            buyer TEXT,
            status TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            paid_at BIGINT,
            paid_day TEXT,
            goods_total_minor BIGINT NOT NULL,
            shipping_fee_minor BIGINT NOT NULL,
            paid_minor BIGINT NOT NULL,
            units BIGINT,
            source TEXT,
            region TEXT,
            ship_by BIGINT,
            shipped_at BIGINT,
            refunds_known BIGINT NOT NULL DEFAULT 1,
            PRIMARY KEY (store_id, order_id)
        )
        """,
        """
        INSERT INTO orders_v9 (store_id, order_id, buyer, status, created_at, paid_at, paid_day, goods_total_minor, shipping_fee_minor,
                               paid_minor, units, source, region, ship_by, shipped_at)
        SELECT store_id, order_id, buyer, status, created_at, paid_at, paid_day, goods_total_minor, shipping_fee_minor,
               paid_minor, units, source, region, ship_by, shipped_at FROM orders
        """,
        "DROP TABLE orders",
        "ALTER TABLE orders_v9 RENAME TO orders",
        "CREATE INDEX orders_by_paid_day ON orders (store_id, paid_day)",
        "CREATE INDEX orders_unshipped ON orders (store_id, paid_day) WHERE status = 'paid' AND shipped_at IS NULL",
        """
        CREATE TABLE daily_sales_v9 (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            gmv_minor BIGINT NOT NULL,
            paid_orders BIGINT NOT NULL,
            buyers BIGINT,
            units BIGINT,
            cogs_minor BIGINT NOT NULL,
            cost_missing_units BIGINT NOT NULL,
            cost_missing_value_minor BIGINT NOT NULL,
            refund_unknown_orders BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY (store_id, day)
        )
        """,
        """
        INSERT INTO daily_sales_v9 (store_id, day, gmv_minor, paid_orders, buyers, units, cogs_minor, cost_missing_units, cost_missing_value_minor)
        SELECT store_id, day, gmv_minor, paid_orders, buyers, units, cogs_minor, cost_missing_units, cost_missing_value_minor FROM daily_sales
        """,
        "DROP TABLE daily_sales",
        "ALTER TABLE daily_sales_v9 RENAME TO daily_sales",
        // Per paid day, the refunds without a completion date (that no dated refund of their order supersedes): from the
        // first such day on, refunds by refund day are unknown. Kept with the other refund aggregates, so a read finds
        // that day without joining every such refund to its order.
        "ALTER TABLE daily_refunds ADD COLUMN undated_orders BIGINT NOT NULL DEFAULT 0",
        """
        UPDATE daily_refunds SET undated_orders = (
            SELECT COUNT(*) FROM refunds r JOIN orders o ON o.store_id = r.store_id AND o.order_id = r.order_id
            WHERE r.store_id = daily_refunds.store_id AND o.paid_day = daily_refunds.day AND r.status = 'completed'
              AND r.completed_day IS NULL AND NOT EXISTS (SELECT 1 FROM refunds d WHERE d.store_id = r.store_id
                AND d.order_id = r.order_id AND d.status = 'completed' AND d.completed_day IS NOT NULL))
        """,
    ])
}
