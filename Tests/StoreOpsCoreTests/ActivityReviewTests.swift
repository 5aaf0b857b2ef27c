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
