import StoreOpsCore

/// A year plan as text tables or JSON: the year, quarters, months, weeks and days with their targets and, so far,
/// actual GMV and attainment.
public enum PlanRenderer {
    public static func text(_ plan: PlanReport, weeks: Bool = false, language l: Language) -> String {
        var out =
            l.pick("【年度计划】", "Plan · ") + "\(plan.store.name) (\(plan.store.id)) · \(plan.year) · "
            + l.pick("金额单位 ", "money in ") + plan.store.currency.code + "\n"
        guard plan.total != nil || !plan.months.isEmpty else {
            return out
                + l.pick(
                    "\(plan.year) 年还没有计划: 用 storeops plan set --year \(plan.year) --gmv 金额 制定。\n",
                    "No plan for \(plan.year) yet: make one with storeops plan set --year \(plan.year) --gmv AMOUNT.\n")
        }
        if let spread = plan.spread {
            out +=
                l.pick("月内分摊: ", "Months spread by ") + label(spread, l) + l.pick("；实际截至 ", "; actuals to ")
                + plan.asOf.iso + "\n"
        }
        for table in tables(plan, weeks: weeks, language: l) {
            out += "\n" + table.title + "\n" + TextTable.render(header: table.header, rows: table.rows)
        }
        return out
    }

    /// The plan's tables: the year and quarters, the months, (with `weeks`) the ISO weeks, and the days shown.
    public static func tables(_ plan: PlanReport, weeks: Bool = false, language l: Language) -> [ReportTable] {
        let header = [
            l.pick("期间", "Period"), l.pick("支付金额目标", "GMV target"), l.pick("利润目标", "Profit target"),
            l.pick("推广预算", "Ad budget"), l.pick("至今目标", "Target to date"), l.pick("至今实际", "Actual to date"),
            l.pick("完成率", "Attained"),
        ]
        func rows(_ lines: [PlanReport.Line]) -> [[String]] {
            lines.map { line in
                [
                    line.name + (line.event.map { " \($0)" } ?? ""), line.gmv?.groupedString ?? "—",
                    line.profit?.groupedString ?? "—",
                    line.adBudget?.groupedString ?? "—", line.targetToDate?.groupedString ?? "—",
                    line.actualToDate?.groupedString ?? "—",
                    line.attainment?.percentString ?? "—",
                ]
            }
        }
        var sections: [(String, [PlanReport.Line])] = [
            (l.pick("全年与季度", "Year and quarters"), (plan.total.map { [$0] } ?? []) + plan.quarters),
            (l.pick("月份", "Months"), plan.months),
        ]
        if weeks { sections.append((l.pick("周 (ISO)", "Weeks (ISO)"), plan.weeks)) }
        sections.append(
            (
                plan.days.count > 1 && plan.days.allSatisfy({ $0.start.month == plan.days[0].start.month })
                    ? l.pick("日", "Days") : l.pick("单独定目标的日子", "Days with their own targets"), plan.days
            ))
        return sections.filter { !$0.1.isEmpty }.map { ReportTable(title: $0.0, header: header, rows: rows($0.1)) }
    }

    public static func json(_ plan: PlanReport) -> String {
        func money(_ m: Money?) -> JSONValue { m.map { .string($0.decimalString) } ?? .null }
        func line(_ line: PlanReport.Line) -> JSONValue {
            .object([
                ("period", .string(line.name)), ("start", .string(line.start.iso)), ("end", .string(line.end.iso)),
                ("event", line.event.map { .string($0) } ?? .null),
                ("gmv_target", money(line.gmv)), ("profit_target", money(line.profit)),
                ("ad_budget", money(line.adBudget)),
                ("target_to_date", money(line.targetToDate)), ("actual_to_date", money(line.actualToDate)),
                ("attainment", line.attainment.flatMap { $0.decimalString(digits: 4) }.map { .number($0) } ?? .null),
            ])
        }
        return JSONValue.object([
            ("store", .string(plan.store.id.rawValue)), ("year", .int(Int64(plan.year))),
            ("currency", .string(plan.store.currency.code)),
            ("as_of", .string(plan.asOf.iso)), ("spread", plan.spread.map { .string($0.rawValue) } ?? .null),
            ("total", plan.total.map(line) ?? .null), ("quarters", .array(plan.quarters.map(line))),
            ("months", .array(plan.months.map(line))), ("weeks", .array(plan.weeks.map(line))),
            ("days", .array(plan.days.map(line))),
        ]).rendered() + "\n"
    }

    static func label(_ spread: Target.Spread, _ l: Language) -> String {
        switch spread {
        case .even: l.pick("平均", "evenly")
        case .weekday: l.pick("近八周的星期节奏", "the weekday rhythm of the latest eight weeks")
        case .lastYear: l.pick("去年同期曲线", "last year's curve")
        }
    }
}
