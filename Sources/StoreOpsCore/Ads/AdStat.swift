/// Paid-ads performance for one day at the finest level the report gives (keyword, else campaign).
public struct AdStat: Hashable, Sendable {
    public var store: StoreID
    public var day: Day
    public var channel: AdChannel
    /// Campaign name (推广计划名称).
    public var campaign: String
    /// Ad group or advertised item name; empty when the report has none.
    public var adGroup: String
    /// The advertised item id; empty when not item-level.
    public var productID: String
    /// The bid keyword; empty for campaign- or item-level rows.
    public var keyword: String
    public var impressions: Int
    public var clicks: Int
    public var spend: Money
    /// Average display rank x 10 (平均展现排名 5.3 is 53).
    public var averageRankTenths: Int?
    /// Total attributed orders (总成交笔数).
    public var orders: Int
    /// Total attributed revenue (总成交金额, direct + indirect).
    public var revenue: Money
    /// Direct attributed revenue (直接成交金额).
    public var directRevenue: Money?
    public var favourites: Int
    public var carts: Int

    public init(store: StoreID, day: Day, channel: AdChannel, campaign: String, adGroup: String, productID: String, keyword: String, impressions: Int, clicks: Int, spend: Money, averageRankTenths: Int? = nil, orders: Int, revenue: Money, directRevenue: Money? = nil, favourites: Int = 0, carts: Int = 0) {
        self.store = store
        self.day = day
        self.channel = channel
        self.campaign = campaign
        self.adGroup = adGroup
        self.productID = productID
        self.keyword = keyword
        self.impressions = impressions
        self.clicks = clicks
        self.spend = spend
        self.averageRankTenths = averageRankTenths
        self.orders = orders
        self.revenue = revenue
        self.directRevenue = directRevenue
        self.favourites = favourites
        self.carts = carts
    }
}
