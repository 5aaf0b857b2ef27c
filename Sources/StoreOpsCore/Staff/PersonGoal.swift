/// One goal of a person for one month: a figure, its target (in the figure's unit, see `GoalMetric.Unit`) and its
/// weight in their KPI score.
public struct PersonGoal: Hashable, Sendable {
    public var store: StoreID
    public var person: String
    /// The first day of the month.
    public var month: Day
    public var metric: GoalMetric
    public var target: Int64
    public var weight: Int

    public init(store: StoreID, person: String, month: Day, metric: GoalMetric, target: Int64, weight: Int) {
        self.store = store
        self.person = person
        self.month = month
        self.metric = metric
        self.target = target
        self.weight = weight
    }
}
