import StoreOpsCore

/// The morning checks as text (grouped by section, money at stake first) and as JSON.
public enum CheckReportRenderer {
    public static func text(_ report: CheckReport, language l: Language) -> String {
        var out = l.pick("\(report.store.name) (\(report.store.id)) \(report.day.iso) 每日检查：", "\(report.store.name) (\(report.store.id)) checks for \(report.day.iso): ")
        guard !report.findings.isEmpty else { return out + l.pick("没有发现问题。\n", "nothing found.\n") }
        out += l.pick("\(report.findings.count) 项发现\n", "\(report.findings.count) findings\n")
        for (section, findings) in report.sections {
            let total = findings.compactMap(\.atStake).reduce(Money.zero(report.store.currency), +)
            out += "\n## \(section.label(l))" + (total.isZero ? "" : l.pick("（涉及金额 \(total.groupedString)）", " (at stake \(total.groupedString))")) + "\n"
            for f in findings {
                let stake = f.atStake.map { l.pick("  涉及 \($0.groupedString)", "  at stake \($0.groupedString)") } ?? ""
                out += "- [\(f.severity.rawValue)] \(f.check.label(l)) · \(f.subject)\(stake) → \(f.role.label(l))\n"
                out += "  " + l.pick(f.adviceZh, f.adviceEn) + "\n"
            }
        }
        return out
    }

    public static func json(_ report: CheckReport) -> String {
        JSONValue.object([
            ("store", .string(report.store.id.rawValue)), ("day", .string(report.day.iso)), ("currency", .string(report.store.currency.code)),
            ("findings", .array(report.findings.map(finding))),
        ]).rendered() + "\n"
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
