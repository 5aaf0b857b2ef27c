/// A year's targets broken down into quarters, months and event days (domain guide §4, §14). Pure: the caller
/// supplies the store's daily GMV history; the months are then spread over their days by `TargetPacing`.
///
/// The months take their shares from last year's curve when each calendar month has a complete instance (every day with
/// GMV) last year or, for the months not yet over, the year before; otherwise from the weekday rhythm of the latest eight
/// weeks (each month weighs the sum of its days' weekday weights). An event day
/// (618, 双11, ...) gets its own day target when last year shows its lift: its GMV against the mean of the other days
/// of its month; an event without that figure is spread as an ordinary day and listed in `eventsWithoutHistory`.
/// Profit and ad budget follow the months' GMV shares. Every level adds up exactly to the minor unit.
public struct YearPlan: Hashable, Sendable {
    /// Where the months' shares came from.
    public enum Curve: String, Sendable, Codable {
        case lastYear = "last-year"
        case weekday
    }

    /// A recurring event day of the platforms' calendar.
    public struct Event: Hashable, Sendable {
        public var month: Int
        public var day: Int
        public var name: String

        public init(month: Int, day: Int, name: String) {
            self.month = month
            self.day = day
            self.name = name
        }

        /// The event's day in `year`.
        public func day(in year: Int) -> Day? { Day(year: year, month: month, day: day) }
    }

    /// The platform event days planned by default: 女王节, 618, 双11 and 双12.
    public static let platformEvents = [
        Event(month: 3, day: 8, name: "38节"), Event(month: 6, day: 18, name: "618"),
        Event(month: 11, day: 11, name: "双11"), Event(month: 12, day: 12, name: "双12"),
    ]

    /// The largest GMV a plan accepts, in minor units, so that every share is exact in floating point.
    public static let maximumMinor: Int64 = 1 << 50

    public let year: Target
    public let quarters: [Target]
    public let months: [Target]
    /// The event days' own targets (period `day`).
    public let eventDays: [Target]
    public let curve: Curve
    public let eventsWithoutHistory: [Event]

