import StoreOpsCore
import StoreOpsReports
import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Testing

@Suite("Year plans on the demo store")
struct PlanServiceTests {
    static let clock: @Sendable () -> Instant = { Instant(year: 2026, month: 4, day: 1, hour: 1)! }

    /// Every day target of the year, month by month as `plan show --month` lists them.
    static func days(_ plans: PlanService, year: Int) async throws -> [Day: Int64] {
        var days: [Day: Int64] = [:]
        for month in 1...12 {
            let plan = try await plans.plan(store: "demo", year: year, month: month)
            for line in plan.days { days[line.start] = try #require(line.gmv?.minor) }
        }
        return days
    }

    @Test(
        "the year spreads to days adding up to the fen; an edited month re-spreads only its days; profit and ads paced")
    func planEditAndPace() async throws {
        let storage = try await TestBackend.makeStore()
        try await DemoService(storage: storage, clock: { Instant(seconds: 0) })
            .build(DemoScenario(seed: 42, end: Day(iso: "2026-03-31")!, days: 60))
        let plans = PlanService(storage: storage, clock: Self.clock)
        let plan = try await plans.setYear(
            store: "demo", year: 2026, gmv: "30,000,000", profit: "2,000,000.01", adBudget: "3000000")
        #expect(plan.curve == .weekday && plan.eventDays.isEmpty)
        let before = try await Self.days(plans, year: 2026)
        #expect(before.count == 365 && before.values.reduce(0, +) == 3_000_000_000)

        // An event day of its own: November keeps its total, 11-11 takes its target, the other days the rest.
        try await plans.edit(store: "demo", period: "2026-11-11", gmv: "150000")
        let november = try await plans.plan(store: "demo", year: 2026, month: 11)
        #expect(november.days.first { $0.start == Day(iso: "2026-11-11")! }?.gmv?.minor == 15_000_000)
        #expect(november.days.compactMap { $0.gmv?.minor }.reduce(0, +) == november.months[10].gmv?.minor)
        #expect(november.days.first { $0.start == Day(iso: "2026-11-11")! }?.event == "双11")

        // June raised by 100,000.00: only June's days change; Q2 and the year move by the difference.
        let withEvent = try await Self.days(plans, year: 2026)
        try await plans.edit(store: "demo", period: "2026-06", gmv: "2,600,000", profit: "180000")
        let after = try await Self.days(plans, year: 2026)
        let june = DayRange(Day(iso: "2026-06-01")!, Day(iso: "2026-06-30")!)!
        #expect(after.filter { !june.contains($0.key) } == withEvent.filter { !june.contains($0.key) })
        #expect(june.reduce(0) { $0 + after[$1]! } == 260_000_000)
        let shown = try await plans.plan(store: "demo", year: 2026)
        let oldJune = plan.months[5].gmv.minor
        #expect(shown.total?.gmv?.minor == 3_000_000_000 + 260_000_000 - oldJune)
        #expect(shown.quarters[1].gmv?.minor == plan.quarters[1].gmv.minor + 260_000_000 - oldJune)
        #expect(
            shown.quarters[1].profit?.minor == plan.quarters[1].profit!.minor + 18_000_000
                - plan.months[5].profit!.minor)
        #expect(after.values.reduce(0, +) == shown.total?.gmv?.minor)

        // A week fixes its days; its month keeps its total.
        try await plans.edit(store: "demo", period: "2026-W45", gmv: "700000")
        let weekly = try await plans.plan(store: "demo", year: 2026, month: 11)
        let week = DayRange(Day(iso: "2026-11-02")!, Day(iso: "2026-11-08")!)!
        #expect(weekly.days.filter { week.contains($0.start) }.compactMap { $0.gmv?.minor }.reduce(0, +) == 70_000_000)
        #expect(weekly.days.compactMap { $0.gmv?.minor }.reduce(0, +) == november.months[10].gmv?.minor)
        await #expect(throws: ServiceError.self) {
            try await plans.edit(store: "demo", period: "2026-W46", gmv: "99999999")
        }

        // Profit and ad spend paced on 2026-03-31 against March's targets, from the master table's figures.
        let pacing = try #require(
            try await plans.pacing(store: try await storage.requireStore("demo"), day: Day(iso: "2026-03-31")!))
        let march = DayRange(Day(iso: "2026-03-01")!, Day(iso: "2026-03-31")!)!
        let rows = try await storage.masterTable(store: "demo", days: march)
        func total(_ field: MasterField) -> Int64 {
            rows.reduce(0) { sum, row in if case .money(let m) = row[field] { sum + m.minor } else { sum } }
        }
        let profit = try #require(pacing.profit)
        let ads = try #require(pacing.adSpend)
        #expect(profit.periodTarget == plan.months[2].profit?.minor && profit.mtdTarget == profit.periodTarget)
        #expect(profit.mtdActual == total(.netProfit) && ads.mtdActual == total(.adSpendTotal))
        #expect(ads.periodTarget == plan.months[2].adBudget?.minor && ads.neededPerDay == nil)
        #expect(pacing.mtdTarget == plan.months[2].gmv.minor)

        // A month cannot be cut below its days with their own targets.
        await #expect(throws: ServiceError.self) {
            try await plans.edit(store: "demo", period: "2026-11", gmv: "100000")
        }

        // A year set as one target, without months (the demo plans 2027, so 2028): editing a month moves the year by the
        // month's new target less what its days were planned at under the year.
        try await TargetService(storage: storage).set(store: "demo", period: "2028", gmv: "3660000", spread: .even)
        try await plans.edit(store: "demo", period: "2028-06", gmv: "400000")
        let next = try await plans.plan(store: "demo", year: 2028)
        let year = try #require(next.total?.gmv?.minor)
        #expect(year == 376_000_000)  // 3,660,000.00 - 30 x 10,000.00 + 400,000.00 (2028 has 366 days)

        // Planning the year again replaces the edits.
        try await plans.setYear(store: "demo", year: 2026, gmv: "30,000,000")
        #expect(try await Self.days(plans, year: 2026) == before)
    }
}
