/// How a period's profit or ad spend so far stands against its target, paced like GMV (domain guide §4, §14): the
/// period's target spread over its days in proportion to the GMV day targets. A day without the figure makes the
/// period so far unknown rather than short.
public struct FigurePacing: Hashable, Sendable {
    public let periodTarget: Int64
    public let dayTarget: Int64
    /// Nil when the day lacks the figure.
    public let dayActual: Int64?
    public let mtdTarget: Int64
    /// Nil when a day so far lacks the figure.
    public let mtdActual: Int64?
    /// (period target - actual so far) / remaining days; nil on the period's last day or when the actual is unknown.
    public let neededPerDay: Int64?

    /// Actual so far / target so far.
    public var mtdAttainment: Ratio? { mtdActual.map { Ratio($0, mtdTarget) } }

    /// Paces `periodTarget` for `period` at `day`, spread by the GMV `dayTargets`, against `actuals` per day.
    public init(periodTarget: Int64, period: DayRange, gmvDayTargets: [Day: Int64], day: Day, actuals: [Day: Int64]) {
        let weights = gmvDayTargets.mapValues(Double.init)
        let targets = TargetPacing.spread(periodTarget, over: Array(period), weights: weights)
        self.periodTarget = periodTarget
        dayTarget = targets[day] ?? 0
        dayActual = actuals[day]
        let sofar = DayRange(period.first, min(day, period.last)).map { Array($0) } ?? []
        mtdTarget = sofar.reduce(0) { $0 + (targets[$1] ?? 0) }
        var sum: Int64? = 0
        for d in sofar { sum = sum.flatMap { s in actuals[d].flatMap { s.plus($0) } } }
        mtdActual = sum
        let remaining = day < period.last ? day.distance(to: period.last) : 0
        neededPerDay =
            remaining > 0
            ? mtdActual.flatMap { periodTarget.minus($0) }.map { Money.divideRounded(max(0, $0), by: Int64(remaining)) }
            : nil
    }
}