    /// Plans `gmv` (and optionally profit and ad budget) for `year`, from the GMV per day of the store's history.
    /// Nil when the year is out of range or an amount is negative or above `maximumMinor`.
    public init?(
        store: StoreID, year number: Int, gmv: Money, profit: Money? = nil, adBudget: Money? = nil,
        history: [Day: Int64], events: [Event] = YearPlan.platformEvents
    ) {
        let amounts = [gmv, profit, adBudget].compactMap { $0 }
        guard (2000...2100).contains(number),
            amounts.allSatisfy({ !$0.isNegative && $0.minor <= YearPlan.maximumMinor }),
            let first = Day(year: number, month: 1, day: 1), let last = Day(year: number, month: 12, day: 31)
        else { return nil }
        let monthStarts = (1...12).map { Day(year: number, month: $0, day: 1)! }
        // Each calendar month's most recent complete instance: last year's, else the year before's (a plan for next year
        // is made before this year's last months are over).
        func complete(_ month: Int, in year: Int) -> Bool {
            let start = Day(year: year, month: month, day: 1)!
            return (0..<Day.daysIn(year: year, month: month)).allSatisfy { history[start.adding(days: $0)] != nil }
        }
        let sources = (1...12).map { month in [number - 1, number - 2].first { complete(month, in: $0) } }
        let curve: Curve = sources.allSatisfy { $0 != nil } ? .lastYear : .weekday
        let recent =
            history.keys.filter { $0 < first }.max().map { end in
                history.filter { $0.key <= end && $0.key > end.adding(days: -56) && !TargetPacing.isEvent($0.key) }
            } ?? [:]
        let weekday = TargetPacing.weekdayWeights(history: recent)

        // An event's lift: its GMV in the latest complete instance of its month against the mean of the month's other days.
        var lifts: [Day: Double] = [:]
        var without: [Event] = []
        for event in events {
            let source = (1...12).contains(event.month) ? sources[event.month - 1] ?? number - 1 : number - 1
            guard let day = event.day(in: number), let before = event.day(in: source) else { continue }
            let others = DayRange(
                before.startOfMonth, before.startOfMonth.adding(days: Day.daysIn(year: source, month: event.month) - 1))!
                .filter { other in other != before && !events.contains { $0.day(in: source) == other } }
            let known = others.compactMap { history[$0] }
            guard let gmv = history[before], known.count == others.count, !known.isEmpty else {
                without.append(event)
                continue
            }
            let mean = known.reduce(0.0) { $0 + Double($1) } / Double(known.count)
            guard mean > 0 else {
                without.append(event)
                continue
            }
            lifts[day] = Double(gmv) / mean
        }

        // Each day's weight within its month; an event day's is lifted as its month's latest instance shows (last year's
        // curve weighs an event day by its own date last year when that is known, which holds the lift already).
        func dayWeights(_ days: DayRange) -> [Day: Double] {
            var weights = TargetPacing.weights(
                for: days, spread: curve == .lastYear ? .lastYear : .weekday,
                history: history, weekdayWeights: weekday)
            for (day, lift) in lifts where days.contains(day) {
                let known = Day(year: number - 1, month: day.month, day: day.dayOfMonth).flatMap { history[$0] } != nil
                if curve == .weekday || !known { weights[day] = (weights[day] ?? 1) * lift }
            }
            return weights
        }
        var monthWeights: [Day: Double] = [:]
        for start in monthStarts {
            switch curve {
            case .lastYear:
                let year = sources[start.month - 1]!
                let before = Day(year: year, month: start.month, day: 1)!
                monthWeights[start] = (0..<Day.daysIn(year: year, month: start.month))
                    .reduce(0.0) { $0 + Double(history[before.adding(days: $1)] ?? 0) }
            case .weekday:
                let days = DayRange(start, start.adding(days: Day.daysIn(year: number, month: start.month) - 1))!
                monthWeights[start] = dayWeights(days).values.reduce(0, +)
            }
        }
        let monthGMV = TargetPacing.spread(gmv.minor, over: monthStarts, weights: monthWeights)
        let gmvWeights = monthGMV.mapValues(Double.init)
        let monthProfit = profit.map { TargetPacing.spread($0.minor, over: monthStarts, weights: gmvWeights) }
        let monthBudget = adBudget.map { TargetPacing.spread($0.minor, over: monthStarts, weights: gmvWeights) }
        let spread: Target.Spread = curve == .lastYear ? .lastYear : .weekday
        let currency = gmv.currency
        func money(_ minor: Int64?) -> Money? { minor.map { Money(minor: $0, currency: currency) } }

        let months = monthStarts.map { start in
            Target.month(
                store: store, year: number, month: start.month, gmv: Money(minor: monthGMV[start]!, currency: currency),
                profit: money(monthProfit?[start]), adBudget: money(monthBudget?[start]), spread: spread)!
        }
        // An event day's share of its month: its weight against the month's. With last year's curve the month's days
        // are weighed as last year's same weekday, which is how `TargetPacing` will spread the rest.
        self.months = months
        eventDays = months.flatMap { month -> [Target] in
            let days = lifts.keys.filter { month.days.contains($0) }.sorted()
            guard !days.isEmpty else { return [] }
            let shares = TargetPacing.spread(month.gmv.minor, over: month.days, weights: dayWeights(month.days))
            return days.map {
                Target(
                    store: store, period: .day, start: $0, end: $0, gmv: Money(minor: shares[$0]!, currency: currency))
            }
        }
        quarters = (0..<4).map { q in
            let parts = months[(q * 3)..<(q * 3 + 3)]
            func sum(_ value: (Target) -> Money?) -> Money? {
                let values = parts.compactMap(value)
                return values.count == 3 ? Money(minor: values.reduce(0) { $0 + $1.minor }, currency: currency) : nil
            }
            return Target(
                store: store, period: .quarter, start: parts.first!.start, end: parts.last!.end, gmv: sum { $0.gmv }!,
                profit: sum { $0.profit }, adBudget: sum { $0.adBudget }, spread: spread)
        }
        year = Target(
            store: store, period: .year, start: first, end: last, gmv: gmv, profit: profit, adBudget: adBudget,
            spread: spread)
        self.curve = curve
        eventsWithoutHistory = without
    }
}
