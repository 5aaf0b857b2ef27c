import StoreOpsCore

/// The SQL that keeps the daily aggregates current and reads the master table, identical on SQLite and
/// PostgreSQL. Templates use `:store` for the store id and `:days` for a list of days; `bind` expands them
/// into `?` placeholders and arguments in order of appearance.
public enum AggregateSQL {
    /// Expands `:store` and `:days` in `template`.
    public static func bind(_ template: String, store: StoreID, days: [Day] = []) -> (sql: String, arguments: [SQLValue]) {
        var sql = ""
        var arguments: [SQLValue] = []
        var rest = Substring(template)
        let dayList = Array(repeating: "?", count: max(days.count, 1)).joined(separator: ", ")
        while let colon = rest.firstIndex(of: ":") {
            sql += rest[..<colon]
            let tail = rest[colon...]
            if tail.hasPrefix(":store") {
                sql += "?"
                arguments.append(.text(store.rawValue))
                rest = tail.dropFirst(6)
            } else if tail.hasPrefix(":days") {
                sql += dayList
                arguments += days.isEmpty ? [.text("")] : days.map { .day($0) }
                rest = tail.dropFirst(5)
            } else {
                sql += ":"
                rest = tail.dropFirst()
            }
        }
        sql += rest
        return (sql, arguments)
    }

    /// The day in the first column of a row of the touched-day lookups.
    public static func day(of row: [SQLValue]) -> Day? {
        if case .text(let t)? = row.first { return Day(iso: t) }
        return nil
    }

    /// Days are refreshed in chunks of this many: a chunk's statement sorts the chunk's rows in memory (the per-SKU
    /// sales of 200 days of a million orders' lines take about 45 MB).
    public static let dayChunk = 200
    /// The refunds' chunks are bigger: a chunk reads every refund of the store once for the by-order-day view, so a
    /// year of days is one read, not two (0.3 s of a million orders), and what it keeps in memory is one row per
    /// day. Both stay well under the parameter limits (32,766 on SQLite, 65,535 on PostgreSQL; a statement lists
    /// its days twice at most).
    public static let refundDayChunk = 1_000
    /// Keys are looked up in chunks of this many.
    public static let keyChunk = 500

    // MARK: finding the days a write touches

    /// Paid days of the store's orders with the given ids (run before and after writing orders or lines).
    /// Written so that the planner looks the ids up by primary key: `DISTINCT` or a condition on `paid_day`
    /// would tempt it into scanning the paid-day index (every order of the store, for every lookup).
    public static func paidDays(store: StoreID, orderIDs: [String]) -> (sql: String, arguments: [SQLValue]) {
        let marks = Array(repeating: "?", count: orderIDs.count).joined(separator: ", ")
        return ("SELECT paid_day FROM orders WHERE store_id = ? AND order_id IN (\(marks))",
                [.text(store.rawValue)] + orderIDs.map { .text($0) })
    }

    /// Completion days of the store's refunds with the given ids, and the paid days of their orders.
    public static func refundDays(store: StoreID, refundIDs: [String]) -> (sql: String, arguments: [SQLValue]) {
        let marks = Array(repeating: "?", count: refundIDs.count).joined(separator: ", ")
        return ("""
            SELECT r.completed_day FROM refunds r WHERE r.store_id = ? AND r.refund_id IN (\(marks))
            UNION SELECT o.paid_day FROM refunds r JOIN orders o ON o.store_id = r.store_id AND o.order_id = r.order_id
            WHERE r.store_id = ? AND r.refund_id IN (\(marks))
            """, [.text(store.rawValue)] + refundIDs.map { .text($0) } + [.text(store.rawValue)] + refundIDs.map { .text($0) })
    }

    /// Days with sales on or after `day` (a new unit cost changes their COGS).
    public static func salesDays(store: StoreID, from day: Day) -> (sql: String, arguments: [SQLValue]) {
        ("SELECT day FROM daily_sales WHERE store_id = ? AND day >= ?", [.text(store.rawValue), .day(day)])
    }

