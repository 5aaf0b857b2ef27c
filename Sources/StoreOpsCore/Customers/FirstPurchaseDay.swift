/// The buyers whose first purchase in the store's history was on `day`, with what they paid that day: the new buyers
/// of the master table. The day's returning buyers are its other buyers.
public struct FirstPurchaseDay: Hashable, Sendable {
    public var day: Day
    public var buyers: Int64
    public var orders: Int64
    public var gmvMinor: Int64

    public init(day: Day, buyers: Int64, orders: Int64, gmvMinor: Int64) {
        self.day = day
        self.buyers = buyers
        self.orders = orders
        self.gmvMinor = gmvMinor
    }
}
