import StoreOpsCore

/// The checks-and-tasks part of the daily briefing: findings per section with the money at stake, the five
/// findings with the most at stake, and the open tasks (overdue first) by role.
struct DailyReportChecksSummary {
    let report: DailyReport
    let language: Language

    /// How many findings are listed one by one.
    static let topCount = 5

    var findings: [Finding] { report.checks?.findings ?? [] }

    /// The findings with the most money at stake (then the most severe), at most `topCount`.
    var top: [Finding] {
        Array(findings.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if (x.atStake?.minor ?? -1) != (y.atStake?.minor ?? -1) { return (x.atStake?.minor ?? -1) > (y.atStake?.minor ?? -1) }
            if x.severity != y.severity { return x.severity > y.severity }
            return a.offset < b.offset
        }.prefix(Self.topCount).map(\.element))
    }

    var today: Day { report.day.adding(days: 1) }
    var overdue: Int { report.openTasks.filter { $0.due < today }.count }

    func stake(_ money: Money?) -> String { money.map { language.pick("  涉及 \($0.groupedString)", "  at stake \($0.groupedString)") } ?? "" }

    /// The kinds of facts whose checks could not run, in one line, nil when every check ran.
    var notRunLine: String? {
        guard let gaps = report.checks?.notRun, !gaps.isEmpty else { return nil }
        let l = language, checks = gaps.reduce(0) { $0 + $1.checks.count }
        let kinds = gaps.map { $0.missing.label(l) }.joined(separator: l.pick("、", ", "))
        return l.pick("未能运行 \(checks) 项检查，缺少：\(kinds)（storeops checks 查看如何补上）",
                      "\(checks) checks could not run, no \(kinds) (storeops checks says how to bring them in)")
    }

    var textLines: [String] {
        let l = language
        var lines: [String] = []
        if let checks = report.checks {
            let critical = findings.filter { $0.severity == .critical }.count
            lines.append(l.pick("检查: \(findings.count) 项发现 (严重 \(critical))", "Checks: \(findings.count) findings (\(critical) critical)")
                         + (findings.isEmpty && notRunLine == nil ? l.pick(", 一切正常。", ", all clear.") : ""))
            for (section, found) in checks.sections {
                let total = found.compactMap(\.atStake).reduce(Money.zero(report.store.currency), +)
                lines.append("  \(section.label(l)): \(found.count)" + (total.isZero ? "" : stake(total)))
            }
            for f in top { lines.append("  - [\(f.severity.rawValue)] \(f.check.label(l)) · \(f.subject)\(stake(f.atStake)) → \(f.role.label(l))") }
            if findings.count > top.count { lines.append(l.pick("  全部发现: storeops checks", "  All findings: storeops checks")) }
            if let notRun = notRunLine { lines.append("  " + notRun) }
        }
        let tasks = report.openTasks
        if tasks.isEmpty {
            lines.append(l.pick("待办任务: 无。", "Open tasks: none."))
        } else {
            let byRole = TaskRole.allCases.compactMap { role -> String? in
                let n = tasks.filter { $0.role == role }.count
                return n == 0 ? nil : "\(role.label(l)) \(n)"
            }.joined(separator: l.pick("、", ", "))
            lines.append(l.pick("待办任务: \(tasks.count) (逾期 \(overdue)): \(byRole)", "Open tasks: \(tasks.count) (\(overdue) overdue): \(byRole)"))
        }
        return lines
    }

    var html: String {
        let l = language, e = SVGChart.escape
        var body = "<section class=\"checks\"><h2>\(e(l.pick("检查与任务", "Checks and tasks")))</h2>"
        if let checks = report.checks {
            if findings.isEmpty {
                let nothing = notRunLine == nil ? l.pick("检查没有发现问题。", "The checks found nothing.")
                    : l.pick("已运行的检查没有发现问题。", "The checks that ran found nothing.")
                body += "<p>\(e(nothing))</p>"
            } else {
                body += "<table><thead><tr><th>\(e(l.pick("板块", "Section")))</th><th>\(e(l.pick("发现", "Findings")))</th><th>\(e(l.pick("涉及金额", "At stake")))</th></tr></thead><tbody>"
                for (section, found) in checks.sections {
                    let total = found.compactMap(\.atStake).reduce(Money.zero(report.store.currency), +)
                    body += "<tr><th>\(e(section.label(l)))</th><td>\(found.count)</td><td>\(total.isZero ? "—" : e(total.groupedString))</td></tr>"
                }
                body += "</tbody></table><ul>"
                for f in top {
                    body += "<li class=\"\(f.severity.rawValue)\"><strong>\(e(f.check.label(l))) · \(e(f.subject))</strong>\(e(stake(f.atStake))) → \(e(f.role.label(l)))"
                        + "<br><span class=\"muted\">\(e(l.pick(f.adviceZh, f.adviceEn)))</span></li>"
                }
                body += "</ul>"
            }
        }
        if let notRun = notRunLine { body += "<p class=\"muted\">\(e(notRun))</p>" }
        if report.openTasks.isEmpty {
            body += "<p>\(e(l.pick("没有待办任务。", "No open tasks.")))</p>"
        } else {
            body += "<p>\(e(l.pick("待办任务 \(report.openTasks.count) 项，逾期 \(overdue) 项。", "\(report.openTasks.count) open tasks, \(overdue) overdue.")))</p><ul>"
            for t in report.openTasks.prefix(Self.topCount) {
                let what = TaskPlanner.check(of: t).map { $0.label(l) + " · " + t.title } ?? t.title
                body += "<li>\(e(t.id)) · \(e(what)) · \(e(t.role.label(l))) · \(e(l.pick("截止", "due"))) \(t.due.iso)</li>"
            }
            body += "</ul>"
        }
        return body + "</section>"
    }
}
