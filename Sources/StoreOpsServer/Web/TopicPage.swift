import StoreOpsCore
import StoreOpsReports

/// A page about one part of a store (ads, products and stock, service, after-sales, reviews and scores,
/// competitors): the day's findings of that part's checks with their advice (on the ads page every keyword of the
/// check window with its recommended action), then that part's tables over the last
/// 30 days (campaigns and keyword actions; items that sold and fell, their roles and stock-outs; agents; refunds by
/// reason; reviews; competitors' moves), each shown only when the store has its data.
struct TopicPage {
    let language: Language
    let page: StoreNav

    func content(checks: CheckReport, period: PeriodReport) -> String {
        let l = language, e = WebPage.escape
        guard let topic = page.topic else { return "" }
        var html = StoreNav.render(checks.store, current: page, language: l)
        html += "<h1>\(e(page.label(l)))</h1>"
        html += WebPage.dayPicker(action: page.path(checks.store.id), day: checks.day, language: l)
        let findings = ChecksPage.findings(checks, in: topic.sections, language: l)
        html += "<h2>\(e(l.pick("当天的检查", "The day's checks"))) · \(checks.day.iso)</h2>"
        html += findings.isEmpty ? "<p class=\"muted\">\(e(l.pick("没有发现问题。", "Nothing found.")))</p>" : findings
        if page == .ads, let keywords = KeywordVerdictRenderer.table(checks, language: l) {
            html += "<div class=\"keywords\">\(ReportTable.html([keywords]))</div>"
        }
        let tables = PeriodReportHTMLRenderer(language: l).sections(period, topics: topic.tables)
        html += "<h2>\(e(l.pick("近 30 天", "The last 30 days"))) · \(period.totals.days.first.iso) ~ \(period.totals.days.last.iso)</h2>"
        html += tables.isEmpty
            ? "<p class=\"muted\">\(e(l.pick("这 30 天没有这部分的数据；导入相应的报表后就会显示。", "No data of this part in these 30 days; import its exports to see it here.")))</p>"
            : tables
        return html
    }
}
