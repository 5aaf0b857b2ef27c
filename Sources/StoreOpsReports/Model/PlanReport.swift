import StoreOpsCore

/// A year's plan as its periods (the year, quarters, months, ISO weeks and, for one month, days), each with its GMV,
/// profit and ad-budget targets and, for the days up to `asOf`, the actual GMV against the day targets so far.
public struct PlanReport: Sendable {
    /// One period of the plan.
    public struct Line: Sendable, Hashable {
        /// The period as `storeops plan set` names it (`2027-Q4`, `2027-11`, `2027-W45`, `2027-11-11`).
        public var name: String
        public var start: Day
        public var end: Day
        /// Nil when the period has no target of its own and its days are not all planned.
        public var gmv: Money?
        public var profit: Money?
        public var adBudget: Money?
        /// The event's name for an event day with its own target.
        public var event: String?
        /// The day targets of the period's days up to `asOf`; nil when the period has not begun or a day lacks one.
        public var targetToDate: Money?
        /// Actual GMV of the period's days up to `asOf`; nil when it has not begun or a day lacks GMV.
        public var actualToDate: Money?

        /// Actual so far / target so far.
        public var attainment: Ratio? {
            guard let actual = actualToDate, let target = targetToDate else { return nil }
            return Ratio(actual.minor, target.minor)
        }
    }

    public let store: Store
    public let year: Int
    public let asOf: Day
    /// How the months are spread over their days (the months' weighting); nil without month targets.
    public let spread: Target.Spread?
    public let total: Line?
    public let quarters: [Line]
    public let months: [Line]
    public let weeks: [Line]
    /// The days of the month asked for, else the event days with their own targets.
    public let days: [Line]

    /// The plan from the year's `targets`, the months' `dayTargets`, actual GMV per day and, optionally, the month
    /// whose days to list.
    public init(
        store: Store, year: Int, targets: [Target], dayTargets: [Day: Int64], actuals: [Day: Int64], asOf: Day,
        month: Int? = nil
    ) {
        let currency = store.currency
        func sum(_ days: DayRange, _ values: [Day: Int64]) -> Money? {
            var total: Int64 = 0
            for day in days {
                guard let value = values[day], let next = total.plus(value) else { return nil }
                total = next
            }
            return Money(minor: total, currency: currency)
        }
        func line(_ name: String, _ days: DayRange, _ target: Target?) -> Line {
            let sofar = days.first <= asOf ? DayRange(days.first, min(days.last, asOf)) : nil
            let event =
                days.count == 1
                ? YearPlan.platformEvents.first { $0.month == days.first.month && $0.day == days.first.dayOfMonth }?
                    .name : nil
            return Line(
                name: name, start: days.first, end: days.last, gmv: target?.gmv ?? sum(days, dayTargets),
                profit: target?.profit, adBudget: target?.adBudget, event: target?.period == .day ? event : nil,
                targetToDate: sofar.flatMap { sum($0, dayTargets) }, actualToDate: sofar.flatMap { sum($0, actuals) })
        }
        func of(_ period: Target.Period) -> [Target] {
            targets.filter { $0.period == period }.sorted { $0.start < $1.start }
        }

        self.store = store
        self.year = year
        self.asOf = asOf
        spread = of(.month).first?.spread
        total = of(.year).first.map { line($0.periodName, $0.days, $0) }
        quarters = of(.quarter).map { line($0.periodName, $0.days, $0) }
        months = of(.month).map { line($0.periodName, $0.days, $0) }
        var weeks: [Line] = []
        if let first = Day(year: year, month: 1, day: 1) {
            var monday = first.adding(days: 1 - first.weekday)
            while monday.year <= year {
                let days = DayRange(monday, monday.adding(days: 6))!
                if days.allSatisfy({ dayTargets[$0] != nil }) {
                    let week = Target(
                        store: store.id, period: .week, start: monday, end: days.last,
                        gmv: Money(minor: 0, currency: currency))
                    weeks.append(line(week.periodName, days, nil))
                }
                monday = monday.adding(days: 7)
            }
        }
        self.weeks = weeks
        let fixed = Dictionary(of(.day).map { ($0.start, $0) }, uniquingKeysWith: { a, _ in a })
        if let month, let start = Day(year: year, month: month, day: 1),
            let days = DayRange(start, start.adding(days: Day.daysIn(year: year, month: month) - 1))
        {
            self.days = days.map { day in
                var entry = line(day.iso, DayRange(day: day), fixed[day])
                entry.gmv = dayTargets[day].map { Money(minor: $0, currency: currency) }
                return entry
            }
        } else {
            self.days = of(.day).map { line($0.periodName, $0.days, $0) }
        }
    }
}
