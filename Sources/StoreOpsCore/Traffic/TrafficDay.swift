/// A store's whole-store traffic for one day (生意参谋 店铺概况).
public struct TrafficDay: Hashable, Sendable {
    public var store: StoreID
    public var day: Day
    /// Distinct visitors (访客数, UV).
    public var visitors: Int
    /// Page views (浏览量, PV).
    public var pageViews: Int
    /// Visitors who viewed one page only (跳失率 x visitors).
    public var bouncedVisitors: Int?
    /// Average stay (平均停留时长) in seconds.
    public var averageStaySeconds: Int?
    /// Visitors who added to cart (加购人数).
    public var addToCartBuyers: Int?

    public init(store: StoreID, day: Day, visitors: Int, pageViews: Int, bouncedVisitors: Int? = nil, averageStaySeconds: Int? = nil, addToCartBuyers: Int? = nil) {
        self.store = store
        self.day = day
        self.visitors = visitors
        self.pageViews = pageViews
        self.bouncedVisitors = bouncedVisitors
        self.averageStaySeconds = averageStaySeconds
        self.addToCartBuyers = addToCartBuyers
    }
}
