/// A customer-service reward or penalty rule (客服奖惩): when an agent's month figure is at least (or at most) the
/// threshold, the amount is added (a reward) or, negative, taken (a penalty).
public struct KPIRule: Hashable, Sendable {
    /// Which side of the threshold triggers the rule.
    public enum Comparison: String, Sendable, Codable, CaseIterable {
        case atLeast = "at-least"
        case atMost = "at-most"
    }

    public var store: StoreID
    /// `inquiry_conversion` or `response_seconds`.
    public var metric: GoalMetric
    public var comparison: Comparison
    /// In the metric's unit.
    public var threshold: Int64
    /// Positive: a reward; negative: a penalty.
    public var amount: Money

    public init(store: StoreID, metric: GoalMetric, comparison: Comparison, threshold: Int64, amount: Money) {
        self.store = store
        self.metric = metric
        self.comparison = comparison
        self.threshold = threshold
        self.amount = amount
    }

    /// Whether `value` (in the metric's unit; a rate as a ratio) triggers the rule.
    public func applies(to value: Double) -> Bool {
        let threshold = metric.unit == .rate ? Double(self.threshold) / 10_000 : Double(self.threshold)
        return comparison == .atLeast ? value >= threshold : value <= threshold
    }
}
