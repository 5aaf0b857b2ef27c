import StoreOpsCore

/// The daily briefing as one self-contained, printable HTML page: the narrative, the target, the master
/// table with its comparisons, and SVG charts (GMV against the day targets, visitors by source, the
/// decomposition as a waterfall).
public struct DailyReportHTMLRenderer: Sendable {
    public let language: Language

    public init(language: Language) { self.language = language }

    public func render(_ report: DailyReport) -> String {
        ReportPage.render(title: "\(report.store.name) \(report.day.iso)", language: language, body: body(report))
    }

    /// The page's content without the page around it, for the web workbench's layout (styled by `ReportPage.style`).
    public func body(_ report: DailyReport) -> String {
        let l = language
        let store = report.store
        let e = SVGChart.escape
        let major = Double(store.currency.minorPerMajor)
        var body = ""
        body += "<header><h1>\(e(l.pick("日报", "Daily briefing"))) · \(e(store.name))</h1>"
        body += "<p class=\"meta\">\(e(store.id.rawValue)) · \(e(l.pick(store.platform.chineseName, store.platform.englishName))) · \(report.day.iso) · \(e(l.pick("金额单位", "Money in"))) \(store.currency.code)</p></header>"
        if report.target != nil || report.why != nil {
            body += "<section class=\"narrative\"><p>\(e(BriefingNarrative.text(target: report.target, why: report.why, currency: store.currency, language: l)))</p></section>"
        }

        var charts = ""
        let targets = report.target?.dayTargets ?? [:]
        let gmvBars = report.history.map { row -> SVGChart.Bar in
            let value: Double = if case .money(let m) = row[.gmv] { Double(m.minor) / major } else { 0 }
            return SVGChart.Bar(label: "\(row.day.dayOfMonth)", value: value, marker: targets[row.day].map { Double($0) / major })
        }
        charts += "<figure>" + SVGChart.bars(gmvBars, title: l.pick("支付金额与日目标(线)，近14天", "GMV against the day target (line), last 14 days")) + "</figure>"
        if let why = report.why {
            let sources = why.bySource.prefix(8).map { SVGChart.Bar(label: $0.source, value: Double($0.visitorsChange)) }
            if !sources.isEmpty {
                charts += "<figure>" + SVGChart.diverging(Array(sources), title: l.pick("访客变化(按来源)，对比 \(why.baselineLabel)", "Visitor change by source against \(why.baselineLabel)")) + "</figure>"
            }
            charts += "<figure>" + SVGChart.waterfall(
                start: .init(label: why.baselineLabel, value: Double(why.before.gmv) / major),
                steps: [.init(label: l.pick("访客", "Visitors"), value: Double(why.parts.visitors) / major),
                        .init(label: l.pick("转化率", "Conversion"), value: Double(why.parts.conversion) / major),
                        .init(label: l.pick("客单价", "AOV"), value: Double(why.parts.aov) / major)],
                end: .init(label: report.day.iso, value: Double(why.after.gmv) / major),
                title: l.pick("支付金额变化拆解", "Why GMV moved")) + "</figure>"
        }
        body += "<section class=\"charts\">\(charts)</section>"

        if let t = report.target {
            let m = { (minor: Int64) in e(Money(minor: minor, currency: store.currency).groupedString) }
            body += "<section><h2>\(e(l.pick("目标", "Target")))</h2><table class=\"kv\">"
            body += "<tr><th>\(e(l.pick("日目标", "Day target")))</th><td>\(m(t.dayTarget))</td><th>\(e(l.pick("完成率", "Attainment")))</th><td>\(t.attainment.flatMap { Ratio($0.numerator * 100, $0.denominator).decimalString(digits: 1) }.map { $0 + "%" } ?? "—")</td></tr>"
            body += "<tr><th>\(e(l.pick("本月累计", "Month to date")))</th><td>\(m(t.mtdActual)) / \(m(t.mtdTarget))</td><th>\(e(l.pick("预计月末", "Projection")))</th><td>\(m(t.projection))</td></tr>"
            body += "<tr><th>\(e(l.pick("剩余每天需", "Needed per day")))</th><td>\(t.neededPerDay.map(m) ?? "—")</td><th></th><td></td></tr>"
            for (figure, name, rest) in [(t.profit, l.pick("净利", "Net profit"), l.pick("剩余每天需", "Needed per day")),
                                         (t.adSpend, l.pick("推广花费 / 预算", "Ad spend / budget"), l.pick("剩余每天可用", "Left per day"))] {
                guard let f = figure else { continue }
                body += "<tr><th>\(e(name))</th><td>\(f.mtdActual.map(m) ?? "—") / \(m(f.mtdTarget)) (\(e(f.mtdAttainment?.percentString ?? "—")))</td>"
                    + "<th>\(e(rest))</th><td>\(f.neededPerDay.map(m) ?? "—")</td></tr>"
            }
            body += "</table></section>"
        }

        if !report.activities.isEmpty {
            body += "<section><h2>\(e(l.pick("活动", "Activities")))</h2><ul>"
                + report.activities.map { "<li>\(e($0.line(on: report.day, l)))</li>" }.joined() + "</ul></section>"
        }
        body += "<section><h2>\(e(l.pick("总表", "Master table")))</h2><table class=\"master\"><thead><tr>"
        for heading in [l.pick("指标", "Figure"), report.day.iso, l.pick("前一日", "Day before"), l.pick("上周同日", "Last week")] { body += "<th>\(e(heading))</th>" }
        body += "</tr></thead><tbody>"
        var group: MasterFieldGroup?
        for field in report.shownFields {
            if field.group != group {
                group = field.group
                body += "<tr class=\"group\"><th colspan=\"4\">\(e(field.group.label(l)))</th></tr>"
            }
            body += "<tr><th>\(e(field.label(l)))</th>"
            for row in [report.row, report.previousDay, report.lastWeek] { body += "<td>\(e(row[field].display(field, language: l)))</td>" }
            body += "</tr>"
        }
        body += "</tbody></table></section>"
        if report.checks != nil || !report.openTasks.isEmpty {
            body += DailyReportChecksSummary(report: report, language: l).html
        }
        if !report.gaps.isEmpty {
            body += "<section class=\"missing\"><h2>\(e(l.pick("无数据", "No data")))</h2><ul>"
            for (gap, fields) in report.gaps {
                body += "<li>\(e(fields.map { $0.label(l) }.joined(separator: l.pick("、", ", ")))) — \(e(gap.explanation(l)))</li>"
            }
            body += "</ul></section>"
        }
        if report.row.costMissingUnits > 0 {
            body += "<p class=\"warning\">\(e(l.pick("成本不完整: \(report.row.costMissingUnits) 件商品没有成本，利润偏高。", "Costs incomplete: \(report.row.costMissingUnits) units have no unit cost; profit is overstated.")))</p>"
        }
        return body
    }
}
