import Foundation
import StoreOpsCore

/// The customer report as text (the summary views), JSON (everything, every customer), and CSV or XLSX (the
/// customer list with segments, for the platform's CRM tools).
public enum CustomerReportRenderer {
    /// The per-day table is shown in text up to this many days; longer ranges have it in JSON.
    static let textDays = 62
    /// Cohort periods shown in text and HTML; JSON has them all.
    static let shownPeriods = 13

    // MARK: text

    public static func text(_ report: CustomerReport, language l: Language) -> String {
        let a = report.analysis
        var out = title(report, l) + "\n"
        out += notes(report, l).map { $0 + "\n" }.joined()
        if report.isRangeKnown {
            let p = a.period
            out += "\n" + TextTable.render(header: [l.pick("区间汇总", "Range"), ""], rows: summaryRows(report, l).map { [$0.0, $0.1] })
            out += "\n" + TextTable.render(
                header: [l.pick("首购后回购", "Came back within"), l.pick("可观察买家", "Eligible"), l.pick("回购", "Returned"), l.pick("比例", "Rate")],
                rows: p.comebacks.map { [l.pick("\($0.days) 天内", "\($0.days) days"), String($0.eligible), String($0.returned), $0.rate.percentString] })
        }
        if a.days.count <= textDays {
            let rows = a.days.map { day -> [String] in
                guard report.knownDays.contains(day.day) else { return [day.day.iso, "—", "—", "—", "—", "—", "—"] }
                return [day.day.iso, String(day.newBuyers), String(day.returningBuyers), amount(report, day.newGMVMinor),
                        amount(report, day.returningGMVMinor), aov(report, day.newGMVMinor, day.newOrders),
                        aov(report, day.returningGMVMinor, day.returningOrders)]
            }
            out += "\n" + TextTable.render(header: [l.pick("日期", "Day"), l.pick("新客", "New"), l.pick("老客", "Returning"),
                                                    l.pick("新客成交额", "New GMV"), l.pick("老客成交额", "Returning GMV"),
                                                    l.pick("新客客单价", "New AOV"), l.pick("老客客单价", "Returning AOV")], rows: rows)
        } else {
            out += "\n" + l.pick("逐日数字见 --format json。\n", "Per-day figures: --format json.\n")
        }
        if report.isRangeKnown, !a.cohorts.isEmpty {
            let periods = min(shownPeriods, a.cohorts.map(\.periods.count).max() ?? 0)
            let header = [l.pick("首购\(a.grain.label(l))", "First \(a.grain.label(l))"), l.pick("人数", "Buyers")] + (0..<periods).map { "+\($0)" }
            let rows = a.cohorts.map { cohort in
                [cohort.start.iso, String(cohort.size)] + (0..<periods).map { $0 < cohort.periods.count ? cohort.retention($0).percentString : "" }
            }
            out += "\n" + l.pick("留存（各期复购人数 / 首购人数）\n", "Retention (buyers of each period / cohort size)\n")
                + TextTable.render(header: header, rows: rows)
            out += "\n" + l.pick("历史客户价值（首购起 N 天内人均成交额）\n", "Historical lifetime value (mean paid per buyer within N days of the first purchase)\n")
                + TextTable.render(header: [l.pick("首购\(a.grain.label(l))", "First \(a.grain.label(l))")] + CustomerAnalysis.lifetimeWindows.map { l.pick("\($0) 天", "\($0) days") },
                                   rows: a.cohorts.map { cohort in
                                       [cohort.start.iso] + CustomerAnalysis.lifetimeWindows.map { amount(report, cohort.lifetimeValueMinor[$0]) }
                                   })
        }
        if !a.customers.isEmpty {
            out += "\n" + l.pick("RFM 分层（截至 \(report.range.last.iso) 的全部客户）\n", "RFM segments (every customer up to \(report.range.last.iso))\n")
                + TextTable.render(header: [l.pick("分层", "Segment"), l.pick("客户数", "Customers"), l.pick("占比", "Share"),
                                            l.pick("累计成交占比", "Share of spend"), l.pick("建议动作", "Action")],
                                   rows: a.segments.map { s in
                                       [s.segment.label(l), String(s.customers), s.customerShare.percentString,
                                        s.totalShare?.percentString ?? "—", s.segment.action.label(l)]
                                   })
            out += l.pick("客户名单：--format csv 或 xlsx（可加 --segment）。\n", "The customer list: --format csv or xlsx (with --segment to pick one).\n")
            switch a.forecast {
            case .success(let forecast):
                out += "\n" + TextTable.render(header: [l.pick("客户价值预测", "Predicted customer value"), ""],
                                               rows: forecastRows(report, forecast, l).map { [$0.0, $0.1] })
            case .failure(let gap):
                out += "\n" + forecastNote(gap, l) + "\n"
            }
        }
        return out
    }

