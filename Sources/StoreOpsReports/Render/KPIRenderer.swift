import StoreOpsCore

/// Staff KPIs as text or JSON.
public enum KPIRenderer {
    public static func text(_ report: KPIReport, language l: Language) -> String {
        let store = report.store
        let month = "\(report.month.year)-" + (report.month.month < 10 ? "0" : "") + "\(report.month.month)"
        var out =
            l.pick("【员工KPI】", "Staff KPIs · ") + "\(store.name) (\(store.id)) · \(month) · "
            + "\(report.days.first.iso) – \(report.days.last.iso) · " + l.pick("金额单位 ", "money in ")
            + store.currency.code + "\n"
        if report.isPartial {
            out += l.pick(
                "本月未结束: 金额目标按已过天数折算。\n", "The month is still running: money targets are prorated to the days so far.\n")
        }
        if report.people.isEmpty {
            out += l.pick(
                "\n还没有人员: 用 storeops person add 添加，storeops goal set 设定目标。\n",
                "\nNo people yet: add them with storeops person add and set goals with storeops goal set.\n")
        }
        for line in report.people {
            let score = line.score.map { GoalMetric.decimal($0, digits: 1) } ?? "—"
            out += "\n\(line.person.name) · \(line.person.role.label(l)) · " + l.pick("得分 ", "score ") + score
            if !line.missing.isEmpty {
                out +=
                    l.pick("（缺少数据: ", " (no data: ") + line.missing.map { $0.label(l) }.joined(separator: ", ")
                    + l.pick("）", ")")
            }
            out += "\n"
            if line.goals.isEmpty {
                out += "  " + l.pick("本月没有目标", "No goals this month") + "\n"
            } else {
                out +=
                    TextTable.render(header: goalHeader(l), rows: goalRows(line, store, l)).split(separator: "\n").map { "  " + $0 }
                    .joined(separator: "\n") + "\n"
            }
            let t = line.tasks
            let share = line.onTimeShare.map { GoalMetric.decimal($0 * 100, digits: 1) + "%" } ?? "—"
            out +=
                "  "
                + l.pick(
                    "任务: 按时完成 \(t.closedOnTime)，逾期完成 \(t.closedLate)，逾期未完成 \(t.overdue)，按时率 \(share)（权重 \(line.person.tasksWeight)）",
                    "Tasks: closed on time \(t.closedOnTime), late \(t.closedLate), overdue \(t.overdue), on time \(share) (weight \(line.person.tasksWeight))"
                ) + "\n"
        }
        if !report.agents.isEmpty {
            out += "\n" + l.pick("客服排名", "Customer service ranking") + "\n"
            out += TextTable.render(header: agentHeader(l), rows: agentRows(report))
        }
        return out
    }

    /// The KPIs as tables: everyone's score and tasks, each person's goals, and the customer-service ranking.
    public static func tables(_ report: KPIReport, language l: Language) -> [ReportTable] {
        let store = report.store
        var tables: [ReportTable] = []
        if !report.people.isEmpty {
            tables.append(ReportTable(
                title: l.pick("得分", "Scores"),
                header: [l.pick("人员", "Person"), l.pick("岗位", "Role"), l.pick("得分", "Score"), l.pick("按时完成", "On time"),
                         l.pick("逾期完成", "Late"), l.pick("逾期未完成", "Overdue"), l.pick("缺少数据", "No data")],
                rows: report.people.map { line in
                    [line.person.name, line.person.role.label(l), line.score.map { GoalMetric.decimal($0, digits: 1) } ?? "—",
                     String(line.tasks.closedOnTime), String(line.tasks.closedLate), String(line.tasks.overdue),
                     line.missing.isEmpty ? "" : line.missing.map { $0.label(l) }.joined(separator: ", ")]
                },
                note: report.isPartial ? l.pick("本月未结束: 金额目标按已过天数折算。", "The month is still running: money targets are prorated to the days so far.")
                    : nil))
        }
        for line in report.people where !line.goals.isEmpty {
            tables.append(ReportTable(title: "\(line.person.name) · \(line.person.role.label(l))", header: goalHeader(l),
                                      rows: goalRows(line, store, l)))
        }
        if !report.agents.isEmpty {
            tables.append(ReportTable(title: l.pick("客服排名", "Customer service ranking"), header: agentHeader(l), rows: agentRows(report)))
        }
        return tables
    }

    static func goalHeader(_ l: Language) -> [String] {
        [l.pick("指标", "Figure"), l.pick("目标", "Target"), l.pick("实际", "Actual"), l.pick("完成", "Attained"), l.pick("权重", "Weight")]
    }