    /// Days with sales of any of the SKUs (a change of their weights moves those days' orders between weight
    /// bands), in lookups of `keyChunk` ids.
    public static func skuDays(store: StoreID, skuIDs: [String]) -> [(sql: String, arguments: [SQLValue])] {
        chunked(skuIDs) { marks in "SELECT DISTINCT day FROM daily_sku_sales WHERE store_id = ? AND sku_id IN (\(marks))" }
            .map { ($0.sql, [.text(store.rawValue)] + $0.ids.map { .text($0) }) }
    }

    /// Ids and weights of the store's SKUs with the given ids (read before writing SKUs, to find the weights that
    /// change), in lookups of `keyChunk` ids.
    public static func skuWeights(store: StoreID, skuIDs: [String]) -> [(sql: String, arguments: [SQLValue])] {
        chunked(skuIDs) { marks in "SELECT sku_id, weight_grams FROM skus WHERE store_id = ? AND sku_id IN (\(marks))" }
            .map { ($0.sql, [.text(store.rawValue)] + $0.ids.map { .text($0) }) }
    }

    /// `sql` of every chunk of `keyChunk` ids, given the chunk's placeholders.
    private static func chunked(_ ids: [String], _ sql: (String) -> String) -> [(sql: String, ids: ArraySlice<String>)] {
        stride(from: 0, to: ids.count, by: keyChunk).map { start in
            let chunk = ids[start..<min(start + keyChunk, ids.count)]
            return (sql(Array(repeating: "?", count: chunk.count).joined(separator: ", ")), chunk)
        }
    }

    // MARK: refreshing aggregates of given days

    public static let deleteSales = "DELETE FROM daily_sales WHERE store_id = :store AND day IN (:days)"

    /// Sales of paid orders per day, with COGS from the unit cost effective on the paid day. The costs are looked up
    /// per day and SKU in `daily_sku_sales` (refreshed first, see `TouchedDays`): the same sums as per line, without
    /// reading the lines again. The per-day costs are a materialized CTE: computed once, whatever the planner thinks
    /// of the tables' sizes mid-import.
    public static let insertSales = """
        INSERT INTO daily_sales (store_id, day, gmv_minor, paid_orders, buyers, units, cogs_minor, cost_missing_units, cost_missing_value_minor,
                                 refund_unknown_orders)
        WITH c AS MATERIALIZED (\(costsByDay))
        SELECT o.store_id, o.paid_day, CAST(SUM(o.paid_minor) AS BIGINT), COUNT(*),
               CASE WHEN COUNT(o.buyer) = COUNT(*) THEN COUNT(DISTINCT o.buyer) END,
               CAST(CASE WHEN COUNT(o.units) = COUNT(*) THEN SUM(o.units) END AS BIGINT),
               \(costColumns(units: "SUM(o.units)")),
               CAST(SUM(CASE WHEN o.refunds_known = 0 THEN 1 ELSE 0 END) AS BIGINT)
        FROM orders o
        LEFT JOIN c ON c.day = o.paid_day
        WHERE o.store_id = :store AND o.paid_day IN (:days)
        GROUP BY o.store_id, o.paid_day
        """

    /// The cost columns of `insertSales`, brought up to date in the days' existing rows: for days whose orders did not
    /// change but whose lines or unit costs did, so the orders' sums (and their distinct buyers, the costly part) stay.
    public static let updateSalesCosts = """
        WITH c AS MATERIALIZED (\(costsByDay))
        UPDATE daily_sales SET (cogs_minor, cost_missing_units, cost_missing_value_minor) = (
            SELECT \(costColumns(units: "daily_sales.units")) FROM c WHERE c.day = daily_sales.day)
        WHERE store_id = :store AND day IN (:days)
        """

    /// The cost columns of a `daily_sales` row (COGS, units without a cost, the value of those units) from the rows of
    /// `c` (`costsByDay`) of its day, none or one, for a day of `units` paid units.
    static func costColumns(units: String) -> String {
        """
        CAST(COALESCE(MAX(c.cogs), 0) AS BIGINT),
               CAST(CASE WHEN \(units) > COALESCE(MAX(c.costed_units), 0) THEN \(units) - COALESCE(MAX(c.costed_units), 0) ELSE 0 END AS BIGINT),
               CAST(COALESCE(MAX(c.missing_value), 0) AS BIGINT)
        """
    }

