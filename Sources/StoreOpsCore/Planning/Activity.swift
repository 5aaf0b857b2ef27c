/// A platform event or self-run promotion (活动).
public struct Activity: Hashable, Sendable {
    public var store: StoreID
    public var id: String
    /// e.g. 双11, 聚划算, 会员日.
    public var name: String
    public var kind: ActivityKind
    public var start: Day
    public var end: Day
    public var status: ActivityStatus
    public var gmvGoal: Money?
    public var cost: Money?

    public init(store: StoreID, id: String, name: String, kind: ActivityKind, start: Day, end: Day, status: ActivityStatus, gmvGoal: Money? = nil, cost: Money? = nil) {
        self.store = store
        self.id = id
        self.name = name
        self.kind = kind
        self.start = start
        self.end = end
        self.status = status
        self.gmvGoal = gmvGoal
        self.cost = cost
    }
}
