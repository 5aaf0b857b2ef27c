import StoreOpsCore

/// A period report (周报, 月报) as one self-contained, printable HTML page: the summary, GMV per day and the why of
/// the period as SVG charts, every figure against the period before and last year, and the sections.
public struct PeriodReportHTMLRenderer: Sendable {
    public let language: Language

    public init(language: Language) { self.language = language }

    public func render(_ report: PeriodReport) -> String {
        ReportPage.render(title: "\(report.store.name) \(report.label)", language: language, body: body(report))
    }

    /// The page's content without the page around it, for the web workbench's layout (styled by `ReportPage.style`).
    public func body(_ report: PeriodReport) -> String {
        let l = language
        let e = SVGChart.escape
        let store = report.store
        let t = report.totals
        let major = Double(store.currency.minorPerMajor)
        let kind =
            switch report.kind {
            case .week: l.pick("周报", "Weekly report")
            case .month: l.pick("月报", "Monthly report")
            case .period: l.pick("期间报表", "Period report")
            }
        var body =
            "<header><h1>\(e(kind)) · \(e(store.name))</h1><p class=\"meta\">\(e(store.id.rawValue)) · \(e(report.label)) · "
            + "\(t.days.first.iso) ~ \(t.days.last.iso) · \(e(l.pick("\(t.days.count) 天", "\(t.days.count) days"))) · "
            + "\(e(l.pick("金额单位", "Money in"))) \(store.currency.code)</p></header>"
        let summary = PeriodReportRenderer.summaryLines(report, l)
        if !summary.isEmpty {
            body += "<section class=\"narrative\">" + summary.map { "<p>\(e($0))</p>" }.joined() + "</section>"
        }

        var charts = ""
        // Days without GMV are left out of the chart rather than drawn as zero.
        let bars = report.daily.compactMap { row -> SVGChart.Bar? in
            guard case .money(let m) = row[.gmv] else { return nil }
            return SVGChart.Bar(label: "\(row.day.dayOfMonth)", value: Double(m.minor) / major)
        }
        if !bars.isEmpty {
            charts += "<figure>" + SVGChart.bars(bars, title: l.pick("每日支付金额", "GMV per day")) + "</figure>"
        }
        if let why = report.why, case .money(let before) = report.previous[.gmv], case .money(let now) = t[.gmv] {
            charts +=
                "<figure>"
                + SVGChart.waterfall(
                    start: .init(label: l.pick("上期", "Before"), value: Double(before.minor) / major),
                    steps: [
                        .init(label: l.pick("访客", "Visitors"), value: Double(why.visitors) / major),
                        .init(label: l.pick("转化率", "Conversion"), value: Double(why.conversion) / major),
                        .init(label: l.pick("客单价", "AOV"), value: Double(why.aov) / major),
                    ],
                    end: .init(label: l.pick("本期", "Period"), value: Double(now.minor) / major),
                    title: l.pick("比上期支付金额变化拆解", "Why GMV moved against the period before")) + "</figure>"
        }
        if !charts.isEmpty { body += "<section class=\"charts\">\(charts)</section>" }

        let figures = PeriodReportRenderer.figureTable(report, l)
        body +=
            "<section><h2>\(e(l.pick("总表", "Master table")))</h2>"
            + table(figures.header, figures.rows, class: "master")
        if let note = PeriodReportRenderer.missingNote(report, l) { body += "<p class=\"warning\">\(e(note))</p>" }
        body += "</section>"
        for section in PeriodReportRenderer.sectionTables(report, l) {
            body += "<section><h2>\(e(section.title))</h2>" + table(section.header, section.rows) + "</section>"
        }
        if let note = PeriodReportRenderer.lastYearNote(report, l) { body += "<p class=\"meta\">\(e(note))</p>" }
        return body
    }

    /// The report's tables about `topics` only (empty when the period has none of their data).
    public func sections(_ report: PeriodReport, topics: Set<PeriodReportTopic>) -> String {
        PeriodReportRenderer.sectionTables(report, language).filter { topics.contains($0.topic) }.map { section in
            "<section><h2>\(SVGChart.escape(section.title))</h2>" + table(section.header, section.rows) + "</section>"
        }.joined()
    }

    func table(_ header: [String], _ rows: [[String]], class name: String? = nil) -> String {
        let e = SVGChart.escape
        var html = name.map { "<table class=\"\($0)\">" } ?? "<table>"
        html += "<thead><tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            html +=
                "<tr>"
                + row.enumerated().map { $0.offset == 0 ? "<th>\(e($0.element))</th>" : "<td>\(e($0.element))</td>" }
                .joined() + "</tr>"
        }
        return html + "</tbody></table>"
    }
}
