import StoreOpsCore
import StoreOpsReports

/// The day's checks and the team's task board: findings by section (money at stake, the advice, who should act),
/// the checks that could not run and what they need, then the open tasks by role with their actions and the
/// closed ones with the "recovered" verdict. Actions are forms carrying the session's CSRF token, shown only to
/// users who may change the store.
struct ChecksPage {
    let language: Language
    let csrf: String
    let canWrite: Bool

    func content(_ report: CheckReport, tasks: [OpsTask]) -> String {
        let l = language, e = WebPage.escape, store = report.store
        var html = StoreNav.render(store, current: .checks, language: l)
        let base = "/stores/\(store.id.rawValue)"
        html += "<h1>\(e(l.pick("每日检查", "Daily checks"))) · \(report.day.iso)</h1>"
        html += WebPage.dayPicker(action: base + "/checks", day: report.day, language: l)
        if report.findings.isEmpty {
            html += "<p>\(e(report.notRun.isEmpty ? l.pick("没有发现问题。", "Nothing found.") : l.pick("已运行的检查没有发现问题。", "Nothing found by the checks that ran.")))</p>"
        } else if canWrite {
            html += "<form method=\"post\" action=\"\(e(base))/tasks/sync\">\(WebPage.csrfField(csrf))"
                + "<input type=\"hidden\" name=\"date\" value=\"\(report.day.iso)\">"
                + "<button type=\"submit\">\(e(l.pick("把发现记为任务", "Record the findings as tasks")))</button></form>"
        }
        html += Self.findings(report, in: Set(CheckSection.allCases), language: l)
        return html + board(tasks, store: store)
    }

    /// The findings of `sections` by section (money at stake, advice, the role that acts), and the checks of those
    /// sections that could not run with what they need.
    static func findings(_ report: CheckReport, in sections: Set<CheckSection>, language l: Language) -> String {
        let e = WebPage.escape
        var html = ""
        for (section, findings) in report.sections where sections.contains(section) {
            let total = findings.compactMap(\.atStake).reduce(Money.zero(report.store.currency), +)
            html += "<section><h2>\(e(section.label(l)))"
                + (total.isZero ? "" : " <span class=\"muted\">\(e(l.pick("涉及金额", "at stake"))) \(e(total.groupedString))</span>") + "</h2><ul class=\"checks\">"
            for f in findings {
                let stake = f.atStake.map { " · \(e(l.pick("涉及", "at stake"))) \(e($0.groupedString))" } ?? ""
                html += "<li class=\"\(f.severity.rawValue)\"><strong>[\(e(f.severity.label(l)))]</strong> \(e(f.check.label(l))) · "
                    + "\(e(f.subject))\(stake) → \(e(f.role.label(l)))<br><span class=\"muted\">\(e(l.pick(f.adviceZh, f.adviceEn)))</span></li>"
            }
            html += "</ul></section>"
        }
        let gaps = report.notRun.compactMap { gap -> (CheckGap, [CheckKind])? in
            let checks = gap.checks.filter { sections.contains($0.section) }
            return checks.isEmpty ? nil : (gap, checks)
        }
        if !gaps.isEmpty {
            html += "<section><h2>\(e(l.pick("未能运行的检查（缺少数据）", "Checks that could not run (no data)")))</h2><ul>"
            for (gap, checks) in gaps {
                html += "<li>\(e(l.pick("缺少", "No ") + gap.missing.label(l)))：\(e(checks.map { $0.label(l) }.joined(separator: l.pick("、", ", "))))"
                    + "<br><span class=\"muted\">\(e(gap.missing.remedy(l)))</span></li>"
            }
            html += "</ul></section>"
        }
        return html
    }

    /// Open tasks by role (due first), then the closed ones.
    func board(_ tasks: [OpsTask], store: Store) -> String {
        let l = language, e = WebPage.escape
        var html = "<section><h2>\(e(l.pick("任务看板", "Task board")))</h2>"
        let open = tasks.filter { $0.status == .open }, done = tasks.filter { $0.status == .done }
        if tasks.isEmpty { html += "<p class=\"muted\">\(e(l.pick("还没有任务。", "No tasks yet.")))</p>" }
        html += "<div class=\"board\">"
        for role in TaskRole.allCases {
            let mine = open.filter { $0.role == role }
            guard !mine.isEmpty else { continue }
            html += "<div class=\"column\"><h3>\(e(role.label(l))) (\(mine.count))</h3>"
            for task in mine { html += card(task, store: store) }
            html += "</div>"
        }
        html += "</div>"
        if !done.isEmpty {
            html += "<h3>\(e(l.pick("已完成", "Done")))</h3><ul class=\"done\">"
            for task in done.prefix(50) {
                let verdict = task.recovered.map { $0 ? l.pick("指标已恢复", "recovered") : l.pick("指标未恢复", "not recovered") }
                    ?? l.pick("待复查", "to be judged")
                html += "<li><span class=\"muted\">\(e(task.id))</span> \(e(task.title)) · \(e(verdict))" + action(task, store: store, "reopen", l.pick("重新打开", "Reopen")) + "</li>"
            }
            html += "</ul>"
        }
        return html + "</section>"
    }

    func card(_ task: OpsTask, store: Store) -> String {
        let l = language, e = WebPage.escape
        var html = "<div class=\"card\"><p><span class=\"muted\">\(e(task.id)) · \(e(l.pick("截止", "due"))) \(task.due.iso)</span><br>"
            + "\(e(task.title))</p><p class=\"muted\">\(e(task.detail))</p>"
            + "<p>\(e(l.pick("负责人", "Assignee"))): \(e(task.assignee ?? "—"))</p>"
        if canWrite {
            html += action(task, store: store, "close", l.pick("完成", "Done"))
            html += "<form class=\"assign\" method=\"post\" action=\"/stores/\(e(store.id.rawValue))/tasks/\(e(task.id))/assign\">"
                + WebPage.csrfField(csrf) + "<input name=\"to\" aria-label=\"\(e(l.pick("负责人", "Assignee")))\" "
                + "placeholder=\"\(e(l.pick("指派给", "Assign to")))\" required maxlength=\"60\">"
                + "<button type=\"submit\">\(e(l.pick("指派", "Assign")))</button></form>"
        }
        return html + "</div>"
    }

    func action(_ task: OpsTask, store: Store, _ verb: String, _ label: String) -> String {
        guard canWrite else { return "" }
        let e = WebPage.escape
        return "<form class=\"inline\" method=\"post\" action=\"/stores/\(e(store.id.rawValue))/tasks/\(e(task.id))/\(verb)\">"
            + WebPage.csrfField(csrf) + "<button type=\"submit\">\(e(label))</button></form>"
    }
}
