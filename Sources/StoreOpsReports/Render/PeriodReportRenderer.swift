import StoreOpsCore

/// A period report (周报, 月报) as text, JSON or CSV: the period's figures beside the period before and the same days a
/// year earlier with their changes, per-day means of the additive figures, the target, why GMV moved, and the best and
/// worst days. Unknown figures are "—" / null / empty, with the first day that lacks them.
public enum PeriodReportRenderer {
    public static func text(_ report: PeriodReport, language l: Language) -> String {
        let t = report.totals
        let store = report.store
        let kind =
            switch report.kind {
            case .week: l.pick("【周报】", "Weekly report · ")
            case .month: l.pick("【月报】", "Monthly report · ")
            case .period: l.pick("【期间报表】", "Period report · ")
            }
        var lines = [
            kind + "\(store.name) (\(store.id)) · \(report.label) (\(t.days.first.iso) ~ \(t.days.last.iso), "
                + l.pick("\(t.days.count) 天)", "\(t.days.count) days)"),
            l.pick("金额单位: ", "Money in ") + store.currency.code, "",
        ]
        if let target = report.targetGMV {
            let attained = report.attainment?.percentString ?? "—"
            lines.append(
                l.pick(
                    "目标 \(target.groupedString)，完成 \(attained)", "Target \(target.groupedString), attained \(attained)")
            )
        }
        if let why = report.why {
            let m = { (minor: Int64) in
                (minor > 0 ? "+" : "") + Money(minor: minor, currency: store.currency).groupedString
            }
            lines.append(
                l.pick(
                    "比上期支付金额 \(m(why.change)) = 访客 \(m(why.visitors)) + 转化率 \(m(why.conversion)) + 客单价 \(m(why.aov))",
                    "GMV against the period before \(m(why.change)) = visitors \(m(why.visitors)) + conversion "
                        + "\(m(why.conversion)) + AOV \(m(why.aov))"))
        }
        if let (best, worst) = report.bestAndWorstDays {
            lines.append(
                l.pick(
                    "最好的一天 \(best.day.iso) \(best[.gmv].display(.gmv, language: l))，最差的一天 \(worst.day.iso) "
                        + worst[.gmv].display(.gmv, language: l),
                    "Best day \(best.day.iso) \(best[.gmv].display(.gmv, language: l)), worst day \(worst.day.iso) "
                        + worst[.gmv].display(.gmv, language: l)))
        }
        if lines.count > 3 { lines.append("") }
        let header = [
            l.pick("指标", "Figure"), l.pick("本期", "Period"), l.pick("日均", "Per day"), l.pick("上期", "Before"),
            l.pick("环比", "Change"), l.pick("去年同期", "Last year"), l.pick("同比", "Change"),
        ]
        let rows = report.shownFields.map { field -> [String] in
            let now = t[field]
            let before = report.previous[field]
            let year = report.lastYear[field]
            let perDay =
                t.dailyMean(field).map { mean -> String in
                    if case .rate(let r) = mean, r.denominator > 0 {
                        // A count per day, to a tenth, grouped like the counts.
                        let tenths = (r.numerator * 10 * 2 + r.denominator) / (r.denominator * 2)
                        return Money(minor: tenths / 10, currency: Currency("JPY")).groupedString + ".\(tenths % 10)"
                    }
                    return mean.display(field, language: l)
                } ?? ""
            return [
                field.label(l), shown(now, field, l), perDay, shown(before, field, l), now.changeText(from: before),
                shown(year, field, l),
                now.changeText(from: year),
            ]
        }
        lines.append(TextTable.render(header: header, rows: rows).trimmingTrailingNewline)
        let missing = report.shownFields.compactMap { field in t.firstDayMissing[field].map { (field, $0) } }
        if !missing.isEmpty {
            lines.append("")
            lines.append(
                l.pick("本期无数据（从该日起缺）：", "No data for the period (missing from):") + " "
                    + missing.map { "\($0.0.label(l)) \($0.1.iso)" }.joined(separator: l.pick("，", ", ")))
        }
        let y = report.lastYear.days
        if !report.lastYear[.gmv].hasData {
            lines.append(
                l.pick(
                    "去年同期（\(y.first.iso) ~ \(y.last.iso)）没有完整的订单数据。",
                    "Last year (\(y.first.iso) to \(y.last.iso)) has no complete order data."))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ report: PeriodReport) -> String {
        func figures(_ t: PeriodTotals) -> JSONValue {
            .object([
                ("from", .string(t.days.first.iso)), ("to", .string(t.days.last.iso)),
                ("figures", .object(MasterField.allCases.map { ($0.key, t[$0].json) })),
            ])
        }
        let why =
            report.why.map { w -> JSONValue in
                let m = { (minor: Int64) in
                    JSONValue.string(Money(minor: minor, currency: report.store.currency).decimalString)
                }
                return .object([
                    ("gmv_change", m(w.change)), ("visitors", m(w.visitors)), ("conversion", m(w.conversion)),
                    ("aov", m(w.aov)),
                ])
            } ?? .null
        let days =
            report.bestAndWorstDays.map { d -> JSONValue in
                .object([
                    ("best", .object([("day", .string(d.best.day.iso)), ("gmv", d.best[.gmv].json)])),
                    ("worst", .object([("day", .string(d.worst.day.iso)), ("gmv", d.worst[.gmv].json)])),
                ])
            } ?? .null
        return JSONValue.object([
            ("store", .string(report.store.id.rawValue)), ("kind", .string(report.kind.rawValue)),
            ("label", .string(report.label)),
            ("currency", .string(report.store.currency.code)),
            ("period", figures(report.totals)), ("previous", figures(report.previous)),
            ("last_year", figures(report.lastYear)),
            (
                "missing_from",
                .object(
                    report.totals.firstDayMissing.sorted { $0.key.key < $1.key.key }.map {
                        ($0.key.key, .string($0.value.iso))
                    })
            ),
            ("target_gmv", report.targetGMV.map { .string($0.decimalString) } ?? .null),
            ("attainment", report.attainment.flatMap { $0.decimalString(digits: 4) }.map { .number($0) } ?? .null),
            ("why", why), ("days", days),
        ]).rendered() + "\n"
    }

    /// One row per figure: the period, the period before, last year.
    public static func csv(_ report: PeriodReport) -> String {
        var writer = CSVWriter()
        writer.header(["field", "period", "previous", "last_year"])
        for field in MasterField.allCases {
            writer.row([
                .text(field.key), .number(report.totals[field].csv), .number(report.previous[field].csv),
                .number(report.lastYear[field].csv),
            ])
        }
        return writer.output
    }

    private static func shown(_ value: MetricValue, _ field: MasterField, _ l: Language) -> String {
        value.hasData ? value.display(field, language: l) : "—"
    }
}

extension String {
    var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
