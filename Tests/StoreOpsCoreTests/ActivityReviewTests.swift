import StoreOpsCore
import Testing

@Suite("Activity review")
struct ActivityReviewTests {
    func y(_ minor: Int64) -> Money { Money(minor: minor, currency: .cny) }
    let start = Day(iso: "2026-03-20")!

    func row(_ day: Day, gmv: Int64, buyers: Int64, visitors: Int64?, spend: Int64, adRevenue: Int64) -> MasterTableRow {
        MasterTableRow(facts: DailyFacts(store: "s", day: day, currency: .cny,
                                         sales: .init(gmv: y(gmv), paidOrders: buyers, buyers: buyers, units: buyers, cogs: y(0),
                                                      costMissingUnits: 0, costMissingValue: y(0)),
                                         traffic: visitors.map { .init(visitors: $0, pageViews: $0, bouncedVisitors: nil) },
                                         ads: [.ztc: AdTotals(spend: y(spend), revenue: y(adRevenue))]),
                       costs: nil)
    }

    @Test("phases as long as the activity, cut at the last day counted")
    func phases() {
        let activity = Activity(store: "s", id: "a", name: "a", kind: .selfRun, start: start, end: start.adding(days: 2), status: .running)
        let running = ActivityReview.phases(of: activity, through: start.adding(days: 1))
        #expect(running.before == DayRange(Day(iso: "2026-03-17")!, Day(iso: "2026-03-19")!))
        #expect(running.during == DayRange(start, start.adding(days: 1)) && running.after == nil)
        let over = ActivityReview.phases(of: activity, through: Day(iso: "2026-03-24")!)
        #expect(over.after == DayRange(Day(iso: "2026-03-23")!, Day(iso: "2026-03-24")!))
        #expect(ActivityReview.phases(of: activity, through: Day(iso: "2026-03-10")!).during == nil)
    }

    @Test("figures are sums, rates of the sums; a figure one day lacks is unknown for the run")
    func figures() {
        let days = DayRange(start, start.adding(days: 1))!
        // Day 1: 300.00 from 3 of 100 visitors, 10.00 of ads bringing 25.00; day 2: 500.00 from 2 of 300, 30.00 for 95.00.
        let rows = [row(start, gmv: 30_000, buyers: 3, visitors: 100, spend: 1_000, adRevenue: 2_500),
                    row(start.adding(days: 1), gmv: 50_000, buyers: 2, visitors: 300, spend: 3_000, adRevenue: 9_500)]
        let f = PeriodFigures(days: days, rows: rows, currency: .cny)
        #expect(f.gmv == y(80_000) && f.dailyGMV == y(40_000) && f.buyers == 5 && f.visitors == 400)
        // 5 of 400 (1.25 %), not the mean of 3 % and 0.67 %; AOV 160.00; ROAS 120.00 / 40.00 = 3.
        #expect(f.conversion == Ratio(5, 400) && f.aov == y(16_000) && f.roas == Ratio(12_000, 4_000))
        let gap = PeriodFigures(days: days, rows: [rows[0], row(start.adding(days: 1), gmv: 50_000, buyers: 2, visitors: nil,
                                                                   spend: 3_000, adRevenue: 9_500)], currency: .cny)
        #expect(gap.visitors == nil && gap.conversion == nil && gap.gmv == y(80_000))
        let missingDay = PeriodFigures(days: days, rows: [rows[0]], currency: .cny)
        #expect(missingDay.gmv == nil && missingDay.adSpend == nil)
    }
}

@Suite("Period totals")
struct PeriodTotalsTests {
    func y(_ minor: Int64) -> Money { Money(minor: minor, currency: .cny) }
    let first = Day(iso: "2026-03-23")!

    func row(_ day: Day, gmv: Int64, buyers: Int64, visitors: Int64, bounced: Int64?, ztc: Int64, ztcRevenue: Int64) -> MasterTableRow {
        MasterTableRow(facts: DailyFacts(store: "s", day: day, currency: .cny,
                                         sales: .init(gmv: y(gmv), paidOrders: buyers, buyers: buyers, units: buyers, cogs: y(0),
                                                      costMissingUnits: 0, costMissingValue: y(0)),
                                         traffic: .init(visitors: visitors, pageViews: visitors * 3, bouncedVisitors: bounced),
                                         ads: [.ztc: AdTotals(spend: y(ztc), revenue: y(ztcRevenue))]),
                       costs: nil)
    }