    /// Per day of `:days`: the COGS of its lines' SKUs at the unit cost effective that day, the units with a cost, and
    /// the revenue of the units without one.
    static let costsByDay = """
        SELECT k.day AS day,
                   SUM(CASE WHEN k.cost IS NULL THEN 0 ELSE k.units * k.cost END) AS cogs,
                   SUM(CASE WHEN k.cost IS NULL THEN 0 ELSE k.units END) AS costed_units,
                   SUM(CASE WHEN k.cost IS NULL THEN k.revenue_minor ELSE 0 END) AS missing_value
            FROM (
                SELECT s.day AS day, s.units AS units, s.revenue_minor AS revenue_minor,
                       (SELECT sc.unit_cost_minor FROM sku_costs sc
                        WHERE sc.store_id = s.store_id AND sc.sku_id = s.sku_id AND sc.effective_from <= s.day
                        ORDER BY sc.effective_from DESC LIMIT 1) AS cost
                FROM daily_sku_sales s
                WHERE s.store_id = :store AND s.day IN (:days)
            ) k
            GROUP BY k.day
        """

    /// `insertSales` for days whose order sums the write computed as it wrote them (`NewDaySales`): the same row, the
    /// sums taken as given instead of read from the orders, the costs as in `insertSales`.
    static func insertComputedSales(store: StoreID, _ days: [(day: Day, sums: NewDaySales.Totals)]) -> (sql: String, arguments: [SQLValue]) {
        let costs = bind(costsByDay, store: store, days: days.map(\.day))
        let rows = Array(repeating: "(?, ?, ?, ?, ?, ?)", count: days.count).joined(separator: ", ")
        let sql = """
            INSERT INTO daily_sales (store_id, day, gmv_minor, paid_orders, buyers, units, cogs_minor, cost_missing_units, cost_missing_value_minor,
                                 refund_unknown_orders)
            WITH c AS MATERIALIZED (\(costs.sql)),
            o (day, paid, orders, buyers, units, refund_unknown) AS (VALUES \(rows))
            SELECT ?, o.day, o.paid, o.orders, o.buyers, o.units, \(costColumns(units: "o.units")), o.refund_unknown
            FROM o LEFT JOIN c ON c.day = o.day
            GROUP BY o.day, o.paid, o.orders, o.buyers, o.units, o.refund_unknown
            """
        let values: [SQLValue] = days.flatMap { day, sums in
            [.day(day), .int(sums.paidMinor), .int(Int64(sums.orders)), sums.buyers.map { .int(Int64($0)) } ?? .null,
             sums.units.map { .int($0) } ?? .null, .int(Int64(sums.unknownRefunds))]
        }
        return (sql, costs.arguments + values + [.text(store.rawValue)])
    }

    /// The store's paid orders per day of `:days` (read from the paid-day index alone).
    static let paidOrderCounts = "SELECT paid_day, COUNT(*) FROM orders WHERE store_id = :store AND paid_day IN (:days) GROUP BY paid_day"

    /// Every day the store has sales on.
    static let allSalesDays = "SELECT day FROM daily_sales WHERE store_id = ?"

    /// One row when the store (`?`) has a row in `table`.
    public static func storeHasRows(in table: String) -> String { "SELECT 1 FROM \(table) WHERE store_id = ? LIMIT 1" }

    /// The names of the fact tables with a row of the store (`?`, once per table), one query.
    public static let tablesWithRows = AnyFactTable.all.map { table in
        "SELECT CAST('\(table.name)' AS TEXT) AS name WHERE EXISTS (SELECT 1 FROM \(table.name) WHERE store_id = ?)"
    }.joined(separator: " UNION ALL ")

    /// One row when the store has a shipping price list.
    public static let hasShippingRules = storeHasRows(in: "shipping_rules")

