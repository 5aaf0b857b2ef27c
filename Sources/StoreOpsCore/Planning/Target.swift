/// A sales plan for one period (year, quarter, month or week) of a store.
public struct Target: Hashable, Sendable {
    /// The length of a target period. A `day` target is an event day's own target (618, 双11): it replaces
    /// that day's share of the month, whose rest is spread over its other days.
    public enum Period: String, Sendable, Codable, CaseIterable {
        case year, quarter, month, week, day
    }

    /// How a period's target is spread over its days.
    public enum Spread: String, Sendable, Codable, CaseIterable {
        /// The same share every day.
        case even
        /// By weekday weights learnt from the store's history.
        case weekday
        /// By last year's curve for the same days.
        case lastYear = "last-year"
    }

    public var store: StoreID
    public var period: Period
    /// The first day of the period.
    public var start: Day
    /// The last day of the period.
    public var end: Day
    public var gmv: Money
    public var profit: Money?
    public var adBudget: Money?
    public var spread: Spread

    public init(store: StoreID, period: Period, start: Day, end: Day, gmv: Money, profit: Money? = nil, adBudget: Money? = nil, spread: Spread = .even) {
        self.store = store
        self.period = period
        self.start = start
        self.end = end
        self.gmv = gmv
        self.profit = profit
        self.adBudget = adBudget
        self.spread = spread
    }

    /// A month's target.
    public static func month(store: StoreID, year: Int, month: Int, gmv: Money, profit: Money? = nil, adBudget: Money? = nil, spread: Spread = .even) -> Target? {
        guard let start = Day(year: year, month: month, day: 1) else { return nil }
        let end = start.adding(days: Day.daysIn(year: year, month: month) - 1)
        return Target(store: store, period: .month, start: start, end: end, gmv: gmv, profit: profit, adBudget: adBudget, spread: spread)
    }

    /// The period's days.
    public var days: DayRange { DayRange(start, end) ?? DayRange(day: start) }

    /// The period as `storeops target set` names it: `2026`, `2026-Q4`, `2026-11`, `2026-W47` (ISO week) or `2026-11-11`.
    public var periodName: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch period {
        case .year: return String(start.year)
        case .quarter: return "\(start.year)-Q\((start.month - 1) / 3 + 1)"
        case .month: return "\(start.year)-\(two(start.month))"
        case .day: return start.iso
        case .week:
            // The ISO week-year is the year of the week's Thursday.
            let thursday = start.adding(days: 4 - start.weekday)
            let first = Day(year: thursday.year, month: 1, day: 1) ?? thursday
            return "\(thursday.year)-W\(two(first.distance(to: thursday) / 7 + 1))"
        }
    }
}
