/// How buyers are grouped into cohorts by their first purchase day: calendar months, or ISO weeks (Monday first).
public enum CohortGrain: String, Sendable, CaseIterable {
    case month, week

    /// A number for the period holding `day`; consecutive periods have consecutive numbers.
    public func index(of day: Day) -> Int {
        switch self {
        case .month: return day.year * 12 + day.month - 1
        case .week: return (Int(day.number) + 3).floorDivided(by: 7)  // 1970-01-01 was a Thursday: Monday is 3 days before
        }
    }

    /// The first day of the period with number `index`.
    public func start(ofIndex index: Int) -> Day {
        switch self {
        case .month: return Day(year: index.floorDivided(by: 12), month: index - index.floorDivided(by: 12) * 12 + 1, day: 1)!
        case .week: return Day(number: Int32(index * 7 - 3))
        }
    }

    /// The first day of the period holding `day`.
    public func start(of day: Day) -> Day { start(ofIndex: index(of: day)) }
}

extension Int {
    /// The quotient rounded towards minus infinity.
    func floorDivided(by divisor: Int) -> Int {
        let (q, r) = quotientAndRemainder(dividingBy: divisor)
        return r < 0 ? q - 1 : q
    }
}
