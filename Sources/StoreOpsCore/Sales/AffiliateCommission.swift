/// Commission owed to an affiliate (淘宝客) for one order, counted on the order's paid day.
public struct AffiliateCommission: Hashable, Sendable {
    public var store: StoreID
    public var orderID: String
    public var day: Day
    public var orderAmount: Money
    public var commission: Money

    public init(store: StoreID, orderID: String, day: Day, orderAmount: Money, commission: Money) {
        self.store = store
        self.orderID = orderID
        self.day = day
        self.orderAmount = orderAmount
        self.commission = commission
    }
}