    static func title(_ report: CustomerReport, _ l: Language) -> String {
        l.pick("\(report.store.name) 客户分析 \(report.range.first.iso) 至 \(report.range.last.iso)（按\(report.analysis.grain.label(l))分群）",
               "\(report.store.name) customers \(report.range.first.iso) to \(report.range.last.iso) (cohorts by \(report.analysis.grain.label(l)))")
    }

    /// What the reader must know: where the history starts and every gap.
    static func notes(_ report: CustomerReport, _ l: Language) -> [String] {
        var notes: [String] = []
        if let start = report.analysis.historyStart {
            notes.append(l.pick("订单历史自 \(start.iso) 起：新客指此后第一次购买的买家。",
                                "Order history starts on \(start.iso): new buyers are those buying for the first time since then."))
        }
        for gap in report.gaps {
            switch gap {
            case .noPurchases:
                notes.append(l.pick("没有带买家标识的已付款订单：导入含买家会员名/买家ID 列的订单导出后才有客户数字。",
                                    "No paid order with a buyer id: import an order export with the buyer column (买家会员名 / customer) to get customer figures."))
            case .noOrderData(let days):
                notes.append(l.pick("\(days.count) 天没有订单数据（\(span(days))）：导入这些天的订单导出，或把 --from/--to 缩到有数据的日子。",
                                    "\(days.count) days have no order data (\(span(days))): import their order exports, or narrow --from/--to to the days with data."))
            case .noBuyerIDs(let days):
                notes.append(l.pick("\(days.count) 天有订单缺少买家标识（\(span(days))）：这些天的导出没有买家列，客户数字未知。",
                                    "\(days.count) days have paid orders without a buyer id (\(span(days))): their export lacks the buyer column, so customer figures are unknown."))
            }
        }
        if !report.gaps.isEmpty, !report.isRangeKnown {
            notes.append(l.pick("区间汇总、回购率和分群需要每一天都有数据，因此不显示。",
                                "The range summary, comeback rates and cohorts need every day known, so they are not shown."))
        }
        return notes
    }

    static func span(_ days: [Day]) -> String {
        guard let first = days.first, let last = days.last else { return "" }
        return first == last ? first.iso : "\(first.iso) … \(last.iso)"
    }

    static func summaryRows(_ report: CustomerReport, _ l: Language) -> [(String, String)] {
        let p = report.analysis.period
        return [
            (l.pick("买家", "Buyers"), String(p.buyers)),
            (l.pick("新客（区间内首购）", "New (first purchase in the range)"), String(p.newBuyers)),
            (l.pick("老客（区间前买过）", "Returning (bought before the range)"), String(p.returningBuyers)),
            (l.pick("老客占比", "Returning share"), p.returningShare.percentString),
            (l.pick("复购买家（区间内 ≥2 个购买日）", "Repeat buyers (2+ purchase days in the range)"), String(p.repeatBuyers)),
            (l.pick("复购率", "Repurchase rate"), p.repurchaseRate.percentString),
            (l.pick("订单", "Orders"), String(p.orders)),
            (l.pick("成交额", "GMV"), amount(report, p.gmvMinor)),
            (l.pick("复购金额占比", "Repeat purchases' share of GMV"), p.repeatGMVShare?.percentString ?? "—"),
        ]
    }

    static func amount(_ report: CustomerReport, _ minor: Int64?) -> String { minor.map { report.money($0).groupedString } ?? "—" }

