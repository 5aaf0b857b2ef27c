import StoreOpsCore

/// The daily report for a terminal: aligned columns (wide characters counted as two), the day beside the day
/// before and the same weekday last week with their changes, and a 14-day sparkline per figure.
public struct DailyReportTextRenderer: Sendable {
    public let language: Language

    public init(language: Language) { self.language = language }

    public func render(_ report: DailyReport) -> String {
        let l = language
        var lines: [String] = []
        let store = report.store
        let platform = l.pick(store.platform.chineseName, store.platform.englishName)
        lines.append(l.pick("【日报】", "Daily report · ") + "\(store.name) (\(store.id)) · \(platform) · \(report.day.iso) \(weekdayName(report.day))")
        lines.append(l.pick("金额单位: ", "Money in ") + store.currency.code)
        lines.append("")
        if report.target != nil || report.why != nil {
            lines.append(l.pick("一句话: ", "In short: ") + BriefingNarrative.text(target: report.target, why: report.why, currency: store.currency, language: l))
            lines.append("")
        }
        if let t = report.target {
            let m = { (minor: Int64) in Money(minor: minor, currency: store.currency).groupedString }
            lines.append(l.pick("目标", "Target"))
            lines.append("  " + l.pick("日目标 \(m(t.dayTarget))，完成 \(t.attainment.flatMap { Ratio($0.numerator * 100, $0.denominator).decimalString(digits: 1) }.map { $0 + "%" } ?? "—")",
                                       "Day target \(m(t.dayTarget)), attained \(t.attainment.flatMap { Ratio($0.numerator * 100, $0.denominator).decimalString(digits: 1) }.map { $0 + "%" } ?? "—")"))
            lines.append("  " + l.pick("本月累计 \(m(t.mtdActual)) / \(m(t.mtdTarget))，预计月末 \(m(t.projection))", "Month to date \(m(t.mtdActual)) of \(m(t.mtdTarget)), projection \(m(t.projection))")
                         + (t.neededPerDay.map { l.pick("，剩余每天需 \(m($0))", ", needed per remaining day \(m($0))") } ?? ""))
            let o = { (minor: Int64?) in minor.map(m) ?? "—" }
            if let p = t.profit {
                lines.append("  " + l.pick("净利 本月累计 \(o(p.mtdActual)) / \(m(p.mtdTarget))，完成 \(p.mtdAttainment?.percentString ?? "—")",
                                           "Net profit to date \(o(p.mtdActual)) of \(m(p.mtdTarget)), attained \(p.mtdAttainment?.percentString ?? "—")")
                             + (p.neededPerDay.map { l.pick("，剩余每天需 \(m($0))", ", needed per remaining day \(m($0))") } ?? ""))
            }
            if let a = t.adSpend {
                lines.append("  " + l.pick("推广花费 本月累计 \(o(a.mtdActual)) / 预算 \(m(a.mtdTarget))，用去 \(a.mtdAttainment?.percentString ?? "—")",
                                           "Ad spend to date \(o(a.mtdActual)) of budget \(m(a.mtdTarget)), used \(a.mtdAttainment?.percentString ?? "—")")
                             + (a.neededPerDay.map { l.pick("，剩余每天可用 \(m($0))", ", left per remaining day \(m($0))") } ?? ""))
            }
            lines.append("")
        }
        if !report.activities.isEmpty {
            lines.append(l.pick("活动", "Activities"))
            lines += report.activities.map { "  " + $0.line(on: report.day, l) }
            lines.append("")
        }
        if let w = report.why {
            let m = { (minor: Int64) in (minor > 0 ? "+" : "") + Money(minor: minor, currency: store.currency).groupedString }
            lines.append(l.pick("为什么 (对比 \(w.baselineLabel))", "Why (against \(w.baselineLabel))"))
            lines.append("  " + l.pick("支付金额变化 \(m(w.parts.change)) = 访客 \(m(w.parts.visitors)) + 转化率 \(m(w.parts.conversion)) + 客单价 \(m(w.parts.aov))",
                                       "GMV change \(m(w.parts.change)) = visitors \(m(w.parts.visitors)) + conversion \(m(w.parts.conversion)) + AOV \(m(w.parts.aov))"))
            for s in w.bySource.prefix(5) {
                lines.append("  " + l.pick("来源 ", "source ") + s.source + "  " + l.pick("访客 ", "visitors ") + (s.visitorsChange > 0 ? "+" : "") + String(s.visitorsChange) + "  " + m(s.gmvChange))
            }
            for i in w.byItem.filter({ $0.gmvChange < 0 }).prefix(3) {
                lines.append("  " + l.pick("商品 ", "item ") + BriefingNarrative.short(i.title) + "  " + m(i.gmvChange) + (i.soldOut ? l.pick(" 已售罄", " sold out") : ""))
            }
            lines.append("")
        }
        if let margins = report.why?.margins, !margins.isEmpty {
            lines.append(l.pick("毛利与保本投产比 (当日销量前 5)", "Margin and break-even ROAS (top 5 sellers of the day)"))
            for item in margins.prefix(5) {
                let margin = Ratio(item.marginRate.numerator * 100, item.marginRate.denominator).decimalString(digits: 1).map { $0 + "%" } ?? "—"
                let breakEven = item.breakEvenROAS?.decimalString(digits: 2) ?? "—"
                var text = "  \(BriefingNarrative.short(item.title))  " + l.pick("毛利率 \(margin)，保本 \(breakEven)", "margin \(margin), break-even \(breakEven)")
                if let roas = item.adROAS, let actual = roas.decimalString(digits: 2) {
                    text += l.pick("，推广投产比 \(actual)", ", ads ROAS \(actual)")
                    if let be = item.breakEvenROAS, let r = roas.value, let b = be.value, r < b { text += l.pick("（亏损）", " (losing money)") }
                }
                lines.append(text)
            }
            lines.append("")
        }

        let header = [l.pick("指标", "Figure"), short(report.day), l.pick("前一日", "Day before"), l.pick("环比", "Change"),
                      l.pick("上周同日", "Last week"), l.pick("同比", "Change"), l.pick("近14天", "Last 14 days")]
        var table: [[String]] = []
        var groupOf: [Int: MasterFieldGroup] = [:]
        var lastGroup: MasterFieldGroup?
        for field in report.shownFields {
            if field.group != lastGroup {
                groupOf[table.count] = field.group
                lastGroup = field.group
            }
            table.append([
                field.label(l),
                report.row[field].display(field, language: l),
                report.previousDay[field].display(field, language: l),
                change(report.row[field], report.previousDay[field], field),
                report.lastWeek[field].display(field, language: l),
                change(report.row[field], report.lastWeek[field], field),
                Sparkline.render(report.history.map { $0[field].magnitude }),
            ])
        }
        let widths = (0..<header.count).map { column in
            ([header] + table).map { DisplayWidth.of($0[column]) }.max() ?? 0
        }
        func format(_ cells: [String], indent: String) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let width = i == 0 ? widths[0] : widths[i]
                parts.append(DisplayWidth.pad(cell, to: width, right: i > 0 && i < cells.count - 1))
            }
            return indent + parts.joined(separator: "  ")
        }
        lines.append(format(header, indent: "  "))
        for (index, cells) in table.enumerated() {
            if let group = groupOf[index] { lines.append(group.label(l)) }
            lines.append(format(cells, indent: "  "))
        }

        if report.row.costMissingUnits > 0 {
            let share: String
            if case .money(let gmv) = report.row[.gmv], gmv.minor > 0 {
                let percent = report.row.costMissingValue.minor.times(100).flatMap { Ratio($0, gmv.minor).decimalString(digits: 1) }
                share = percent.map { $0 + "%" } ?? "—"
            } else {
                share = "—"
            }
            lines.append("")
            lines.append(l.pick("⚠ 成本不完整: \(report.row.costMissingUnits) 件商品没有成本, 约占支付金额 \(share); 毛利和净利因此偏高。",
                                "⚠ Costs incomplete: \(report.row.costMissingUnits) units have no unit cost (about \(share) of GMV); profit is overstated."))
        }
        if report.checks != nil || !report.openTasks.isEmpty {
            lines.append("")
            lines += DailyReportChecksSummary(report: report, language: l).textLines
        }
        let gaps = report.gaps
        if !gaps.isEmpty {
            lines.append("")
            lines.append(l.pick("无数据:", "No data:"))
            for (gap, fields) in gaps {
                lines.append("- " + fields.map { $0.label(l) }.joined(separator: l.pick("、", ", ")) + l.pick(" —— ", " — ") + gap.explanation(l))
            }
        }
        return lines.map { $0.trailingSpacesTrimmed }.joined(separator: "\n") + "\n"
    }

    /// The change from `base` to `value`: relative for money, counts and rates, absolute for scores.
    func change(_ value: MetricValue, _ base: MetricValue, _ field: MasterField) -> String { value.changeText(from: base) }

    private func short(_ day: Day) -> String {
        let c = day.components
        return language.pick("\(c.month)月\(c.day)日", "\(c.year)-\(c.month < 10 ? "0" : "")\(c.month)-\(c.day < 10 ? "0" : "")\(c.day)")
    }

    private func weekdayName(_ day: Day) -> String {
        let zh = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return language.pick(zh[day.weekday - 1], en[day.weekday - 1])
    }
}

extension String {
    var trailingSpacesTrimmed: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
