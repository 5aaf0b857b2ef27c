import StoreOpsCore
import StoreOpsReports
import StoreOpsStorage

/// Staff KPIs (`storeops kpi`): each person's monthly goals against the store's or their own figures, their tasks,
/// and their score; customer service ranked with the reward and penalty rules.
public struct KPIService: Sendable {
    let storage: any StoreOpsStore
    let clock: @Sendable () -> Instant

    public init(storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant) {
        self.storage = storage
        self.clock = clock
    }

    /// The service as `context`'s user: every read and write limited to what their grants reach.
    public init(_ context: AccessContext, clock: @escaping @Sendable () -> Instant) {
        self.init(storage: context.storage, clock: clock)
    }

    /// The KPIs of `month` (`2026-11`) up to yesterday, for everyone or one person.
    public func kpi(store id: StoreID, month text: String, person name: String? = nil) async throws -> KPIReport {
        let store = try await storage.requireStore(id)
        guard let (kind, start, end) = TargetService.period(text), kind == .month else {
            throw ServiceError(.invalidInput, "--month \"\(text)\" is not a month: write it like 2026-11.")
        }
        let yesterday = ReportService(storage: storage, clock: clock).yesterday(of: store)
        guard start <= yesterday else {
            throw ServiceError(.invalidInput, "\(text) has not begun: its first day is \(start.iso).")
        }
        let days = DayRange(start, min(end, yesterday))!
        async let peopleRows = storage.read(Person.self, store: id, days: nil)
        async let goalRows = storage.read(PersonGoal.self, store: id, days: DayRange(day: start))
        async let ruleRows = storage.read(KPIRule.self, store: id, days: nil)
        async let tableRows = storage.masterTable(store: id, days: days)
        async let adRows = storage.read(AdStat.self, store: id, days: days)
        async let agentRows = storage.read(ServiceAgentDay.self, store: id, days: days)
        async let taskRows = storage.read(OpsTask.self, store: id, days: nil)

        var people = try await peopleRows.sorted { $0.name < $1.name }
        if let name {
            people = people.filter { $0.name == name }
            guard !people.isEmpty else {
                throw ServiceError(.notFound, "\(name) is not a person of store \(id) (storeops person list).")
            }
        }
        let totals = PeriodTotals(days: days, rows: try await tableRows, currency: store.currency)
        let agents = try await agentRows
        let byAgent = Dictionary(grouping: agents, by: \.agent)
        let ads = try await adRows
        let impressions = ads.reduce(Int128(0)) { $0 + Int128($1.impressions) }
        let clicks = ads.reduce(Int128(0)) { $0 + Int128($1.clicks) }
        let goals = try await goalRows
        let tasks = try await taskRows
        let monthDays = Int64(start.distance(to: end) + 1)

        func storeFigure(_ field: MasterField) -> Double? {
            switch totals[field] {
            case .money(let m): Double(m.minor)
            case .rate(let r): r.value
            default: nil
            }
        }
        func actual(_ metric: GoalMetric, of person: Person) -> Double? {
            switch metric {
            case .gmv: return storeFigure(.gmv)
            case .netProfit: return storeFigure(.netProfit)
            case .adSpend: return storeFigure(.adSpendTotal)
            case .roas: return storeFigure(.roas)
            case .conversionRate: return storeFigure(.conversionRate)
            case .ctr: return impressions > 0 ? Double(clicks) / Double(impressions) : nil
            case .inquiryConversion, .responseSeconds:
                guard let rows = byAgent[person.agentName] else { return nil }
                return metric == .inquiryConversion ? KPIService.conversion(rows) : KPIService.firstResponse(rows)
            }
        }
        let lines = people.map { person in
            let own = goals.filter { $0.person == person.name }.sorted { $0.metric.rawValue < $1.metric.rawValue }
            let goalLines = own.map { goal in
                // A money target is held against the days so far while the month runs.
                let target =
                    goal.metric.unit == .money && Int64(days.count) < monthDays
                    ? Money.divideRounded(goal.target.times(Int64(days.count)) ?? goal.target, by: monthDays)
                    : goal.target
                return KPIReport.GoalLine(goal: goal, target: target, actual: actual(goal.metric, of: person))
            }
            let theirs = tasks.filter { $0.assignee == person.name }
            return KPIReport.PersonLine(
                person: person, goals: goalLines,
                tasks: PeriodReport.TaskSummary(tasks: theirs, days: days, zone: store.timeZone))
        }
        let rules = try await ruleRows
        let personOfAgent = Dictionary(
            try await peopleRows.map { ($0.agentName, $0.name) }, uniquingKeysWith: { a, _ in a })
        let ranking = byAgent.compactMap { agent, rows -> KPIReport.AgentLine? in
            guard name == nil || personOfAgent[agent] == name else { return nil }
            // Each day's amount fits an Int64; a month of them fits in 128 bits, and a total beyond Int64 leaves the agent out.
            guard let amount = Int64(exactly: rows.reduce(Int128(0)) { $0 + Int128($1.paidAmount.minor) }),
                let inquirers = Int64(exactly: rows.reduce(Int128(0)) { $0 + Int128($1.inquirers) }),
                let paid = Int64(exactly: rows.reduce(Int128(0)) { $0 + Int128($1.paid) })
            else { return nil }
            return KPIReport.AgentLine(
                agent: agent, person: personOfAgent[agent], inquirers: inquirers, paid: paid,
                paidAmount: Money(minor: amount, currency: store.currency),
                firstResponseSeconds: KPIService.firstResponse(rows), rules: rules)
        }
        .sorted {
            let (a, b) = ($0.conversion.value ?? -1, $1.conversion.value ?? -1)
            return a != b ? a > b : $0.agent < $1.agent
        }
        return KPIReport(store: store, month: start, days: days, people: lines, agents: ranking)
    }

    /// Paid / inquirers over the days; nil without inquirers.
    static func conversion(_ rows: [ServiceAgentDay]) -> Double? {
        let inquirers = rows.reduce(0.0) { $0 + Double($1.inquirers) }
        return inquirers > 0 ? rows.reduce(0.0) { $0 + Double($1.paid) } / inquirers : nil
    }

    /// Mean first response in seconds, weighted by each day's inquiries, over the days that have one.
    static func firstResponse(_ rows: [ServiceAgentDay]) -> Double? {
        let known = rows.filter { $0.firstResponseSeconds != nil && $0.inquiries > 0 }
        let weight = known.reduce(0.0) { $0 + Double($1.inquiries) }
        return weight > 0
            ? known.reduce(0.0) { $0 + Double($1.firstResponseSeconds!) * Double($1.inquiries) } / weight : nil
    }
}
