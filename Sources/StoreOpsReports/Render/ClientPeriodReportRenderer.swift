import StoreOpsCore

/// A client's report as text or JSON: the stores together per currency, then one line per store.
public enum ClientPeriodReportRenderer {
    public static func text(_ report: ClientPeriodReport, language l: Language) -> String {
        let kind =
            report.reports.first.map { r in
                switch r.kind {
                case .week: l.pick("【客户周报】", "Client weekly report · ")
                case .month: l.pick("【客户月报】", "Client monthly report · ")
                case .period: l.pick("【客户期间报表】", "Client period report · ")
                }
            } ?? l.pick("【客户报表】", "Client report · ")
        var out =
            kind + "\(report.client.name) (\(report.client.id)) · \(report.label) · "
            + l.pick("\(report.reports.count) 家店铺", "\(report.reports.count) stores") + "\n"
        guard !report.reports.isEmpty else { return out + l.pick("这个客户还没有店铺。\n", "This client has no stores yet.\n") }
        let m = { (money: Money?) in money?.groupedString ?? "—" }
        for t in report.totals {
            let change =
                t.gmv.flatMap { now in t.previousGMV.map { MetricValue.money(now).changeText(from: .money($0)) } }
                ?? "—"
            out +=
                "\n"
                + l.pick("合计（\(t.currency.code)，\(t.stores) 家）", "Together (\(t.currency.code), \(t.stores) stores)")
                + "\n"
            out +=
                "  "
                + l.pick(
                    "支付金额 \(m(t.gmv))（环比 \(change)），目标 \(m(t.targetGMV))，完成 \(t.attainment?.percentString ?? "—")",
                    "GMV \(m(t.gmv)) (\(change) against before), target \(m(t.targetGMV)), attained \(t.attainment?.percentString ?? "—")"
                ) + "\n"
            out +=
                "  "
                + l.pick(
                    "净利 \(m(t.netProfit))，推广花费 \(m(t.adSpend))，退款 \(m(t.refundAmount))，转化率 \(t.conversion?.percentString ?? "—")，客单价 \(m(t.aov))",
                    "Net profit \(m(t.netProfit)), ad spend \(m(t.adSpend)), refunds \(m(t.refundAmount)), conversion \(t.conversion?.percentString ?? "—"), AOV \(m(t.aov))"
                ) + "\n"
        }
        let header = [
            l.pick("店铺", "Store"), l.pick("币种", "Currency"), l.pick("支付金额", "GMV"), l.pick("环比", "Change"),
            l.pick("目标", "Target"), l.pick("完成", "Attained"), l.pick("净利", "Net profit"), l.pick("推广花费", "Ad spend"),
            l.pick("转化率", "Conversion"), l.pick("退款", "Refunds"),
        ]
        let rows = report.reports.map { r -> [String] in
            let t = r.totals
            let shown = { (field: MasterField) in t[field].hasData ? t[field].display(field, language: l) : "—" }
            return [
                "\(r.store.name) (\(r.store.id))", r.store.currency.code, shown(.gmv),
                t[.gmv].changeText(from: r.previous[.gmv]),
                r.targetGMV?.groupedString ?? "—", r.attainment?.percentString ?? "—", shown(.netProfit),
                shown(.adSpendTotal),
                shown(.conversionRate), shown(.refundAmount),
            ]
        }
        out += "\n" + TextTable.render(header: header, rows: rows)
        out += l.pick(
            "每家店的完整报表: storeops report monthly|weekly|period --store 店铺ID\n",
            "Each store's full report: storeops report monthly|weekly|period --store ID\n")
        return out
    }

    /// The totals per currency, and each store's full period report as `storeops report ... --format json` gives it.
    public static func json(_ report: ClientPeriodReport) -> String {
        func money(_ m: Money?) -> JSONValue { m.map { .string($0.decimalString) } ?? .null }
        func rate(_ r: Ratio?) -> JSONValue { r.flatMap { $0.decimalString(digits: 4) }.map { .number($0) } ?? .null }
        func count(_ c: Int64?) -> JSONValue { c.map { .int($0) } ?? .null }
        return JSONValue.object([
            ("client", .string(report.client.id.rawValue)), ("name", .string(report.client.name)),
            ("label", .string(report.label)),
            (
                "totals",
                .array(
                    report.totals.map { t in
                        .object([
                            ("currency", .string(t.currency.code)), ("stores", .int(Int64(t.stores))),
                            ("gmv", money(t.gmv)),
                            ("previous_gmv", money(t.previousGMV)), ("target_gmv", money(t.targetGMV)),
                            ("attainment", rate(t.attainment)),
                            ("net_profit", money(t.netProfit)), ("ad_spend", money(t.adSpend)),
                            ("refund_amount", money(t.refundAmount)),
                            ("visitors", count(t.visitors)), ("buyers", count(t.buyers)),
                            ("conversion", rate(t.conversion)),
                            ("aov", money(t.aov)),
                        ])
                    })
            ),
            ("stores", .array(report.reports.map(PeriodReportRenderer.jsonValue))),
        ]).rendered() + "\n"
    }
}
