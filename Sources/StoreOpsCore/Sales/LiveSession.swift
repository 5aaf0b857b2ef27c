/// A livestream sales session (直播).
public struct LiveSession: Hashable, Sendable {
    public var store: StoreID
    public var id: String
    public var day: Day
    public var host: String
    public var durationMinutes: Int
    public var viewers: Int
    public var orders: Int
    public var gmv: Money

    public init(store: StoreID, id: String, day: Day, host: String, durationMinutes: Int, viewers: Int, orders: Int, gmv: Money) {
        self.store = store
        self.id = id
        self.day = day
        self.host = host
        self.durationMinutes = durationMinutes
        self.viewers = viewers
        self.orders = orders
        self.gmv = gmv
    }
}
