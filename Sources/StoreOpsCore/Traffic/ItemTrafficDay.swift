/// Traffic and sales of one item for one day (商品效果).
public struct ItemTrafficDay: Hashable, Sendable {
    public var store: StoreID
    public var day: Day
    public var productID: String
    public var visitors: Int
    public var pageViews: Int
    public var bouncedVisitors: Int?
    public var buyers: Int
    public var units: Int
    public var gmv: Money
    public var addToCartBuyers: Int?
    public var favourites: Int?

    public init(store: StoreID, day: Day, productID: String, visitors: Int, pageViews: Int, bouncedVisitors: Int? = nil, buyers: Int, units: Int, gmv: Money, addToCartBuyers: Int? = nil, favourites: Int? = nil) {
        self.store = store
        self.day = day
        self.productID = productID
        self.visitors = visitors
        self.pageViews = pageViews
        self.bouncedVisitors = bouncedVisitors
        self.buyers = buyers
        self.units = units
        self.gmv = gmv
        self.addToCartBuyers = addToCartBuyers
        self.favourites = favourites
    }
}
