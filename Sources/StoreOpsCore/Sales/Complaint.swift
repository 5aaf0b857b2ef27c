/// A buyer complaint or platform penalty (投诉/违规扣分) with its deadline.
public struct Complaint: Hashable, Sendable {
    public var store: StoreID
    public var id: String
    public var orderID: String?
    /// e.g. 延迟发货, 描述不符, 虚假交易.
    public var kind: String
    public var penaltyPoints: Int
    public var openedAt: Instant
    /// The latest time to respond or appeal.
    public var dueAt: Instant?
    public var resolved: Bool

    public init(store: StoreID, id: String, orderID: String?, kind: String, penaltyPoints: Int, openedAt: Instant, dueAt: Instant?, resolved: Bool) {
        self.store = store
        self.id = id
        self.orderID = orderID
        self.kind = kind
        self.penaltyPoints = penaltyPoints
        self.openedAt = openedAt
        self.dueAt = dueAt
        self.resolved = resolved
    }
}
