/// A month's (or any period's) target spread over its days, and how a day and the period so far stand
/// against it (domain guide §4). Pure: the caller supplies actual GMV per day and the spread weights.
public struct TargetPacing: Hashable, Sendable {
    /// The period's day targets in minor units, in day order.
    public let dayTargets: [Day: Int64]
    public let day: Day
    public let dayTarget: Int64
    public let dayActual: Int64?
    public let mtdActual: Int64
    public let mtdTarget: Int64
    /// Month-to-date actual + remaining days x the weekday-adjusted run rate of the last 7 days.
    public let projection: Int64
    /// (period target - MTD actual) / remaining days; nil on the period's last day.
    public let neededPerDay: Int64?
    public let remainingDays: Int
    /// The period's profit target paced against net profit; nil without a profit target.
    public var profit: FigurePacing?
    /// The period's ad budget paced against total ad spend; nil without an ad budget.
    public var adSpend: FigurePacing?

    /// Attainment of the day: actual / day target.
    public var attainment: Ratio? { dayActual.map { Ratio($0, dayTarget) } }
    public var mtdAttainment: Ratio { Ratio(mtdActual, mtdTarget) }

    /// Spreads `target` over its days in proportion to `weights` (one per day of the period; all equal for an
    /// even spread), in minor units that add up exactly to the target.
    public static func spread(_ target: Int64, over days: DayRange, weights: [Day: Double]) -> [Day: Int64] {
        spread(target, over: Array(days), weights: weights)
    }

    /// Spreads `target` over its days, giving days with their own (event) targets exactly those and spreading
    /// the rest over the other days by `weights`.
    public static func spread(_ target: Int64, over days: DayRange, weights: [Day: Double], fixed: [Day: Int64]) -> [Day: Int64] {
        let own = fixed.filter { days.contains($0.key) }
        let rest = max(0, target - own.values.reduce(0, +))
        return spread(rest, over: days.filter { own[$0] == nil }, weights: weights).merging(own) { _, fixed in fixed }
    }

    /// Spreads `target` over `list` by weight: shares rounded down to the minor unit, the remainder one unit
    /// at a time to the days with the largest fractions.
    public static func spread(_ target: Int64, over list: [Day], weights: [Day: Double]) -> [Day: Int64] {
        guard !list.isEmpty else { return [:] }
        let raw = list.map { max(0, weights[$0] ?? 1) }
        let total = raw.reduce(0, +)
        let shares = total > 0 ? raw.map { $0 / total } : Array(repeating: 1 / Double(list.count), count: list.count)
        let exact = shares.map { Double(target) * $0 }
        var amounts = exact.map { Int64($0.rounded(.down)) }
        var remainder = target - amounts.reduce(0, +)
        let order = list.indices.sorted { exact[$0] - exact[$0].rounded(.down) > exact[$1] - exact[$1].rounded(.down) }
        var i = 0
        while remainder > 0 {
            amounts[order[i % order.count]] += 1
            remainder -= 1
            i += 1
        }
        return Dictionary(uniqueKeysWithValues: zip(list, amounts))
    }

    /// Weekday weights from history: each weekday's mean GMV relative to the overall mean (1 for a weekday
    /// without history).
    public static func weekdayWeights(history: [Day: Int64]) -> [Int: Double] {
        var sums = [Int: (total: Double, count: Double)]()
        for (day, gmv) in history { sums[day.weekday, default: (0, 0)].total += Double(gmv); sums[day.weekday, default: (0, 0)].count += 1 }
        let means = sums.mapValues { $0.total / $0.count }
        let overall = means.values.reduce(0, +) / Double(max(1, means.count))
        return Dictionary(uniqueKeysWithValues: (1...7).map { ($0, overall > 0 ? (means[$0] ?? overall) / overall : 1) })
    }