    /// The table names of `tablesWithRows`' rows.
    public static func tableNames(_ rows: [[SQLValue]]) -> Set<String> {
        Set(rows.compactMap { row in if case .text(let name) = row.first { name } else { nil } })
    }

    public static let deleteShipping = "DELETE FROM daily_shipping WHERE store_id = :store AND day IN (:days)"

    public static let deleteAllShipping = "DELETE FROM daily_shipping WHERE store_id = :store"

    /// Paid orders per day, region and 100 g weight band (the order's lines' quantity x SKU weight; 0 when unknown).
    /// A store without any SKU weight has every order in band 0, and its lines are not read at all (a change of
    /// weights refreshes the days of the SKUs it changes, see `skuDays`). The bands are kept only while the store
    /// has a shipping price list (see `shippingBandsAfterSaving`).
    public static let insertShipping = insertShipping(days: "o.paid_day IN (:days)")

    /// `insertShipping` for the orders whose paid day meets `condition`.
    static func insertShipping(days condition: String) -> String {
        """
        INSERT INTO daily_shipping (store_id, day, region, weight_band, orders)
        SELECT t.store_id, t.day, t.region, t.band, COUNT(*) FROM (
            SELECT o.store_id AS store_id, o.paid_day AS day, COALESCE(o.region, '') AS region,
                   CASE WHEN NOT EXISTS (SELECT 1 FROM skus w WHERE w.store_id = :store AND w.weight_grams > 0) THEN 0 ELSE
                   (CAST(COALESCE((SELECT SUM(l.quantity * COALESCE(s.weight_grams, 0)) FROM order_lines l
                                   LEFT JOIN skus s ON s.store_id = l.store_id AND s.sku_id = l.sku_id
                                   WHERE l.store_id = o.store_id AND l.order_id = o.order_id), 0) AS BIGINT) + 99) / 100 END AS band
            FROM orders o WHERE o.store_id = :store AND \(condition)
        ) t
        GROUP BY t.store_id, t.day, t.region, t.band
        """
    }

    /// What saving cost settings does to the store's weight bands. They only price shipping with a price list, so
    /// writes keep them only while the store has one (at a million orders they cost 2 s of every full import): a
    /// store that gets a price list has them built for every day, one that loses it has them dropped.
    public static func shippingBandsAfterSaving(store: StoreID, hadRules: Bool, hasRules: Bool) -> [(sql: String, arguments: [SQLValue])] {
        switch (hadRules, hasRules) {
        case (false, true): [bind(deleteAllShipping, store: store), bind(insertShipping(days: "o.paid_day IS NOT NULL"), store: store)]
        case (true, false): [bind(deleteAllShipping, store: store)]
        default: []
        }
    }

    public static let deleteSKUSales = "DELETE FROM daily_sku_sales WHERE store_id = :store AND day IN (:days)"

    /// The most a day's money aggregate may hold, in minor units (10^16: a hundred trillion in a currency of two
    /// decimals). Reports add up to a few hundred days of them, which then stays in Int64.
    public static let dayBound: Int64 = 10_000_000_000_000_000

    /// A refreshed day whose sales or per-SKU revenue passes `dayBound` (a clamped or overflowing sum included).
    static let daysOutOfBound = """
        SELECT day FROM daily_sales WHERE store_id = :store AND day IN (:days)
            AND (gmv_minor > \(dayBound) OR gmv_minor < -\(dayBound) OR cogs_minor > \(dayBound) OR cogs_minor < -\(dayBound)
                 OR cost_missing_value_minor > \(dayBound) OR cost_missing_value_minor < -\(dayBound))
        UNION ALL
        SELECT day FROM daily_sku_sales WHERE store_id = :store AND day IN (:days)
            AND (revenue_minor > \(dayBound) OR revenue_minor < -\(dayBound))
        LIMIT 1
        """

