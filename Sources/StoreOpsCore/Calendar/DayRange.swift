/// An inclusive range of calendar days, never empty.
public struct DayRange: Hashable, Sendable, Sequence {
    public let first: Day
    public let last: Day

    /// Creates the range `first...last`; nil when `last` is before `first`.
    public init?(_ first: Day, _ last: Day) {
        guard first <= last else { return nil }
        self.first = first
        self.last = last
    }

    /// A range of one day.
    public init(day: Day) {
        first = day
        last = day
    }

    /// The `count` days ending on `last`.
    public init(ending last: Day, count: Int) {
        precondition(count >= 1)
        self.first = last.adding(days: -(count - 1))
        self.last = last
    }

    public var count: Int { first.distance(to: last) + 1 }
    public func contains(_ day: Day) -> Bool { day >= first && day <= last }
    public func makeIterator() -> StrideThroughIterator<Day> { stride(from: first, through: last, by: 1).makeIterator() }
}
