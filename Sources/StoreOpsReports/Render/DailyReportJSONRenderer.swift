import StoreOpsCore

/// The daily report as JSON: the day's master-table fields under their domain keys at the top level, and the
/// day before and the same weekday last week under `compare`.
public struct DailyReportJSONRenderer: Sendable {
    /// The language of the narrative.
    public let language: Language

    public init(language: Language = .en) { self.language = language }

    private func money(_ minor: Int64, _ report: DailyReport) -> JSONValue { .string(Money(minor: minor, currency: report.store.currency).decimalString) }

    /// Profit or ad spend against its period target; `per_remaining_day` is what each remaining day needs (profit) or
    /// may spend (ad budget).
    private func figure(_ f: FigurePacing, _ report: DailyReport) -> JSONValue {
        .object([
            ("period_target", money(f.periodTarget, report)), ("day_target", money(f.dayTarget, report)),
            ("day_actual", f.dayActual.map { money($0, report) } ?? .null),
            ("mtd_target", money(f.mtdTarget, report)), ("mtd_actual", f.mtdActual.map { money($0, report) } ?? .null),
            ("mtd_attainment", f.mtdAttainment.flatMap { $0.decimalString(digits: 4) }.map { .number($0) } ?? .null),
            ("per_remaining_day", f.neededPerDay.map { money($0, report) } ?? .null),
        ])
    }

    public func render(_ report: DailyReport) -> String {
        var pairs: [(String, JSONValue)] = [
            ("store", .string(report.store.id.rawValue)),
            ("store_name", .string(report.store.name)),
            ("platform", .string(report.store.platform.rawValue)),
            ("currency", .string(report.store.currency.code)),
            ("day", .string(report.day.iso)),
        ]
        pairs += MasterTableJSON.fields(of: report.row)
        pairs.append(("cost_missing_units", .int(report.row.costMissingUnits)))
        pairs.append(("cost_missing_value", .string(report.row.costMissingValue.decimalString)))
        // Why each null figure of the day is null: {"reason", "fields"} in the order of the reasons.
        pairs.append(("missing", .array(report.gaps.map { gap, fields in
            .object([("reason", .string(gap.rawValue)), ("fields", .array(fields.map { .string($0.key) })),
                     ("explanation", .string(gap.explanation(language)))])
        })))
        pairs.append(("target", report.target.map { t in
            .object([
                ("day_target", money(t.dayTarget, report)), ("attainment", t.attainment.flatMap { $0.decimalString(digits: 4) }.map { .number($0) } ?? .null),
                ("mtd_actual", money(t.mtdActual, report)), ("mtd_target", money(t.mtdTarget, report)),
                ("mtd_attainment", t.mtdAttainment.decimalString(digits: 4).map { .number($0) } ?? .null),
                ("projection", money(t.projection, report)), ("needed_per_day", t.neededPerDay.map { money($0, report) } ?? .null),
                ("profit", t.profit.map { figure($0, report) } ?? .null), ("ad_spend", t.adSpend.map { figure($0, report) } ?? .null),
            ])
        } ?? .null))
        pairs.append(("activities", .array(report.activities.map { a in
            .object([("id", .string(a.id)), ("name", .string(a.name)), ("kind", .string(a.kind.rawValue)),
                     ("start", .string(a.start.iso)), ("end", .string(a.end.iso)), ("status", .string(a.status.rawValue)),
                     ("day_of_activity", .int(Int64(a.start.distance(to: report.day) + 1))),
                     ("days", .int(Int64(a.start.distance(to: a.end) + 1))),
                     ("gmv_goal", a.gmvGoal.map { money($0.minor, report) } ?? .null),
                     ("cost", a.cost.map { money($0.minor, report) } ?? .null)])
        })))
        pairs.append(("why", report.why.map { w in
            .object([
                ("baseline_day", .string(w.baselineLabel)), ("gmv_change", money(w.parts.change, report)),
                ("parts", .object([("visitors", money(w.parts.visitors, report)), ("conversion", money(w.parts.conversion, report)),
                                   ("aov", money(w.parts.aov, report))])),
                ("by_source", .array(w.bySource.map { s in
                    .object([("source", .string(s.source)), ("visitors_change", .int(s.visitorsChange)), ("gmv_change", money(s.gmvChange, report))])
                })),
                ("by_item", .array(w.byItem.map { i in
                    .object([("item", .string(i.productID)), ("title", .string(i.title)), ("gmv_change", money(i.gmvChange, report)), ("sold_out", .bool(i.soldOut))])
                })),
                ("ad_spend_change", w.adSpendChange.map { money($0, report) } ?? .null),
                ("item_margins", .array(w.margins.map { m in
                    .object([("item", .string(m.productID)), ("title", .string(m.title)), ("revenue", money(m.revenue, report)), ("cogs", money(m.cogs, report)),
                             ("gross_margin_rate", m.marginRate.decimalString(digits: 4).map { .number($0) } ?? .null),
                             ("break_even_roas", m.breakEvenROAS?.decimalString(digits: 4).map { .number($0) } ?? .null),
                             ("ad_roas", m.adROAS?.decimalString(digits: 4).map { .number($0) } ?? .null)])
                })),
                ("narrative", .string(BriefingNarrative.text(target: report.target, why: w, currency: report.store.currency, language: language))),
            ])
        } ?? .null))
        pairs.append(("checks", report.checks.map { c in
            .object([("findings", .array(c.findings.map(CheckReportRenderer.finding))),
                     ("not_run", CheckReportRenderer.notRun(c.notRun))])
        } ?? .null))
        pairs.append(("open_tasks", .array(report.openTasks.map(TaskListRenderer.task))))
        pairs.append(("compare", .object([
            ("previous_day", .object([("day", .string(report.previousDay.day.iso))] + MasterTableJSON.fields(of: report.previousDay))),
            ("same_weekday_last_week", .object([("day", .string(report.lastWeek.day.iso))] + MasterTableJSON.fields(of: report.lastWeek))),
        ])))
        return JSONValue.object(pairs).rendered() + "\n"
    }
}

/// Master-table rows as JSON.
public enum MasterTableJSON {
    /// Every field of the row under its key, in the documented order.
    public static func fields(of row: MasterTableRow) -> [(String, JSONValue)] {
        MasterField.allCases.map { ($0.key, row[$0].json) }
    }

    /// A table of rows: `{"store", "currency", "rows": [{"day", "store", fields...}]}`.
    public static func render(store: Store, rows: [MasterTableRow]) -> String {
        JSONValue.object([
            ("store", .string(store.id.rawValue)),
            ("currency", .string(store.currency.code)),
            ("rows", .array(rows.map { row in
                .object([("day", .string(row.day.iso)), ("store", .string(row.store.rawValue))] + fields(of: row))
            })),
        ]).rendered() + "\n"
    }
}