    @Test("sums, rates of the sums, bounced visitors and ad revenue rebuilt exactly; a day's gap makes the figure unknown")
    func totals() {
        let days = DayRange(first, first.adding(days: 1))!
        // 1,000.00 from 8 of 200 visitors (120 bounced), ztc 70.00 bringing 210.00; then 600.00 from 4 of 100 (51 bounced),
        // ztc 30.00 bringing 45.00.
        let rows = [row(first, gmv: 100_000, buyers: 8, visitors: 200, bounced: 120, ztc: 7_000, ztcRevenue: 21_000),
                    row(first.adding(days: 1), gmv: 60_000, buyers: 4, visitors: 100, bounced: 51, ztc: 3_000, ztcRevenue: 4_500)]
        let t = PeriodTotals(days: days, rows: rows, currency: .cny)
        #expect(t[.gmv] == .money(y(160_000)) && t[.buyers] == .count(12) && t[.visitors] == .count(300))
        // 12 / 300 = 4 %; AOV 1,600.00 / 12 = 133.33; bounce 171 / 300; depth 900 / 300; ROAS 255.00 / 100.00; ad share 100 / 1,600.
        #expect(t[.conversionRate] == .rate(Ratio(12, 300)) && t[.aov] == .money(y(13_333)))
        #expect(t[.bounceRate] == .rate(Ratio(171, 300)) && t[.visitDepth] == .rate(Ratio(900, 300)))
        #expect(t[.roasZtc] == .rate(Ratio(25_500, 10_000)) && t[.roas] == .rate(Ratio(25_500, 10_000)))
        #expect(t[.adShare] == .rate(Ratio(10_000, 160_000)))
        #expect(t.dailyMean(.gmv) == .money(y(80_000)) && t.dailyMean(.aov) == nil)
        // No bounce on the second day: the period's bounce rate is unknown from that day; no cost settings: no profit.
        let gap = PeriodTotals(days: days, rows: [rows[0], row(first.adding(days: 1), gmv: 60_000, buyers: 4, visitors: 100, bounced: nil,
                                                               ztc: 3_000, ztcRevenue: 4_500)], currency: .cny)
        #expect(gap[.bounceRate] == .noData && gap.firstDayMissing[.bounceRate] == first.adding(days: 1))
        #expect(gap[.gmv] == .money(y(160_000)) && gap[.netProfit] == .noData)
        // A day without a row: nothing of the period is known.
        let short = PeriodTotals(days: DayRange(first, first.adding(days: 2))!, rows: rows, currency: .cny)
        #expect(short[.gmv] == .noData && short.firstDayMissing[.gmv] == first.adding(days: 2))
    }
}

@Suite("Refund reasons")
struct ReturnReasonsTests {
    @Test("an order export's total refunded is left out when a refund export itemises the order, kept when it is all there is")
    func orderTotals() {
        let day = Day(iso: "2026-03-10")!, at = StoreTimeZone.shanghai.instant(day: day, hour: 10)
        func refund(_ id: String, _ order: String, _ reason: String, _ amount: Int64) -> Refund {
            Refund(store: "s", id: id, orderID: order, kind: .refundOnly, status: .completed, reason: reason,
                   amount: Money(minor: amount, currency: .cny), requestedAt: at)
        }
        let reasons = ReturnReasons(refunds: [refund("1" + Refund.orderTotalSuffix, "1", "", 5_000), refund("R1", "1", "尺码不合适", 5_000),
                                              refund("2" + Refund.orderTotalSuffix, "2", "", 3_000)],
                                    first: day, last: day, zone: .shanghai, currency: .cny)
        #expect(reasons.lines.map { "\($0.reason)|\($0.count)|\($0.amount.minor)" } == ["|1|3000", "尺码不合适|1|5000"])
        #expect(reasons.total == 2)
    }
}
