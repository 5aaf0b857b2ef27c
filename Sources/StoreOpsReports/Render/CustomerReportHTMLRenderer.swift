import StoreOpsCore

/// The customer report as one self-contained HTML page: the notes, the range summary, the cohort retention as a
/// heat-map table (the darker the cell, the larger the share of the cohort that bought in that period), historical
/// lifetime value and the RFM segments with their actions.
public struct CustomerReportHTMLRenderer: Sendable {
    public let language: Language

    public init(language: Language) { self.language = language }

    public func render(_ report: CustomerReport) -> String {
        let l = language, e = SVGChart.escape, a = report.analysis
        typealias R = CustomerReportRenderer
        var body = "<h1>\(e(R.title(report, l)))</h1>\n"
        for note in R.notes(report, l) { body += "<p class=\"meta\">\(e(note))</p>\n" }
        if report.isRangeKnown {
            body += "<h2>\(e(l.pick("区间汇总", "Range")))</h2><table class=\"kv\">"
            for (name, value) in R.summaryRows(report, l) { body += "<tr><th>\(e(name))</th><td>\(e(value))</td></tr>" }
            body += "</table>\n<h2>\(e(l.pick("首购后回购", "Came back after the first purchase")))</h2><table><tr><th>\(e(l.pick("窗口", "Within")))</th>"
                + "<th>\(e(l.pick("可观察买家", "Eligible")))</th><th>\(e(l.pick("回购", "Returned")))</th><th>\(e(l.pick("比例", "Rate")))</th></tr>"
            for c in a.period.comebacks {
                body += "<tr><th>\(e(l.pick("\(c.days) 天", "\(c.days) days")))</th><td>\(c.eligible)</td><td>\(c.returned)</td><td>\(e(c.rate.percentString))</td></tr>"
            }
            body += "</table>\n"
        }
        if report.isRangeKnown, !a.cohorts.isEmpty {
            let periods = min(R.shownPeriods, a.cohorts.map(\.periods.count).max() ?? 0)
            body += "<h2>\(e(l.pick("留存（各期复购人数 / 首购人数）", "Retention (buyers of each period / cohort size)")))</h2><table class=\"cohorts\"><tr>"
                + "<th>\(e(l.pick("首购\(a.grain.label(l))", "First \(a.grain.label(l))")))</th><th>\(e(l.pick("人数", "Buyers")))</th>"
                + (0..<periods).map { "<th>+\($0)</th>" }.joined() + "</tr>"
            for cohort in a.cohorts {
                body += "<tr><th>\(cohort.start.iso)</th><td>\(cohort.size)</td>"
                for k in 0..<periods {
                    guard k < cohort.periods.count else { body += "<td></td>"; continue }
                    let share = cohort.retention(k)
                    // Period 0 is always 100%: the heat is for the later periods, scaled so 50% is the darkest (alpha 0.6).
                    let heat = k == 0 ? 0 : min(1, (share.value ?? 0) * 2)
                    let alpha = Money.decimalString(minor: Int64((heat * 60).rounded()), digits: 2)
                    body += "<td style=\"background:rgba(9,105,218,\(alpha))\" title=\"\(cohort.periods[k].buyers)\">\(e(share.percentString))</td>"
                }
                body += "</tr>"
            }
            body += "</table>\n<h2>\(e(l.pick("历史客户价值（首购起 N 天内人均成交额）", "Historical lifetime value (mean paid within N days of the first purchase)")))</h2>"
                + "<table><tr><th>\(e(l.pick("首购\(a.grain.label(l))", "First \(a.grain.label(l))")))</th>"
                + CustomerAnalysis.lifetimeWindows.map { "<th>\(e(l.pick("\($0) 天", "\($0) days")))</th>" }.joined() + "</tr>"
            for cohort in a.cohorts {
                body += "<tr><th>\(cohort.start.iso)</th>" + CustomerAnalysis.lifetimeWindows.map { "<td>\(e(R.amount(report, cohort.lifetimeValueMinor[$0])))</td>" }.joined() + "</tr>"
            }
            body += "</table>\n"
        }
        if !a.customers.isEmpty {
            body += "<h2>\(e(l.pick("RFM 分层", "RFM segments")))</h2><table><tr><th>\(e(l.pick("分层", "Segment")))</th><th>\(e(l.pick("客户数", "Customers")))</th>"
                + "<th>\(e(l.pick("占比", "Share")))</th><th>\(e(l.pick("累计成交占比", "Share of spend")))</th><th class=\"left\">\(e(l.pick("建议动作", "Action")))</th></tr>"
            for s in a.segments {
                body += "<tr><th>\(e(s.segment.label(l)))</th><td>\(s.customers)</td><td>\(e(s.customerShare.percentString))</td>"
                    + "<td>\(e(s.totalShare?.percentString ?? "—"))</td><td class=\"left\">\(e(s.segment.action.label(l)))</td></tr>"
            }
            body += "</table>\n"
            switch a.forecast {
            case .success(let forecast):
                body += "<h2>\(e(l.pick("客户价值预测", "Predicted customer value")))</h2><table class=\"kv\">"
                for (name, value) in R.forecastRows(report, forecast, l) { body += "<tr><th>\(e(name))</th><td>\(e(value))</td></tr>" }
                body += "</table>\n"
            case .failure(let gap):
                body += "<p class=\"meta\">\(e(R.forecastNote(gap, l)))</p>\n"
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="\(l == .zh ? "zh-CN" : "en")"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(R.title(report, l)))</title>
            <style>
            body{font-family:-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:24px auto;max-width:980px;color:#1f2328;padding:0 12px}
            h1{font-size:22px;margin:0}h2{font-size:16px;margin:20px 0 8px}.meta{color:#59636e;margin:4px 0}
            table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}th,td{padding:4px 8px;border-bottom:1px solid #d8dee4;text-align:right}
            th:first-child{text-align:left}.kv th{text-align:left;color:#59636e;font-weight:normal}.left{text-align:left}
            .cohorts td{min-width:3em}
            </style></head>
            <body>
            \(body)
            </body></html>

            """
    }
}
