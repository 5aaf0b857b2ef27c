import StoreOpsCore

extension DemoService {
    /// A person of the demo team.
    struct TeamMember: Sendable {
        let name: String
        let role: TaskRole
        /// Their goals: figure, target as typed, weight; money targets come from the month's targets.
        let goals: @Sendable (Target) -> [(GoalMetric, String?, Int)]
    }

    /// The demo team: the operator answers for GMV and profit, the ads specialist for ROAS and the budget, the
    /// designer for click-through and conversion, two customer-service agents (their nicks in the service export) for
    /// inquiry conversion and first response.
    static let team = [
        TeamMember(name: "老李", role: .operator) {
            [(.gmv, $0.gmv.decimalString, 50), (.netProfit, $0.profit?.decimalString, 50)]
        },
        TeamMember(name: "小王", role: .ads) { [(.roas, "4", 60), (.adSpend, $0.adBudget?.decimalString, 40)] },
        TeamMember(name: "小林", role: .designer) { _ in [(.ctr, "1.5%", 50), (.conversionRate, "3.5%", 50)] },
        TeamMember(name: "小美", role: .service) { _ in [(.inquiryConversion, "60%", 70), (.responseSeconds, "20", 30)] },
        TeamMember(name: "阿杰", role: .service) { _ in [(.inquiryConversion, "60%", 70), (.responseSeconds, "20", 30)] },
    ]

    /// Customer-service reward and penalty rules: figure, side, threshold, amount.
    static let serviceRules: [(GoalMetric, KPIRule.Comparison, String, String)] = [
        (.inquiryConversion, .atLeast, "60%", "300"), (.inquiryConversion, .atMost, "45%", "-200"),
        (.responseSeconds, .atMost, "15", "100"),
    ]

    /// Sets up the team, their goals for the months overlapping the last 60 days that have targets, the service rules and
    /// next year's plan (1.2 times the run rate of the months' targets) as the commands do; returns those commands.
    func buildTeamAndPlan(_ data: DemoData, scenario: DemoScenario) async throws -> [String] {
        let id = data.store.id
        let staff = StaffService(storage: storage)
        var lines: [String] = []
        for member in Self.team {
            try await staff.addPerson(store: id, name: member.name, role: member.role)
            lines.append("storeops person add --store STORE --name \(member.name) --role \(member.role.rawValue)")
        }
        let recent = scenario.end.adding(days: -59)
        let months = data.batch.targets.filter { $0.period == .month && $0.end >= recent && $0.start <= scenario.end }
            .sorted { $0.start < $1.start }
        for month in months {
            for member in Self.team {
                for (metric, target, weight) in member.goals(month) {
                    guard let target else { continue }
                    try await staff.setGoal(
                        store: id, person: member.name, month: month.periodName, metric: metric, target: target,
                        weight: weight)
                    lines.append(
                        "storeops goal set --store STORE --person \(member.name) --month \(month.periodName) "
                            + "--metric \(metric.rawValue) --target \(target) --weight \(weight)")
                }
            }
        }
        for (metric, comparison, threshold, amount) in Self.serviceRules {
            try await staff.addRule(
                store: id, metric: metric, comparison: comparison, threshold: threshold, amount: amount)
            lines.append(
                "storeops kpi rule add --store STORE --metric \(metric.rawValue) --\(comparison.rawValue) \(threshold) "
                    + "--amount=\(amount)")
        }
        // Plans run to 2100: a demo ending in its last year gets no plan for the next.
        if !months.isEmpty, scenario.end.year < 2100 {
            let days = months.reduce(0) { $0 + $1.days.count }
            let perDay = months.reduce(Int64(0)) { $0 + $1.gmv.minor } / Int64(days)
            // Next year's GMV: 1.2 x the daily run rate of the recent months' targets x 365, in whole ten thousands.
            let gmv = perDay * 365 * 12 / 10 / 1_000_000 * 1_000_000
            let year = scenario.end.year + 1
            let text = Money(minor: gmv, currency: data.store.currency).decimalString
            let profit = Money(minor: gmv / 10, currency: data.store.currency).decimalString
            let budget = Money(minor: gmv / 10, currency: data.store.currency).decimalString
            try await PlanService(storage: storage, clock: clock).setYear(
                store: id, year: year, gmv: text, profit: profit, adBudget: budget)
            lines.append(
                "storeops plan set --store STORE --year \(year) --gmv \(text) --profit \(profit) --ad-budget \(budget)")
        }
        return lines
    }
}
