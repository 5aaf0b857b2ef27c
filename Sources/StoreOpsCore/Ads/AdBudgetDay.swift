/// A campaign's daily budget and when it ran out, if it did.
public struct AdBudgetDay: Hashable, Sendable {
    public var store: StoreID
    public var day: Day
    public var channel: AdChannel
    public var campaign: String
    public var budget: Money
    /// When spend reached the budget; nil when it did not.
    public var exhaustedAt: Instant?

    public init(store: StoreID, day: Day, channel: AdChannel, campaign: String, budget: Money, exhaustedAt: Instant? = nil) {
        self.store = store
        self.day = day
        self.channel = channel
        self.campaign = campaign
        self.budget = budget
        self.exhaustedAt = exhaustedAt
    }
}
