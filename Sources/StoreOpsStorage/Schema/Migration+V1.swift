extension Migration {
    /// Version 1: stores, cost settings, every fact table of the domain model and the daily aggregates.
    /// Every table is keyed by `store_id` first and references `stores` (the only cross-table key).
    static let v1Foundation = Migration(version: 1, name: "foundation", statements: [
        """
        CREATE TABLE stores (
            store_id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            platform TEXT NOT NULL,
            currency TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            created_at BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE cost_settings (
            store_id TEXT NOT NULL PRIMARY KEY REFERENCES stores (store_id) ON DELETE CASCADE,
            commission_ppm BIGINT NOT NULL,
            payment_fee_ppm BIGINT NOT NULL,
            shipping_per_order_minor BIGINT,
            other_daily_cost_minor BIGINT
        )
        """,
        """
        CREATE TABLE products (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            product_id TEXT NOT NULL,
            title TEXT NOT NULL,
            category TEXT,
            price_minor BIGINT NOT NULL,
            is_hero BIGINT NOT NULL,
            listed_on TEXT,
            PRIMARY KEY (store_id, product_id)
        )
        """,
        """
        CREATE TABLE skus (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            sku_id TEXT NOT NULL,
            product_id TEXT NOT NULL,
            attributes TEXT NOT NULL,
            price_minor BIGINT NOT NULL,
            weight_grams BIGINT,
            lead_time_days BIGINT,
            PRIMARY KEY (store_id, sku_id)
        )
        """,
        "CREATE INDEX skus_by_product_id ON skus (store_id, product_id)",
        """
        CREATE TABLE sku_costs (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            sku_id TEXT NOT NULL,
            effective_from TEXT NOT NULL,
            unit_cost_minor BIGINT NOT NULL,
            PRIMARY KEY (store_id, sku_id, effective_from)
        )
        """,
        """
        CREATE TABLE orders (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            order_id TEXT NOT NULL,
            buyer TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            paid_at BIGINT,
            paid_day TEXT,
            goods_total_minor BIGINT NOT NULL,
            shipping_fee_minor BIGINT NOT NULL,
            paid_minor BIGINT NOT NULL,
            units BIGINT NOT NULL,
            source TEXT,
            region TEXT,
            ship_by BIGINT,
            shipped_at BIGINT,
            PRIMARY KEY (store_id, order_id)
        )
        """,
        "CREATE INDEX orders_by_paid_day ON orders (store_id, paid_day)",
        """
        CREATE TABLE order_lines (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            order_id TEXT NOT NULL,
            line_no BIGINT NOT NULL,
            product_id TEXT,
            sku_id TEXT,
            title TEXT NOT NULL,
            unit_price_minor BIGINT NOT NULL,
            quantity BIGINT NOT NULL,
            paid_minor BIGINT,
            PRIMARY KEY (store_id, order_id, line_no)
        )
        """,
        "CREATE INDEX order_lines_by_sku_id ON order_lines (store_id, sku_id)",
        """
        CREATE TABLE refunds (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            refund_id TEXT NOT NULL,
            order_id TEXT NOT NULL,
            product_id TEXT,
            sku_id TEXT,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT NOT NULL,
            amount_minor BIGINT NOT NULL,
            requested_at BIGINT NOT NULL,
            completed_at BIGINT,
            completed_day TEXT,
            due_at BIGINT,
            returned_to_stock BIGINT NOT NULL,
            PRIMARY KEY (store_id, refund_id)
        )
        """,
        "CREATE INDEX refunds_by_completed_day ON refunds (store_id, completed_day)",
        "CREATE INDEX refunds_by_order_id ON refunds (store_id, order_id)",
        """
        CREATE TABLE shipments (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            tracking_no TEXT NOT NULL,
            order_id TEXT NOT NULL,
            carrier TEXT NOT NULL,
            shipped_at BIGINT NOT NULL,
            status TEXT NOT NULL,
            last_event_at BIGINT NOT NULL,
            PRIMARY KEY (store_id, tracking_no)
        )
        """,
        "CREATE INDEX shipments_by_order_id ON shipments (store_id, order_id)",
        """
        CREATE TABLE logistics_events (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            tracking_no TEXT NOT NULL,
            at BIGINT NOT NULL,
            status TEXT NOT NULL,
            description TEXT NOT NULL,
            PRIMARY KEY (store_id, tracking_no, at)
        )
        """,
        """
        CREATE TABLE complaints (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            complaint_id TEXT NOT NULL,
            order_id TEXT,
            kind TEXT NOT NULL,
            penalty_points BIGINT NOT NULL,
            opened_at BIGINT NOT NULL,
            due_at BIGINT,
            resolved BIGINT NOT NULL,
            PRIMARY KEY (store_id, complaint_id)
        )
        """,
        """
        CREATE TABLE affiliate_commissions (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            order_id TEXT NOT NULL,
            day TEXT NOT NULL,
            order_amount_minor BIGINT NOT NULL,
            commission_minor BIGINT NOT NULL,
            PRIMARY KEY (store_id, order_id)
        )
        """,
        "CREATE INDEX affiliate_commissions_by_day ON affiliate_commissions (store_id, day)",
        """
        CREATE TABLE live_sessions (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            session_id TEXT NOT NULL,
            day TEXT NOT NULL,
            host TEXT NOT NULL,
            duration_minutes BIGINT NOT NULL,
            viewers BIGINT NOT NULL,
            orders BIGINT NOT NULL,
            gmv_minor BIGINT NOT NULL,
            PRIMARY KEY (store_id, session_id)
        )
        """,
        "CREATE INDEX live_sessions_by_day ON live_sessions (store_id, day)",
        """
        CREATE TABLE traffic_days (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            visitors BIGINT NOT NULL,
            page_views BIGINT NOT NULL,
            bounced_visitors BIGINT,
            average_stay_seconds BIGINT,
            add_to_cart_buyers BIGINT,
            PRIMARY KEY (store_id, day)
        )
        """,
        """
        CREATE TABLE traffic_sources (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            source TEXT NOT NULL,
            source_group TEXT NOT NULL,
            visitors BIGINT NOT NULL,
            buyers BIGINT NOT NULL,
            gmv_minor BIGINT NOT NULL,
            PRIMARY KEY (store_id, day, source)
        )
        """,
        """
        CREATE TABLE item_traffic (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            product_id TEXT NOT NULL,
            visitors BIGINT NOT NULL,
            page_views BIGINT NOT NULL,
            bounced_visitors BIGINT,
            buyers BIGINT NOT NULL,
            units BIGINT NOT NULL,
            gmv_minor BIGINT NOT NULL,
            add_to_cart_buyers BIGINT,
            favourites BIGINT,
            PRIMARY KEY (store_id, day, product_id)
        )
        """,
        """
        CREATE TABLE ad_stats (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            channel TEXT NOT NULL,
            campaign TEXT NOT NULL,
            ad_group TEXT NOT NULL,
            product_id TEXT NOT NULL,
            keyword TEXT NOT NULL,
            impressions BIGINT NOT NULL,
            clicks BIGINT NOT NULL,
            spend_minor BIGINT NOT NULL,
            average_rank_tenths BIGINT,
            orders BIGINT NOT NULL,
            revenue_minor BIGINT NOT NULL,
            direct_revenue_minor BIGINT,
            favourites BIGINT NOT NULL,
            carts BIGINT NOT NULL,
            PRIMARY KEY (store_id, day, channel, campaign, ad_group, product_id, keyword)
        )
        """,
        """
        CREATE TABLE ad_budgets (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            channel TEXT NOT NULL,
            campaign TEXT NOT NULL,
            budget_minor BIGINT NOT NULL,
            exhausted_at BIGINT,
            PRIMARY KEY (store_id, day, channel, campaign)
        )
        """,
        """
        CREATE TABLE reviews (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            review_id TEXT NOT NULL,
            product_id TEXT NOT NULL,
            order_id TEXT,
            rating BIGINT NOT NULL,
            text TEXT NOT NULL,
            at BIGINT NOT NULL,
            day TEXT NOT NULL,
            replied BIGINT NOT NULL,
            PRIMARY KEY (store_id, review_id)
        )
        """,
        "CREATE INDEX reviews_by_day ON reviews (store_id, day)",
        "CREATE INDEX reviews_by_product_id ON reviews (store_id, product_id)",
        """
        CREATE TABLE dsr_scores (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            description_score BIGINT NOT NULL,
            service_score BIGINT NOT NULL,
            logistics_score BIGINT NOT NULL,
            PRIMARY KEY (store_id, day)
        )
        """,
        """
        CREATE TABLE inventory_snapshots (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            sku_id TEXT NOT NULL,
            on_hand BIGINT NOT NULL,
            incoming BIGINT NOT NULL,
            PRIMARY KEY (store_id, day, sku_id)
        )
        """,
        "CREATE INDEX inventory_snapshots_by_sku_id_day ON inventory_snapshots (store_id, sku_id, day)",
        """
        CREATE TABLE purchase_orders (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            po_id TEXT NOT NULL,
            sku_id TEXT NOT NULL,
            quantity BIGINT NOT NULL,
            ordered_on TEXT NOT NULL,
            expected_on TEXT NOT NULL,
            received_on TEXT,
            is_presale BIGINT NOT NULL,
            PRIMARY KEY (store_id, po_id)
        )
        """,
        """
        CREATE TABLE competitors (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            competitor_id TEXT NOT NULL,
            name TEXT NOT NULL,
            platform TEXT NOT NULL,
            tier TEXT NOT NULL,
            PRIMARY KEY (store_id, competitor_id)
        )
        """,
        """
        CREATE TABLE competitor_items (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            competitor_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            title TEXT NOT NULL,
            is_core BIGINT NOT NULL,
            our_product_id TEXT,
            listed_on TEXT,
            PRIMARY KEY (store_id, competitor_id, item_id)
        )
        """,
        """
        CREATE TABLE competitor_snapshots (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            competitor_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            price_minor BIGINT NOT NULL,
            promo_price_minor BIGINT,
            monthly_sales BIGINT NOT NULL,
            review_count BIGINT NOT NULL,
            title TEXT NOT NULL,
            main_image TEXT,
            PRIMARY KEY (store_id, day, competitor_id, item_id)
        )
        """,
        """
        CREATE TABLE keyword_ranks (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            keyword TEXT NOT NULL,
            product_id TEXT NOT NULL,
            rank BIGINT,
            PRIMARY KEY (store_id, day, keyword, product_id)
        )
        """,
        """
        CREATE TABLE service_agent_days (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            agent TEXT NOT NULL,
            inquiries BIGINT NOT NULL,
            served BIGINT NOT NULL,
            inquirers BIGINT NOT NULL,
            ordered BIGINT NOT NULL,
            paid BIGINT NOT NULL,
            paid_amount_minor BIGINT NOT NULL,
            first_response_seconds BIGINT,
            average_response_seconds BIGINT,
            answered_within_3min_permille BIGINT,
            PRIMARY KEY (store_id, day, agent)
        )
        """,
        """
        CREATE TABLE targets (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            period TEXT NOT NULL,
            start_day TEXT NOT NULL,
            end_day TEXT NOT NULL,
            gmv_minor BIGINT NOT NULL,
            profit_minor BIGINT,
            ad_budget_minor BIGINT,
            spread TEXT NOT NULL,
            PRIMARY KEY (store_id, period, start_day)
        )
        """,
        """
        CREATE TABLE activities (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            activity_id TEXT NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            start_day TEXT NOT NULL,
            end_day TEXT NOT NULL,
            status TEXT NOT NULL,
            gmv_goal_minor BIGINT,
            cost_minor BIGINT,
            PRIMARY KEY (store_id, activity_id)
        )
        """,
        """
        CREATE TABLE tasks (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            task_id TEXT NOT NULL,
            title TEXT NOT NULL,
            detail TEXT NOT NULL,
            role TEXT NOT NULL,
            finding_key TEXT,
            due_day TEXT NOT NULL,
            status TEXT NOT NULL,
            assignee TEXT,
            created_at BIGINT NOT NULL,
            closed_at BIGINT,
            recovered BIGINT,
            PRIMARY KEY (store_id, task_id)
        )
        """,
        "CREATE INDEX tasks_by_finding_key ON tasks (store_id, finding_key)",
        """
        CREATE TABLE daily_sales (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            gmv_minor BIGINT NOT NULL,
            paid_orders BIGINT NOT NULL,
            buyers BIGINT NOT NULL,
            units BIGINT NOT NULL,
            cogs_minor BIGINT NOT NULL,
            cost_missing_units BIGINT NOT NULL,
            cost_missing_value_minor BIGINT NOT NULL,
            PRIMARY KEY (store_id, day)
        )
        """,
        """
        CREATE TABLE daily_refunds (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            amount_minor BIGINT NOT NULL,
            orders BIGINT NOT NULL,
            not_returned_minor BIGINT NOT NULL,
            by_order_day_minor BIGINT NOT NULL,
            PRIMARY KEY (store_id, day)
        )
        """,
        """
        CREATE TABLE daily_ads (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            channel TEXT NOT NULL,
            spend_minor BIGINT NOT NULL,
            revenue_minor BIGINT NOT NULL,
            impressions BIGINT NOT NULL,
            clicks BIGINT NOT NULL,
            orders BIGINT NOT NULL,
            PRIMARY KEY (store_id, day, channel)
        )
        """,
    ])
}
