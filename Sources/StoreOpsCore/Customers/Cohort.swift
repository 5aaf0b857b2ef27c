/// The buyers whose first purchase fell in one period (month or week), followed over the periods after it.
public struct Cohort: Hashable, Sendable {
    /// One period of a cohort: how many of its buyers bought, and how much they paid.
    public struct Period: Hashable, Sendable {
        public var buyers = 0
        /// nil when the sum passed Int64.
        public var gmvMinor: Int64? = 0
    }

    /// The first day of the cohort's period.
    public var start: Day
    /// Buyers in the cohort: its period 0 buyers, the new buyers of the period (within the range).
    public var size = 0
    /// Period 0 is the cohort's own; the last is the one holding the range's last day.
    public var periods: [Period] = []
    /// Historical lifetime value: the mean paid per buyer within N days of their first purchase (that day included),
    /// by N of `CustomerAnalysis.lifetimeWindows`; nil until every buyer of the cohort has had N days.
    public var lifetimeValueMinor: [Int: Int64] = [:]

    /// Period `k`'s buyers over the cohort's size.
    public func retention(_ k: Int) -> Ratio { Ratio(Int64(periods[k].buyers), Int64(size)) }
}