    /// Units and revenue per day, SKU and product of the lines of paid orders (no SKU or product: ''). The orders
    /// of the days lead (`CROSS JOIN` keeps SQLite to that order; PostgreSQL plans it as any join): they are read in
    /// paid-day order, nearly the order they were written in, and their lines found by key. Led by the lines, every
    /// line looked its order up at random, which on a million orders bigger than the page cache took 27 s a year.
    /// A store without lines (order exports only) skips the orders altogether: the `EXISTS` is evaluated once.
    public static let insertSKUSales = """
        INSERT INTO daily_sku_sales (store_id, day, sku_id, product_id, units, revenue_minor)
        SELECT o.store_id, o.paid_day, COALESCE(l.sku_id, ''), COALESCE(l.product_id, ''), CAST(SUM(l.quantity) AS BIGINT),
               CAST(SUM(l.quantity * l.unit_price_minor) AS BIGINT)
        FROM orders o CROSS JOIN order_lines l
        WHERE o.store_id = :store AND o.paid_day IN (:days) AND l.store_id = o.store_id AND l.order_id = o.order_id
              AND EXISTS (SELECT 1 FROM order_lines x WHERE x.store_id = :store)
        GROUP BY o.store_id, o.paid_day, COALESCE(l.sku_id, ''), COALESCE(l.product_id, '')
        """

    public static let deleteRefunds = "DELETE FROM daily_refunds WHERE store_id = :store AND day IN (:days)"

    /// Completed refunds per day in both views: by completion day and by the order's paid day. Each view is computed
    /// once (materialized) and the days are those of either (the join of refunds to their orders ran twice before:
    /// 0.88 s against 0.43 s per 200 days at a million orders).
    public static let insertRefunds = """
        INSERT INTO daily_refunds (store_id, day, amount_minor, orders, not_returned_minor, by_order_day_minor, undated_orders)
        WITH a AS MATERIALIZED (
            SELECT completed_day AS day, SUM(amount_minor) AS amount, COUNT(DISTINCT CASE WHEN amount_minor > 0 THEN order_id END) AS orders,
                   SUM(CASE WHEN returned_to_stock = 0 THEN amount_minor ELSE 0 END) AS not_returned
            FROM refunds WHERE store_id = :store AND status = 'completed' AND completed_day IN (:days)
            GROUP BY completed_day
        ), b AS MATERIALIZED (
            SELECT o.paid_day AS day, SUM(r.amount_minor) AS amount, SUM(CASE WHEN r.completed_day IS NULL THEN 1 ELSE 0 END) AS undated
            FROM refunds r JOIN orders o ON o.store_id = r.store_id AND o.order_id = r.order_id
            WHERE r.store_id = :store AND r.status = 'completed' AND o.paid_day IN (:days) AND \(datedOrOnly("r"))
            GROUP BY o.paid_day
        )
        SELECT :store, d.day, CAST(COALESCE(a.amount, 0) AS BIGINT), CAST(COALESCE(a.orders, 0) AS BIGINT),
               CAST(COALESCE(a.not_returned, 0) AS BIGINT), CAST(COALESCE(b.amount, 0) AS BIGINT), CAST(COALESCE(b.undated, 0) AS BIGINT)
        FROM (SELECT day FROM a UNION SELECT day FROM b) d
        LEFT JOIN a ON a.day = d.day
        LEFT JOIN b ON b.day = d.day
        """

    /// A refund of `alias` that counts: dated, or undated (an order export's refund column) while the refund export
    /// has no dated refund of its order (which would be the same money counted twice).
    static func datedOrOnly(_ alias: String) -> String {
        """
        (\(alias).completed_day IS NOT NULL OR NOT EXISTS (SELECT 1 FROM refunds d WHERE d.store_id = \(alias).store_id \
        AND d.order_id = \(alias).order_id AND d.status = 'completed' AND d.completed_day IS NOT NULL))
        """
    }

    public static let deleteAds = "DELETE FROM daily_ads WHERE store_id = :store AND day IN (:days)"

    /// Ads totals per day and channel.
    public static let insertAds = """
        INSERT INTO daily_ads (store_id, day, channel, spend_minor, revenue_minor, impressions, clicks, orders)
        SELECT store_id, day, channel, CAST(SUM(spend_minor) AS BIGINT), CAST(SUM(revenue_minor) AS BIGINT),
               CAST(SUM(impressions) AS BIGINT), CAST(SUM(clicks) AS BIGINT), CAST(SUM(orders) AS BIGINT)
        FROM ad_stats WHERE store_id = :store AND day IN (:days)
        GROUP BY store_id, day, channel
        """