    static func aov(_ report: CustomerReport, _ minor: Int64?, _ orders: Int) -> String {
        guard let minor, orders > 0 else { return "—" }
        return report.money(Money.divideRounded(minor, by: Int64(orders))).groupedString
    }

    /// `lifetimes`' monetary value in major units, to four decimals of a minor unit; nil when unknown.
    static func monetaryValue(_ rfm: CustomerRFM, digits: Int) -> String? {
        guard rfm.frequency > 0 else { return "0" }
        guard let total = rfm.repeatTotalMinor else { return nil }
        return Money.decimalString(minor: total.scaled(by: 10_000, over: Int64(rfm.frequency)), digits: digits + 4)
    }

    // MARK: JSON

    public static func json(_ report: CustomerReport) -> String {
        let a = report.analysis, known = report.isRangeKnown, digits = report.store.currency.minorDigits
        func money(_ minor: Int64?) -> JSONValue { minor.map { .string(report.money($0).decimalString) } ?? .null }
        func rate(_ ratio: Ratio?) -> JSONValue { ratio?.decimalString(digits: 4).map { .number($0) } ?? .null }
        let p = a.period
        let summary: JSONValue = known ? .object([
            ("buyers", .int(p.buyers)), ("new_buyers", .int(p.newBuyers)), ("returning_buyers", .int(p.returningBuyers)),
            ("returning_share", rate(p.returningShare)), ("repeat_buyers", .int(p.repeatBuyers)), ("repurchase_rate", rate(p.repurchaseRate)),
            ("orders", .int(p.orders)), ("gmv", money(p.gmvMinor)), ("repeat_gmv", money(p.repeatGMVMinor)),
            ("repeat_gmv_share", rate(p.repeatGMVShare)),
            ("comebacks", .array(p.comebacks.map { .object([("days", .int($0.days)), ("eligible", .int($0.eligible)),
                                                            ("returned", .int($0.returned)), ("rate", rate($0.rate))]) })),
        ]) : .null
        let days: [JSONValue] = a.days.map { day in
            let k = report.knownDays.contains(day.day)
            func count(_ n: Int) -> JSONValue { k ? .int(n) : .null }
            return .object([("day", .string(day.day.iso)), ("new_buyers", count(day.newBuyers)), ("returning_buyers", count(day.returningBuyers)),
                            ("new_orders", count(day.newOrders)), ("returning_orders", count(day.returningOrders)),
                            ("new_gmv", k ? money(day.newGMVMinor) : .null), ("returning_gmv", k ? money(day.returningGMVMinor) : .null)])
        }
        let cohorts: JSONValue = known ? .array(a.cohorts.map { cohort in
            .object([("start", .string(cohort.start.iso)), ("buyers", .int(cohort.size)),
                     ("periods", .array(cohort.periods.indices.map { k in
                         .object([("period", .int(k)), ("buyers", .int(cohort.periods[k].buyers)), ("retention", rate(cohort.retention(k))),
                                  ("gmv", money(cohort.periods[k].gmvMinor))])
                     })),
                     ("lifetime_value", .object(CustomerAnalysis.lifetimeWindows.map { ("\($0)d", money(cohort.lifetimeValueMinor[$0])) }))])
        }) : .null
        let gaps: [JSONValue] = report.gaps.map { gap in
            switch gap {
            case .noPurchases: .object([("gap", .string("no_purchases"))])
            case .noOrderData(let d): .object([("gap", .string("no_order_data")), ("days", .array(d.map { .string($0.iso) }))])
            case .noBuyerIDs(let d): .object([("gap", .string("no_buyer_ids")), ("days", .array(d.map { .string($0.iso) }))])
            }
        }
        return JSONValue.object([
            ("store", .string(report.store.id.rawValue)), ("from", .string(report.range.first.iso)), ("to", .string(report.range.last.iso)),
            ("currency", .string(report.store.currency.code)), ("cohort", .string(a.grain.rawValue)),
            ("history_start", a.historyStart.map { .string($0.iso) } ?? .null), ("gaps", .array(gaps)),
            ("summary", summary), ("days", .array(days)), ("cohorts", cohorts),
            ("segments", .array(a.segments.map { s in
                .object([("segment", .string(s.segment.rawValue)), ("customers", .int(s.customers)), ("customer_share", rate(s.customerShare)),
                         ("total", money(s.totalMinor)), ("total_share", rate(s.totalShare)), ("action", .string(s.segment.action.rawValue))])
            })),
            ("forecast", forecastJSON(report)),
            ("segment_filter", report.segmentFilter.map { .string($0.rawValue) } ?? .null),
            ("customers", .array(report.listedIndices.map { index in
                let c = a.customers[index], p = prediction(report, at: index)
                func figure(_ s: String) -> JSONValue { s.isEmpty ? .null : .number(s) }
                func amount(_ s: String) -> JSONValue { s.isEmpty ? .null : .string(s) }
                return .object([("customer", .string(c.rfm.customer)), ("frequency", .int(c.rfm.frequency)), ("recency", .int(c.rfm.recency)),
                         ("T", .int(c.rfm.tenure)), ("monetary_value", monetaryValue(c.rfm, digits: digits).map { .number($0) } ?? .null),
                         ("segment", .string(c.segment.rawValue)), ("first_purchase", .string(c.rfm.first.iso)), ("total", money(c.rfm.totalMinor)),
                         ("r", .int(c.recencyScore)), ("f", .int(c.frequencyScore)), ("m", c.monetaryScore.map { .int($0) } ?? .null),
                         ("p_alive", figure(p.alive)), ("predicted_purchases", figure(p.purchases)), ("predicted_value", amount(p.value))])
            })),
        ]).rendered() + "\n"
    }

