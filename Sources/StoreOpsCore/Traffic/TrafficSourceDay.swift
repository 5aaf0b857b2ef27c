/// Traffic of one source for one day (生意参谋 流量来源).
public struct TrafficSourceDay: Hashable, Sendable {
    public var store: StoreID
    public var day: Day
    /// The platform's source name, e.g. 手淘搜索, 直通车.
    public var source: String
    /// Free, paid, activity or other.
    public var group: TrafficGroup
    public var visitors: Int
    /// Paying buyers from this source.
    public var buyers: Int
    /// Paid amount from this source.
    public var gmv: Money

    public init(store: StoreID, day: Day, source: String, group: TrafficGroup, visitors: Int, buyers: Int, gmv: Money) {
        self.store = store
        self.day = day
        self.source = source
        self.group = group
        self.visitors = visitors
        self.buyers = buyers
        self.gmv = gmv
    }

    /// Conversion of this source: buyers / visitors.
    public var conversion: Ratio { Ratio(Int64(buyers), Int64(visitors)) }
}
