import StoreOpsCore

extension ChatDigest {
    /// The digest of a week's or a month's report: its target and attainment, the why against the period before,
    /// the best and worst days and next period's target, the headline figures against the period before, and the
    /// checks that made most tasks (how many of them people closed).
    public static func period(_ report: PeriodReport, language l: Language, base: String?) -> ChatDigest {
        let store = report.store
        let name = switch report.kind {
        case .week: l.pick("周报", "weekly report")
        case .month: l.pick("月报", "monthly report")
        case .period: l.pick("报告", "report")
        }
        let title = l.pick("\(store.name) · \(report.label) \(name)", "\(store.name) · \(name) \(report.label)")
        var summary = PeriodReportRenderer.summaryLines(report, l).joined(separator: l.pick("；", "; "))
        if summary.isEmpty { summary = l.pick("这一期没有目标或可比较的上期。", "No target or earlier period to compare with.") }
        let fields: [MasterField] = [.gmv, .visitors, .conversionRate, .aov, .paidOrders]
        let figures = fields.map { field in
            "\(field.label(l)): \(report.totals[field].display(field, language: l))"
                + l.pick("（上期 \(report.previous[field].display(field, language: l))）",
                         " (before: \(report.previous[field].display(field, language: l)))")
        }
        let findings = report.findings.prefix(listed).map { line in
            l.pick("\(line.kind.label(l)) · \(line.tasks) 个任务，已完成 \(line.closed)", "\(line.kind.label(l)) · \(line.tasks) tasks, \(line.closed) closed")
        }
        let page = report.kind == .month ? "monthly?month=\(report.label)" : report.kind == .week ? "weekly?week=\(report.label)" : nil
        let link = page.flatMap { Self.link(base, "stores/\(store.id.rawValue)/\($0)") }
        return ChatDigest(title: title, summary: summary, figures: figures, findings: Array(findings),
                          more: max(0, report.findings.count - listed), link: link, language: l)
    }
}