    /// Each day's weight for spreading a target over `days`: 1 (even), its weekday's weight, or last year's GMV on the
    /// same weekday 52 weeks before (on the same date for event days and the days whose weekday match was one; else
    /// the mean of the days that have one, times the weekday weight).
    public static func weights(for days: DayRange, spread: Target.Spread, history: [Day: Int64],
                               weekdayWeights: [Int: Double]) -> [Day: Double] {
        var weights: [Day: Double] = [:]
        for day in days {
            switch spread {
            case .even: weights[day] = 1
            case .weekday: weights[day] = weekdayWeights[day.weekday] ?? 1
            case .lastYear:
                let date = Day(year: day.year - 1, month: day.month, day: min(day.dayOfMonth, Day.daysIn(year: day.year - 1, month: day.month)))
                // The same weekday a year before, unless that or this day is an event day, which falls on a date.
                let aligned = day.adding(days: -364)
                let sameWeekday = aligned.year < day.year && !isEvent(aligned) && !isEvent(day) ? history[aligned] : nil
                weights[day] = (sameWeekday ?? date.flatMap { history[$0] }).map(Double.init)
            }
        }
        if spread == .lastYear {
            let known = weights.values
            let mean = known.isEmpty ? 1 : known.reduce(0, +) / Double(known.count)
            for day in days where weights[day] == nil { weights[day] = mean * (weekdayWeights[day.weekday] ?? 1) }
        }
        return weights
    }

    /// The day targets of a (non-day) `target`: its event days keep their own targets and the rest is spread by the
    /// target's weighting, learnt from the GMV `history` up to `asOf`: the weekday rhythm of the eight weeks before the
    /// period (of the days so far when there are none; event days left out), or last year's curve. Also returns the
    /// weekday weights.
    public static func dayTargets(of target: Target, eventDays: [Day: Int64], history: [Day: Int64],
                                  asOf day: Day) -> (days: [Day: Int64], weekday: [Int: Double]) {
        let known = history.filter { $0.key <= day }
        let recent = known.filter { $0.key >= target.start.adding(days: -56) && $0.key < target.start && !isEvent($0.key) }
        let weekday = weekdayWeights(history: recent.isEmpty ? known : recent)
        let weights = weights(for: target.days, spread: target.spread, history: known, weekdayWeights: weekday)
        return (spread(target.gmv.minor, over: target.days, weights: weights, fixed: eventDays), weekday)
    }

    /// How `day` stands against `target`, given actual GMV per day (days without data absent) and the
    /// weekday weights used for the spread and the run rate.
    public init(target: Target, dayTargets: [Day: Int64], day: Day, actuals: [Day: Int64], weekdayWeights: [Int: Double]) {
        self.dayTargets = dayTargets
        self.day = day
        dayTarget = dayTargets[day] ?? 0
        dayActual = actuals[day]
        let sofar = DayRange(target.start, min(day, target.end)).map { Array($0) } ?? []
        // Sums saturate rather than trap: a store's GMV near Int64's limit is a broken import, not a sale.
        mtdActual = TargetPacing.saturatingSum(sofar.map { actuals[$0] ?? 0 })
        mtdTarget = TargetPacing.saturatingSum(sofar.map { dayTargets[$0] ?? 0 })
        let remaining = day < target.end ? Array(DayRange(day.adding(days: 1), target.end)!) : []
        remainingDays = remaining.count
        // Run rate: the last 7 days' GMV, each divided by its weekday weight, averaged; then each remaining day
        // gets the rate times its own weekday weight.
        let recent = DayRange(ending: day, count: 7).compactMap { d in actuals[d].map { Double($0) / max(0.01, weekdayWeights[d.weekday] ?? 1) } }
        let rate = recent.isEmpty ? 0 : recent.reduce(0, +) / Double(recent.count)
        let rest = remaining.reduce(0.0) { $0 + rate * (weekdayWeights[$1.weekday] ?? 1) }.rounded()
        projection = TargetPacing.saturatingSum([mtdActual, Int64(exactly: rest) ?? (rest > 0 ? Int64.max : 0)])
        neededPerDay = remaining.isEmpty ? nil : Money.divideRounded(max(0, Int64(clamping: Int128(target.gmv.minor) - Int128(mtdActual))),
                                                                           by: Int64(remaining.count))
    }

    static func isEvent(_ day: Day) -> Bool {
        YearPlan.platformEvents.contains { $0.month == day.month && $0.day == day.dayOfMonth }
    }

    /// The sum, held at Int64's limits instead of overflowing.
    static func saturatingSum(_ values: [Int64]) -> Int64 {
        Int64(clamping: values.reduce(Int128(0)) { $0 + Int128($1) })
    }
}
