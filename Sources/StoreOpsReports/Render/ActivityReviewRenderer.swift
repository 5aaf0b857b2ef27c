import StoreOpsCore

/// An activity's review (活动复盘) as text or JSON: the figures of the days before, during and after it side by side,
/// GMV per day against the days before, the goal's attainment, the items that sold most while it ran. Unknown figures
/// are "—" in text and null in JSON.
public enum ActivityReviewRenderer {
    public static func text(_ review: ActivityReview, language l: Language) -> String {
        let a = review.activity
        let store = review.store
        var out =
            l.pick(
                "活动复盘 · \(store.name) · \(a.name)（\(a.kind.label(l))，\(a.start.iso) 至 \(a.end.iso)，\(a.status.label(l))）",
                "Activity review · \(store.name) · \(a.name) (\(a.kind.label(l)), \(a.start.iso) to \(a.end.iso), "
                    + "\(a.status.label(l)))") + "\n"
        out +=
            l.pick(
                "金额单位: \(store.currency.code)；统计到 \(review.lastDay.iso)",
                "Money in \(store.currency.code); counted up to "
                    + review.lastDay.iso) + "\n\n"
        let tables = tables(review, language: l)
        if let phases = tables.first { out += TextTable.render(header: phases.header, rows: phases.rows) + "\n" }
        for line in notes(review, language: l) { out += line + "\n" }
        for table in tables.dropFirst() { out += "\n" + table.title + "\n" + TextTable.render(header: table.header, rows: table.rows) }
        return out
    }

    /// The review's tables: the phases side by side, then (once it has started) the items that sold most during it.
    public static func tables(_ review: ActivityReview, language l: Language) -> [ReportTable] {
        let phases: [(String, PeriodFigures?)] = [
            (l.pick("活动前", "Before"), review.before), (l.pick("活动中", "During"), review.during),
            (l.pick("活动后", "After"), review.after),
        ]
        let header = [l.pick("指标", "Figure")] + phases.map { name, p in p.map { "\(name) \(range($0.days))" } ?? name }
        let dash = "—"
        func row(_ label: String, _ value: (PeriodFigures) -> String?) -> [String] {
            [label] + phases.map { _, p in p.flatMap(value) ?? dash }
        }
        let rows = [
            row(l.pick("支付金额", "GMV")) { $0.gmv?.groupedString },
            row(l.pick("日均支付金额", "GMV per day")) { $0.dailyGMV?.groupedString },
            row(l.pick("访客数", "Visitors")) { $0.visitors.map(String.init) },
            row(l.pick("支付买家数", "Buyers")) { $0.buyers.map(String.init) },
            row(l.pick("转化率", "Conversion")) { $0.conversion?.percentString },
            row(l.pick("客单价", "AOV")) { $0.aov?.groupedString },
            row(l.pick("新买家", "New buyers")) { $0.newBuyers.map(String.init) },
            row(l.pick("推广花费", "Ad spend")) { $0.adSpend?.groupedString },
            row(l.pick("推广投产比", "Ads ROAS")) { $0.roas?.decimalString(digits: 2) },
            row(l.pick("退款（按订单日）", "Refunds (by order day)")) { $0.refunds?.groupedString },
        ]
        var tables = [ReportTable(title: l.pick("活动前、中、后", "Before, during and after"), header: header, rows: rows)]
        if review.during != nil, !review.topItems.isEmpty {
            tables.append(ReportTable(
                title: l.pick("活动中销售额最高的商品", "Items that sold most during it"),
                header: [l.pick("商品", "Item"), l.pick("件数", "Units"), l.pick("销售额", "Revenue")],
                rows: review.topItems.map { [$0.title ?? $0.productID, String($0.units), $0.revenue.groupedString] }))
        }
        return tables
    }

    /// The review's sentences: GMV per day during and after against before, the goal's attainment, not started yet.
    public static func notes(_ review: ActivityReview, language l: Language) -> [String] {
        var lines: [String] = []
        if let change = review.gmvChange(of: review.during) {
            lines.append(l.pick("活动中日均支付金额比活动前 \(signed(change))", "GMV per day during it against before: \(signed(change))"))
        }
        if let change = review.gmvChange(of: review.after) {
            lines.append(l.pick("活动后日均支付金额比活动前 \(signed(change))", "GMV per day after it against before: \(signed(change))"))
        }
        if let goal = review.activity.gmvGoal {
            let attained = review.attainment?.percentString ?? "—"
            lines.append(l.pick("目标 \(goal.groupedString)，完成 \(attained)", "Goal \(goal.groupedString), attained \(attained)"))
        }
        if review.during == nil { lines.append(l.pick("活动还没有开始。", "The activity has not started yet.")) }
        return lines
    }

    public static func json(_ review: ActivityReview) -> String {
        let a = review.activity
        let store = review.store
        func money(_ m: Money?) -> JSONValue { m.map { .string($0.decimalString) } ?? .null }
        func count(_ n: Int64?) -> JSONValue { n.map { .int($0) } ?? .null }
        func rate(_ r: Ratio?) -> JSONValue { r.flatMap { $0.decimalString(digits: 4) }.map { .number($0) } ?? .null }
        func phase(_ p: PeriodFigures?) -> JSONValue {
            guard let p else { return .null }
            return .object([
                ("from", .string(p.days.first.iso)), ("to", .string(p.days.last.iso)), ("gmv", money(p.gmv)),
                ("gmv_per_day", money(p.dailyGMV)), ("paid_orders", count(p.paidOrders)),
                ("visitors", count(p.visitors)),
                ("buyers", count(p.buyers)), ("conversion_rate", rate(p.conversion)), ("aov", money(p.aov)),
                ("new_buyers", count(p.newBuyers)), ("ad_spend", money(p.adSpend)), ("ad_revenue", money(p.adRevenue)),
                ("roas", rate(p.roas)), ("refund_amount_by_order_day", money(p.refunds)),
            ])
        }
        return JSONValue.object([
            ("store", .string(store.id.rawValue)), ("currency", .string(store.currency.code)),
            (
                "activity",
                .object([
                    ("id", .string(a.id)), ("name", .string(a.name)), ("kind", .string(a.kind.rawValue)),
                    ("start", .string(a.start.iso)), ("end", .string(a.end.iso)),
                    ("status", .string(a.status.rawValue)),
                    ("gmv_goal", money(a.gmvGoal)), ("cost", money(a.cost)),
                ])
            ),
            ("counted_to", .string(review.lastDay.iso)),
            ("before", phase(review.before)), ("during", phase(review.during)), ("after", phase(review.after)),
            ("gmv_per_day_change_during", rate(review.gmvChange(of: review.during))),
            ("gmv_per_day_change_after", rate(review.gmvChange(of: review.after))),
            ("attainment", rate(review.attainment)),
            (
                "top_items",
                .array(
                    review.topItems.map { item in
                        .object([
                            ("product", .string(item.productID)), ("title", item.title.map { .string($0) } ?? .null),
                            ("units", .int(Int64(item.units))), ("revenue", .string(item.revenue.decimalString)),
                        ])
                    })
            ),
        ]).rendered() + "\n"
    }

    private static func range(_ days: DayRange) -> String {
        days.count == 1
            ? String(days.first.iso.dropFirst(5)) : "\(days.first.iso.dropFirst(5))~\(days.last.iso.dropFirst(5))"
    }

    private static func signed(_ r: Ratio) -> String { (r.numerator > 0 ? "+" : "") + r.percentString }
}
