import StoreOpsCore

/// The filtered reads of the morning checks, the same on SQLite and PostgreSQL: they select the few rows the rules
/// need (open work, per-SKU totals) in the database instead of reading two months of orders, lines and parcels.
enum CheckSQL {
    /// Per SKU and product: units and revenue over the days (from `daily_sku_sales`).
    static func skuSales(store: StoreID, days: DayRange) -> (sql: String, arguments: [SQLValue]) {
        ("""
         SELECT sku_id, product_id, CAST(SUM(units) AS BIGINT), CAST(SUM(revenue_minor) AS BIGINT) FROM daily_sku_sales
         WHERE store_id = ? AND day BETWEEN ? AND ? GROUP BY sku_id, product_id ORDER BY sku_id, product_id
         """, [.text(store.rawValue), .day(days.first), .day(days.last)])
    }

    /// Each SKU's latest count in `days`: the latest day per SKU from the range (the SKU-and-day index), then that
    /// row by key.
    static func latestStockCounts(store: StoreID, days: DayRange) -> (sql: String, arguments: [SQLValue]) {
        ("""
         SELECT s.day, s.sku_id, s.on_hand, s.incoming FROM (SELECT sku_id, MAX(day) AS day FROM inventory_snapshots
         WHERE store_id = ? AND day BETWEEN ? AND ? GROUP BY sku_id) l CROSS JOIN inventory_snapshots s
         WHERE s.store_id = ? AND s.day = l.day AND s.sku_id = l.sku_id ORDER BY s.sku_id
         """, [.text(store.rawValue), .day(days.first), .day(days.last), .text(store.rawValue)])
    }

    static func decodeSKUSales(_ row: [SQLValue], store: StoreID, currency: Currency) throws -> SKUSales {
        var r = RowReader(values: row, store: store, currency: currency, table: "daily_sku_sales")
        let sku = try r.text(), product = try r.text()
        return SKUSales(skuID: sku.isEmpty ? nil : sku, productID: product.isEmpty ? nil : product, units: try r.int(), revenue: try r.money())
    }

    /// Paid orders not yet shipped, of the orders paid in the days.
    static func unshippedOrders(store: StoreID, days: DayRange) -> (sql: String, arguments: [SQLValue]) {
        ("SELECT \(Order.table.columns.joined(separator: ", ")) FROM orders WHERE store_id = ? AND paid_day BETWEEN ? AND ? "
            + "AND status = 'paid' AND shipped_at IS NULL ORDER BY order_id",
         [.text(store.rawValue), .day(days.first), .day(days.last)])
    }

    /// Parcels not delivered of the orders paid in the days, each followed by its order's paid amount, and the parcels
    /// a tracking export named without an order whose last update falls in the days (from the first day's UTC
    /// midnight), without an amount. Driven by the open parcels (index `shipments_open`; `CROSS JOIN` keeps them
    /// leading on SQLite), each looked up in orders once by key, then sorted. A parcel without a status (no tracking
    /// report yet) is not open work: `status <> 'delivered'` is not true of NULL.
    static func openParcels(store: StoreID, days: DayRange) -> (sql: String, arguments: [SQLValue]) {
        let columns = Shipment.table.columns.map { "s." + $0 }.joined(separator: ", ")
        return ("WITH picked AS MATERIALIZED (SELECT \(columns), o.paid_minor AS paid_minor "
                    + "FROM shipments s CROSS JOIN orders o WHERE s.store_id = ? AND s.status <> 'delivered' "
                    + "AND o.store_id = s.store_id AND o.order_id = s.order_id AND o.paid_day BETWEEN ? AND ? "
                    + "UNION ALL SELECT \(columns), NULL FROM shipments s WHERE s.store_id = ? AND s.status <> 'delivered' "
                    + "AND s.order_id IS NULL AND s.last_event_at >= ?) "
                    + "SELECT * FROM picked ORDER BY tracking_no",
                [.text(store.rawValue), .day(days.first), .day(days.last), .text(store.rawValue),
                 .int(Int64(days.first.number) * 86_400)])
    }

    /// The paid amounts of orders by id, in chunks.
    static func orderAmounts(store: StoreID, ids: [String]) -> [(sql: String, arguments: [SQLValue])] {
        stride(from: 0, to: ids.count, by: AggregateSQL.keyChunk).map { start in
            let chunk = ids[start..<min(start + AggregateSQL.keyChunk, ids.count)]
            return ("SELECT order_id, paid_minor FROM orders WHERE store_id = ? AND order_id IN (\(Array(repeating: "?", count: chunk.count).joined(separator: ", ")))",
                    [.text(store.rawValue)] + chunk.map { .text($0) })
        }
    }

    /// The open work of the days from the rows of the three reads above.
    static func decodeOpenWork(unshipped: [[SQLValue]], parcels: [[SQLValue]], amounts: [[SQLValue]], store: StoreID, currency: Currency) throws -> OpenOrderWork {
        var work = OpenOrderWork()
        work.unshipped = try unshipped.map { values in
            var r = RowReader(values: values, store: store, currency: currency, table: "orders")
            return try Order.table.decode(&r)
        }
        for values in parcels {
            var r = RowReader(values: values, store: store, currency: currency, table: "shipments")
            let parcel = try Shipment.table.decode(&r)
            work.parcels.append(parcel)
            if let order = parcel.orderID, let amount = try r.optionalMoney() { work.amounts[order] = amount }
        }
        for order in work.unshipped { work.amounts[order.id] = order.paidAmount }
        for values in amounts {
            var r = RowReader(values: values, store: store, currency: currency, table: "orders")
            work.amounts[try r.text()] = try r.money()
        }
        return work
    }
}
