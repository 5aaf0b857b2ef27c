import StoreOpsCore
import StoreOpsReports

/// The agency's first screen: every store the user can read, in the order of attention, with the day's GMV,
/// the day's and month's target attainment, net profit, the 14-day trend and the day's findings.
struct OverviewPage {
    let language: Language

    func content(_ lines: [StoreOverview]) -> String {
        let l = language, e = WebPage.escape
        var html = "<h1>\(e(l.pick("店铺总览", "Stores overview")))</h1>"
        guard !lines.isEmpty else {
            return html + "<p class=\"muted\">\(e(l.pick("没有可查看的店铺：请管理员授权。", "No stores to show: ask an admin for a grant.")))</p>"
        }
        let headers = [l.pick("店铺", "Store"), l.pick("日期", "Day"), l.pick("支付金额", "GMV"), l.pick("日目标达成", "Day target"),
                       l.pick("月累计达成", "Month to date"), l.pick("净利", "Net profit"), l.pick("近14天", "14 days"),
                       l.pick("严重/警告/提示", "Critical/warning/info"), l.pick("涉及金额", "At stake")]
        html += "<div class=\"scroll\"><table class=\"overview\"><thead><tr>"
            + headers.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
        for line in lines {
            let link = "/stores/\(line.store.id.rawValue)/briefing?date=\(line.day.iso)"
            let findings = "<span class=\"crit\">\(line.critical)</span>/<span class=\"warn\">\(line.warnings)</span>/\(line.infos)"
            let cells = [
                "<a href=\"\(e(link))\">\(e(line.store.name))</a> <span class=\"muted\">\(e(line.store.id.rawValue))</span>",
                line.day.iso, e(Self.shown(line.gmv, .gmv, l)), line.dayAttainment?.percentString ?? "—",
                line.mtdAttainment.map { $0.percentString } ?? "—", e(Self.shown(line.netProfit, .netProfit, l)),
                SVGChart.sparkline(line.trend.map { $0.magnitude }, title: l.pick("近14天支付金额", "GMV, last 14 days")), findings,
                e(line.atStake.map { "\($0.groupedString) \($0.currency.code)" } ?? "—"),
            ]
            html += "<tr>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>"
        }
        return html + "</tbody></table></div>"
    }

    static func shown(_ value: MetricValue, _ field: MasterField, _ l: Language) -> String {
        value.hasData ? value.display(field, language: l) : "—"
    }
}
