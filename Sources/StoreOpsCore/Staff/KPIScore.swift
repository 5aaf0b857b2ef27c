/// How a person's KPI score is made (domain guide §14): each goal's attainment, counted from 0 up to `cap`, and the
/// share of their tasks closed on time, averaged by weight and shown out of 100.
public enum KPIScore {
    /// A goal counts at most 120 % attained, so one figure far above its target cannot hide the others.
    public static let cap = 1.2

    /// Actual / target, or target / actual for a figure where less is better, counted from 0 up to `cap`; a zero
    /// target (or a zero actual where less is better) counts as the cap when met. Nil when the actual is unknown.
    public static func attainment(_ metric: GoalMetric, target: Double, actual: Double?) -> Double? {
        guard let actual else { return nil }
        let raw: Double
        if metric.lowerIsBetter {
            raw = actual <= 0 ? cap : target / actual
        } else {
            raw = target <= 0 ? (actual >= target ? cap : 0) : actual / target
        }
        return min(cap, max(0, raw))
    }

    /// 100 x (Σ weight x attainment + tasks weight x on-time share) / Σ weights; the tasks are left out when none was
    /// due (`onTimeShare` nil). Nil when a goal's attainment is unknown or nothing weighs.
    public static func score(goals: [(weight: Int, attainment: Double?)], tasksWeight: Int, onTimeShare: Double?)
        -> Double?
    {
        var total = 0.0
        var weights = 0
        for goal in goals {
            guard let attainment = goal.attainment else { return nil }
            total += Double(goal.weight) * attainment
            weights += goal.weight
        }
        if let share = onTimeShare {
            total += Double(tasksWeight) * share
            weights += tasksWeight
        }
        return weights > 0 ? 100 * total / Double(weights) : nil
    }
}
