/// One day's buyers split into new (their first purchase day in the store's history) and returning (bought on an
/// earlier day), with the orders and paid amounts of each.
public struct CustomerDay: Hashable, Sendable {
    public var day: Day
    public var newBuyers: Int = 0
    public var returningBuyers: Int = 0
    public var newOrders: Int = 0
    public var returningOrders: Int = 0
    /// nil when the sum passed Int64.
    public var newGMVMinor: Int64? = 0
    public var returningGMVMinor: Int64? = 0

    public init(day: Day) { self.day = day }
}
