/// The store's detailed seller ratings (DSR) on one day, each 0-5 in 1/10000 (4.8123 is 48123).
public struct DSRScore: Hashable, Sendable {
    public var store: StoreID
    public var day: Day
    /// 描述相符.
    public var description: Int
    /// 服务态度.
    public var service: Int
    /// 物流服务.
    public var logistics: Int

    public init(store: StoreID, day: Day, description: Int, service: Int, logistics: Int) {
        self.store = store
        self.day = day
        self.description = description
        self.service = service
        self.logistics = logistics
    }
}
