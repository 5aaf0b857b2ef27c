import StoreOpsCore
import StoreOpsReports
import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Testing

@Suite("Staff KPIs on the demo store")
struct KPIServiceTests {
    static func at(_ iso: String, hour: Int = 1) -> @Sendable () -> Instant {
        let day = Day(iso: iso)!
        return { Instant(year: day.year, month: day.month, day: day.dayOfMonth, hour: hour)! }
    }

    @Test("two people's scores recomputed by hand from the raw rows, tasks on time and late, rules applied")
    func scoresByHand() async throws {
        let storage = try await TestBackend.makeStore()
        try await DemoService(storage: storage, clock: { Instant(seconds: 0) })
            .build(DemoScenario(seed: 42, end: Day(iso: "2026-03-31")!, days: 60))
        let staff = StaffService(storage: storage)
        try await staff.addPerson(store: "demo", name: "小王", role: .ads, tasksWeight: 20)
        try await staff.addPerson(store: "demo", name: "Jie", role: .service, agent: "阿杰", tasksWeight: 0)
        try await staff.setGoal(store: "demo", person: "小王", month: "2026-03", metric: .roas, target: "3.5", weight: 60)
        try await staff.setGoal(
            store: "demo", person: "小王", month: "2026-03", metric: .adSpend, target: "80,000", weight: 40)
        try await staff.setGoal(
            store: "demo", person: "Jie", month: "2026-03", metric: .inquiryConversion, target: "55%", weight: 70)
        try await staff.setGoal(
            store: "demo", person: "Jie", month: "2026-03", metric: .responseSeconds, target: "20", weight: 30)
        try await staff.addRule(
            store: "demo", metric: .inquiryConversion, comparison: .atLeast, threshold: "60%", amount: "300")
        try await staff.addRule(
            store: "demo", metric: .inquiryConversion, comparison: .atMost, threshold: "0.45", amount: "-200")
        await #expect(throws: ServiceError.self) {
            try await staff.setGoal(
                store: "demo", person: "nobody", month: "2026-03", metric: .gmv, target: "1", weight: 1)
        }
        await #expect(throws: ServiceError.self) {
            try await staff.setGoal(
                store: "demo", person: "小王", month: "2026-03", metric: .ctr, target: "abc", weight: 1)
        }

        // Tasks from the checks of 2026-03-20: one closed on time, one late, both 小王's.
        _ = try await CheckService(storage: storage, clock: Self.at("2026-03-21"))
            .run(store: "demo", day: Day(iso: "2026-03-20")!, recordTasks: true)
        let open = try await TaskService(storage: storage, clock: Self.at("2026-03-21")).list(
            store: "demo", status: .open)
        #expect(open.count >= 2)
        let (early, late) = (open[0], open[1])
        for task in [early, late] {
            try await TaskService(storage: storage, clock: Self.at("2026-03-21")).assign(
                store: "demo", task: task.id, to: "小王")
        }
        try await TaskService(storage: storage, clock: Self.at(early.due.iso)).close(store: "demo", task: early.id)
        try await TaskService(storage: storage, clock: Self.at(late.due.adding(days: 2).iso)).close(
            store: "demo", task: late.id)

        let report = try await KPIService(storage: storage, clock: Self.at("2026-04-02")).kpi(
            store: "demo", month: "2026-03")
        #expect(!report.isPartial && report.days.count == 31)

        // By hand: ROAS and spend from the ad rows, the agent's figures from the service rows.
        let march = DayRange(Day(iso: "2026-03-01")!, Day(iso: "2026-03-31")!)!
        let ads = try await storage.read(AdStat.self, store: "demo", days: march)
        let spend = Double(ads.reduce(Int64(0)) { $0 + $1.spend.minor })
        let roas = Double(ads.reduce(Int64(0)) { $0 + $1.revenue.minor }) / spend
        let rows = try await storage.read(ServiceAgentDay.self, store: "demo", days: march).filter { $0.agent == "阿杰" }
        let conversion = Double(rows.reduce(0) { $0 + $1.paid }) / Double(rows.reduce(0) { $0 + $1.inquirers })
        let response =
            rows.reduce(0.0) { $0 + Double($1.firstResponseSeconds!) * Double($1.inquiries) }
            / rows.reduce(0.0) { $0 + Double($1.inquiries) }
        let cap = { (x: Double) in min(1.2, max(0, x)) }
        let onTime = 0.5  // one of the two closed by its due day
        let wang = 100 * (60 * cap(roas / 3.5) + 40 * cap(8_000_000 / spend) + 20 * onTime) / 120
        let jie = 100 * (70 * cap(conversion / 0.55) + 30 * cap(20 / response)) / 100

        let w = try #require(report.people.first { $0.person.name == "小王" })
        #expect(w.tasks.closedOnTime == 1 && w.tasks.closedLate == 1 && w.onTimeShare == 0.5)
        #expect(abs(try #require(w.goals.first { $0.goal.metric == .roas }?.actual) - roas) < 1e-3)
        #expect(abs(try #require(w.score) - wang) < 0.01, "\(w.score ?? -1) against \(wang)")
        let j = try #require(report.people.first { $0.person.name == "Jie" })
        #expect(abs(try #require(j.score) - jie) < 1e-9, "\(j.score ?? -1) against \(jie)")
        #expect(j.onTimeShare == nil)

        // The ranking: best conversion first; the rules that apply to each agent.
        let agents = report.agents
        #expect(agents.map { $0.conversion.value! } == agents.map { $0.conversion.value! }.sorted(by: >))
        let jieLine = try #require(agents.first { $0.agent == "阿杰" })
        #expect(jieLine.person == "Jie")
        let expected: Int64 = conversion >= 0.6 ? 30_000 : conversion <= 0.45 ? -20_000 : 0
        #expect(jieLine.total.minor == expected)

        // A running month prorates money targets; a person without data says what is missing.
        let running = try await KPIService(storage: storage, clock: Self.at("2026-03-11")).kpi(
            store: "demo", month: "2026-03", person: "小王")
        #expect(running.isPartial && running.days.count == 10)
        let prorated = try #require(running.people.first?.goals.first { $0.goal.metric == .adSpend })
        #expect(prorated.target == 2_580_645)  // 8,000,000 fen x 10 / 31 days = 2,580,645.16, rounded
        try await staff.setGoal(store: "demo", person: "Jie", month: "2026-04", metric: .gmv, target: "1", weight: 1)
        let april = try await KPIService(storage: storage, clock: Self.at("2026-04-03")).kpi(
            store: "demo", month: "2026-04", person: "Jie")
        #expect(april.people.first?.score == nil && april.people.first?.missing.contains(.gmv) == true)
    }
}
