import StoreOpsCore

/// The morning checks as text (grouped by section, money at stake first) and as JSON.
public enum CheckReportRenderer {
    public static func text(_ report: CheckReport, language l: Language) -> String {
        var out = l.pick("\(report.store.name) (\(report.store.id)) \(report.day.iso) 每日检查：", "\(report.store.name) (\(report.store.id)) checks for \(report.day.iso): ")
        let nothing = report.notRun.isEmpty ? l.pick("没有发现问题。\n", "nothing found.\n")
            : l.pick("已运行的检查没有发现问题（部分检查未能运行，见下）。\n",
                     "nothing found by the checks that ran (some could not run, see below).\n")
        out += report.findings.isEmpty ? nothing : l.pick("\(report.findings.count) 项发现\n", "\(report.findings.count) findings\n")
        for (section, findings) in report.sections {
            let total = findings.compactMap(\.atStake).reduce(Money.zero(report.store.currency), +)
            out += "\n## \(section.label(l))" + (total.isZero ? "" : l.pick("（涉及金额 \(total.groupedString)）", " (at stake \(total.groupedString))")) + "\n"
            for f in findings {
                let stake = f.atStake.map { l.pick("  涉及 \($0.groupedString)", "  at stake \($0.groupedString)") } ?? ""
                out += "- [\(f.severity.rawValue)] \(f.check.label(l)) · \(f.subject)\(stake) → \(f.role.label(l))\n"
                out += "  " + l.pick(f.adviceZh, f.adviceEn) + "\n"
            }
        }
        if !report.notRun.isEmpty {
            out += "\n## " + l.pick("未能运行的检查（缺少数据）", "Checks that could not run (no data)") + "\n"
            for gap in report.notRun {
                out += "- " + l.pick("缺少\(gap.missing.label(l))：", "No \(gap.missing.label(l)): ")
                    + gap.checks.map { $0.label(l) }.joined(separator: l.pick("、", ", ")) + "\n"
                out += "  " + gap.missing.remedy(l) + "\n"
            }
        }
        if let reasons = report.returnReasons {
            out += "\n## " + l.pick("退款原因（帕累托）", "Refunds by reason (Pareto)") + "\n"
            let table = reasons.lines.map { [$0.reason, String($0.count), $0.amount.groupedString, $0.cumulativeShare.percentString] }
            out += TextTable.render(header: [l.pick("原因", "Reason"), l.pick("笔数", "Count"), l.pick("金额", "Amount"), l.pick("累计占比", "Cumulative")], rows: table)
        }
        if let plan = report.tasks {
            out += "\n" + l.pick("任务：新建 \(plan.created.count)，更新 \(plan.updated.count)", "Tasks: \(plan.created.count) created, \(plan.updated.count) updated")
            if !plan.recovered.isEmpty || !plan.relapsed.isEmpty {
                out += l.pick("；已关闭任务指标恢复 \(plan.recovered.count)、未恢复 \(plan.relapsed.count)", "; closed tasks recovered \(plan.recovered.count), not recovered \(plan.relapsed.count)")
            }
            out += l.pick("（storeops tasks list 查看）\n", " (see storeops tasks list)\n")
        }
        return out
    }

    public static func json(_ report: CheckReport) -> String {
        JSONValue.object([
            ("store", .string(report.store.id.rawValue)), ("day", .string(report.day.iso)), ("currency", .string(report.store.currency.code)),
            ("findings", .array(report.findings.map(finding))),
            ("not_run", notRun(report.notRun)),
            ("return_reasons", .array((report.returnReasons?.lines ?? []).map { line in
                .object([("reason", .string(line.reason)), ("count", .int(line.count)), ("amount", .string(line.amount.decimalString)),
                         ("cumulative_share", line.cumulativeShare.decimalString(digits: 4).map { .number($0) } ?? .null)])
            })),
            ("tasks", report.tasks.map { plan in
                .object([("created", .array(plan.created.map { .string($0) })), ("updated", .array(plan.updated.map { .string($0) })),
                         ("recovered", .array(plan.recovered.map { .string($0) })), ("not_recovered", .array(plan.relapsed.map { .string($0) }))])
            } ?? .null),
        ]).rendered() + "\n"
    }

    /// The checks that could not run, by the kind of facts missing, with the remedy in both languages.
    static func notRun(_ gaps: [CheckGap]) -> JSONValue {
        .array(gaps.map { gap in
            .object([("missing", .string(gap.missing.rawValue)),
                     ("checks", .array(gap.checks.map { .string($0.rawValue) })),
                     ("remedy", .object([("zh", .string(gap.missing.remedy(.zh))),
                                         ("en", .string(gap.missing.remedy(.en)))]))])
        })
    }

    static func finding(_ f: Finding) -> JSONValue {
        .object([
            ("section", .string(f.section.rawValue)), ("check", .string(f.check.rawValue)), ("severity", .string(f.severity.rawValue)),
            ("subject", .string(f.subject)), ("at_stake", f.atStake.map { .string($0.decimalString) } ?? .null), ("role", .string(f.role.rawValue)),
            ("evidence", .object(f.evidence.map { ($0.key, value($0.value)) })),
            ("advice", .object([("zh", .string(f.adviceZh)), ("en", .string(f.adviceEn))])),
        ])
    }

    static func value(_ v: Evidence.Value) -> JSONValue {
        switch v {
        case .money(let m): .string(m.decimalString)
        case .count(let n): .int(n)
        case .rate(let r): r.decimalString(digits: 4).map { .number($0) } ?? .null
        case .text(let t): .string(t)
        case .day(let d): .string(d.iso)
        case .instant(let i): .string(i.iso)
        }
    }
}