    // MARK: reading the master table

    /// The reads that `DailyFactsAssembler` combines, each with `?` for store, first day and last day.
    public enum Read: CaseIterable, Sendable {
        case sales, shipping, refunds, ads, traffic, affiliate, live, dsr, coverage

        public var sql: String {
            switch self {
            case .sales:
                "SELECT day, gmv_minor, paid_orders, buyers, units, cogs_minor, cost_missing_units, cost_missing_value_minor, refund_unknown_orders FROM daily_sales WHERE store_id = ? AND day BETWEEN ? AND ?"
            case .shipping:
                "SELECT day, region, weight_band, orders FROM daily_shipping WHERE store_id = ? AND day BETWEEN ? AND ? ORDER BY day, region, weight_band"
            case .refunds:
                "SELECT day, amount_minor, orders, by_order_day_minor, not_returned_minor FROM daily_refunds WHERE store_id = ? AND day BETWEEN ? AND ?"
            case .ads:
                "SELECT day, channel, spend_minor, revenue_minor, impressions, clicks, orders FROM daily_ads WHERE store_id = ? AND day BETWEEN ? AND ?"
            case .traffic:
                "SELECT day, visitors, page_views, bounced_visitors FROM traffic_days WHERE store_id = ? AND day BETWEEN ? AND ?"
            case .affiliate:
                "SELECT day, CAST(SUM(commission_minor) AS BIGINT) FROM affiliate_commissions WHERE store_id = ? AND day BETWEEN ? AND ? GROUP BY day"
            case .live:
                "SELECT day, CAST(SUM(viewers) AS BIGINT), CAST(SUM(gmv_minor) AS BIGINT) FROM live_sessions WHERE store_id = ? AND day BETWEEN ? AND ? GROUP BY day"
            case .dsr:
                // One day earlier than the range too, for the first day's change.
                "SELECT day, description_score, service_score, logistics_score FROM dsr_scores WHERE store_id = ? AND day BETWEEN ? AND ?"
            case .coverage:
                // The span of days each kind of data covers: inside it a missing day is zero, outside it "no data".
                // MIN and MAX each in their own subquery: together in one they defeat the index min/max shortcut.
                """
                SELECT 'sales', (SELECT MIN(paid_day) FROM orders WHERE store_id = ? AND paid_day IS NOT NULL), (SELECT MAX(paid_day) FROM orders WHERE store_id = ?)
                UNION ALL SELECT 'refunds', (SELECT MIN(completed_day) FROM refunds WHERE store_id = ? AND completed_day IS NOT NULL), (SELECT MAX(completed_day) FROM refunds WHERE store_id = ?)
                UNION ALL SELECT 'ads', (SELECT MIN(day) FROM ad_stats WHERE store_id = ?), (SELECT MAX(day) FROM ad_stats WHERE store_id = ?)
                UNION ALL SELECT 'affiliate', (SELECT MIN(day) FROM affiliate_commissions WHERE store_id = ?), (SELECT MAX(day) FROM affiliate_commissions WHERE store_id = ?)
                UNION ALL SELECT 'live', (SELECT MIN(day) FROM live_sessions WHERE store_id = ?), (SELECT MAX(day) FROM live_sessions WHERE store_id = ?)
                UNION ALL SELECT 'undated_refunds', (SELECT MIN(day) FROM daily_refunds WHERE store_id = ? AND undated_orders > 0), NULL
                """
            }
        }

        /// The arguments for this read of `days`.
        public func arguments(store: StoreID, days: DayRange) -> [SQLValue] {
            let s = SQLValue.text(store.rawValue)
            switch self {
            case .dsr: return [s, .day(days.first.adding(days: -1)), .day(days.last)]
            case .coverage: return Array(repeating: s, count: 11)
            default: return [s, .day(days.first), .day(days.last)]
            }
        }
    }
}
