import StoreOpsCore

/// Staff KPIs of one month (domain guide §14): each person's goals against their actual figures, the tasks they
/// closed on time and late, and their score; customer service ranked with the reward and penalty rules that apply.
public struct KPIReport: Sendable {
    /// One goal and how it stands.
    public struct GoalLine: Sendable, Hashable {
        public let goal: PersonGoal
        /// The target the actual is held against: a money target is prorated to the days so far while the month runs.
        public let target: Int64
        /// In the figure's unit: minor units, a ratio (0.035), seconds; nil when the store lacks the data.
        public let actual: Double?
        /// Counted attainment, 0 to `KPIScore.cap`.
        public let attainment: Double?

        public init(goal: PersonGoal, target: Int64, actual: Double?) {
            self.goal = goal
            self.target = target
            self.actual = actual
            let scale = goal.metric.unit == .rate ? 10_000.0 : 1
            attainment = KPIScore.attainment(goal.metric, target: Double(target) / scale, actual: actual)
        }
    }

    /// One person's KPI.
    public struct PersonLine: Sendable {
        public let person: Person
        public let goals: [GoalLine]
        /// Their tasks (assigned to their name) over the month's days so far.
        public let tasks: PeriodReport.TaskSummary
        /// Closed on time / (closed + overdue); nil when none was closed or overdue.
        public var onTimeShare: Double? {
            let all = tasks.closedOnTime + tasks.closedLate + tasks.overdue
            return all > 0 ? Double(tasks.closedOnTime) / Double(all) : nil
        }
        /// Out of 100; nil when a goal's actual is unknown (`missing` says which) or nothing weighs.
        public var score: Double? {
            KPIScore.score(
                goals: goals.map { ($0.goal.weight, $0.attainment) }, tasksWeight: person.tasksWeight,
                onTimeShare: onTimeShare)
        }
        public var missing: [GoalMetric] { goals.filter { $0.actual == nil }.map(\.goal.metric) }

        public init(person: Person, goals: [GoalLine], tasks: PeriodReport.TaskSummary) {
            self.person = person
            self.goals = goals
            self.tasks = tasks
        }
    }

    /// One customer-service agent of the month, with the rules that apply.
    public struct AgentLine: Sendable, Hashable {
        public let agent: String
        /// The person whose agent name this is, if any.
        public let person: String?
        public let inquirers: Int64
        public let paid: Int64
        public let paidAmount: Money
        /// Mean first response in seconds, weighted by inquiries; nil when no day has one.
        public let firstResponseSeconds: Double?
        public let rules: [KPIRule]

        public init(
            agent: String, person: String?, inquirers: Int64, paid: Int64, paidAmount: Money,
            firstResponseSeconds: Double?,
            rules allRules: [KPIRule]
        ) {
            self.agent = agent
            self.person = person
            self.inquirers = inquirers
            self.paid = paid
            self.paidAmount = paidAmount
            self.firstResponseSeconds = firstResponseSeconds
            let conversion = inquirers > 0 ? Double(paid) / Double(inquirers) : nil
            rules = allRules.filter { rule in
                let value = rule.metric == .inquiryConversion ? conversion : firstResponseSeconds
                return value.map(rule.applies) ?? false
            }
        }

        public var conversion: Ratio { Ratio(paid, inquirers) }
        /// Rewards minus penalties of the rules that apply.
        public var total: Money {
            Money(
                minor: Int64(clamping: rules.reduce(Int128(0)) { $0 + Int128($1.amount.minor) }),
                currency: paidAmount.currency)
        }
    }

    public let store: Store
    /// The month's first day.
    public let month: Day
    /// The month's days so far (all of them once it is over).
    public let days: DayRange
    public let people: [PersonLine]
    /// By inquiry conversion, best first.
    public let agents: [AgentLine]

    public init(store: Store, month: Day, days: DayRange, people: [PersonLine], agents: [AgentLine]) {
        self.store = store
        self.month = month
        self.days = days
        self.people = people
        self.agents = agents
    }

    /// Whether the month is still running, so money targets are prorated.
    public var isPartial: Bool { days.count < Day.daysIn(year: month.year, month: month.month) }
}