    static func goalRows(_ line: KPIReport.PersonLine, _ store: Store, _ l: Language) -> [[String]] {
        line.goals.map { g -> [String] in
            let m = g.goal.metric
            return [
                m.label(l), m.display(Double(g.target), currency: store.currency, scaled: true),
                g.actual.map { m.display($0, currency: store.currency, scaled: false) } ?? "—",
                g.attainment.map { GoalMetric.decimal($0 * 100, digits: 1) + "%" } ?? "—",
                String(g.goal.weight),
            ]
        }
    }

    static func agentHeader(_ l: Language) -> [String] {
        [l.pick("客服", "Agent"), l.pick("人员", "Person"), l.pick("询单人数", "Inquirers"), l.pick("付款人数", "Paid"),
         l.pick("询单转化率", "Conversion"), l.pick("首次响应(秒)", "First response (s)"), l.pick("销售额", "Sales"),
         l.pick("奖惩", "Reward/penalty")]
    }

    static func agentRows(_ report: KPIReport) -> [[String]] {
        report.agents.map { a -> [String] in
            [
                a.agent, a.person ?? "", String(a.inquirers), String(a.paid), a.conversion.percentString,
                a.firstResponseSeconds.map { GoalMetric.decimal($0, digits: 1) } ?? "—", a.paidAmount.groupedString,
                a.rules.isEmpty ? "" : (a.total.minor > 0 ? "+" : "") + a.total.groupedString,
            ]
        }
    }

    public static func json(_ report: KPIReport) -> String {
        func number(_ value: Double?) -> JSONValue {
            value.flatMap { Int64(exactly: ($0 * 10_000).rounded()) }.map {
                .number(Money.decimalString(minor: $0, digits: 4))
            } ?? .null
        }
        func figure(_ metric: GoalMetric, _ value: Double?, scaled: Bool) -> JSONValue {
            guard let value else { return .null }
            switch metric.unit {
            case .money:
                return Int64(exactly: value.rounded()).map {
                    .string(Money(minor: $0, currency: report.store.currency).decimalString)
                } ?? .null
            case .seconds: return number(value)
            case .rate: return number(scaled ? value / 10_000 : value)
            }
        }
        return JSONValue.object([
            ("store", .string(report.store.id.rawValue)), ("currency", .string(report.store.currency.code)),
            ("month", .string(String(report.month.iso.prefix(7)))), ("from", .string(report.days.first.iso)),
            ("to", .string(report.days.last.iso)), ("partial", .bool(report.isPartial)),
            (
                "people",
                .array(
                    report.people.map { line in
                        .object([
                            ("name", .string(line.person.name)), ("role", .string(line.person.role.rawValue)),
                            ("score", number(line.score)),
                            ("missing", .array(line.missing.map { .string($0.rawValue) })),
                            (
                                "goals",
                                .array(
                                    line.goals.map { g in
                                        .object([
                                            ("metric", .string(g.goal.metric.rawValue)),
                                            ("weight", .int(Int64(g.goal.weight))),
                                            ("target", figure(g.goal.metric, Double(g.target), scaled: true)),
                                            ("actual", figure(g.goal.metric, g.actual, scaled: false)),
                                            ("attainment", number(g.attainment)),
                                        ])
                                    })
                            ),
                            (
                                "tasks",
                                .object([
                                    ("closed_on_time", .int(Int64(line.tasks.closedOnTime))),
                                    ("closed_late", .int(Int64(line.tasks.closedLate))),
                                    ("overdue", .int(Int64(line.tasks.overdue))),
                                    ("on_time_share", number(line.onTimeShare)),
                                    ("weight", .int(Int64(line.person.tasksWeight))),
                                ])
                            ),
                        ])
                    })
            ),
            (
                "service",
                .array(
                    report.agents.map { a in
                        .object([
                            ("agent", .string(a.agent)), ("person", a.person.map { .string($0) } ?? .null),
                            ("inquirers", .int(a.inquirers)), ("paid", .int(a.paid)),
                            ("inquiry_conversion", a.conversion.decimalString(digits: 4).map { .number($0) } ?? .null),
                            ("first_response_seconds", number(a.firstResponseSeconds)),
                            ("sales", .string(a.paidAmount.decimalString)),
                            (
                                "rules",
                                .array(
                                    a.rules.map { r in
                                        .object([
                                            ("metric", .string(r.metric.rawValue)),
                                            ("comparison", .string(r.comparison.rawValue)),
                                            ("threshold", figure(r.metric, Double(r.threshold), scaled: true)),
                                            ("amount", .string(r.amount.decimalString)),
                                        ])
                                    })
                            ),
                            ("reward_total", .string(a.total.decimalString)),
                        ])
                    })
            ),
        ]).rendered() + "\n"
    }
}