    // MARK: the customer list

    static let listColumns = ["customer", "segment", "frequency", "recency", "T", "monetary_value", "total", "first_purchase",
                              "days_since_last", "r", "f", "m", "action",
                              "p_alive", "predicted_purchases_365d", "predicted_value_365d"]

    public static func csv(_ report: CustomerReport) -> String {
        var writer = CSVWriter()
        writer.header(listColumns)
        let digits = report.store.currency.minorDigits
        for index in report.listedIndices {
            let c = report.analysis.customers[index], p = prediction(report, at: index)
            writer.row([.text(c.rfm.customer), .text(c.segment.rawValue), .number(String(c.rfm.frequency)), .number(String(c.rfm.recency)),
                        .number(String(c.rfm.tenure)), .number(monetaryValue(c.rfm, digits: digits) ?? ""),
                        .number(c.rfm.totalMinor.map { report.money($0).decimalString } ?? ""), .text(c.rfm.first.iso),
                        .number(String(c.daysSinceLast)), .number(String(c.recencyScore)), .number(String(c.frequencyScore)),
                        .number(c.monetaryScore.map(String.init) ?? ""), .text(c.segment.action.rawValue),
                        .number(p.alive), .number(p.purchases), .number(p.value)])
        }
        return writer.output
    }

    public static func xlsx(_ report: CustomerReport) throws -> Data {
        var writer = XLSXWriter(sheetName: "customers")
        writer.row(listColumns.map { .text($0) })
        let digits = report.store.currency.minorDigits
        for index in report.listedIndices {
            let c = report.analysis.customers[index], p = prediction(report, at: index)
            writer.row([.text(c.rfm.customer), .text(c.segment.rawValue), .integer(Int64(c.rfm.frequency)), .integer(Int64(c.rfm.recency)),
                        .integer(Int64(c.rfm.tenure)), monetaryValue(c.rfm, digits: digits).map { .money($0) } ?? .empty,
                        c.rfm.totalMinor.map { .money(report.money($0).decimalString) } ?? .empty, .day(c.rfm.first),
                        .integer(Int64(c.daysSinceLast)), .integer(Int64(c.recencyScore)), .integer(Int64(c.frequencyScore)),
                        c.monetaryScore.map { .integer(Int64($0)) } ?? .empty, .text(c.segment.action.rawValue),
                        p.alive.isEmpty ? .empty : .rate(p.alive), p.purchases.isEmpty ? .empty : .rate(p.purchases),
                        p.value.isEmpty ? .empty : .money(p.value)])
        }
        return try writer.data()
    }
}
