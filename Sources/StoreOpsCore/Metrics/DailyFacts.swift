/// The stored aggregates of one store-day, as storage keeps them current. A nil group means the store
/// has no data of that kind covering the day ("no data"), which is different from zero.
public struct DailyFacts: Hashable, Sendable {
    /// Sales from paid orders and their lines.
    public struct Sales: Hashable, Sendable {
        public var gmv: Money
        public var paidOrders: Int64
        /// Distinct buyers; nil when a paid order of the day has no known buyer.
        public var buyers: Int64?
        /// Units; nil when a paid order of the day has no known units.
        public var units: Int64?
        /// Sum over paid units of the unit cost effective that day, for units whose SKU has a cost.
        public var cogs: Money
        /// Paid units whose SKU has no cost effective that day.
        public var costMissingUnits: Int64
        /// The line value (unit price x quantity) of those units.
        public var costMissingValue: Money
        /// Paid orders by region and weight band, for shipping price lists.
        public var shippingBands: [ShippingBand]

        public init(gmv: Money, paidOrders: Int64, buyers: Int64?, units: Int64?, cogs: Money, costMissingUnits: Int64, costMissingValue: Money,
                    shippingBands: [ShippingBand] = []) {
            self.gmv = gmv
            self.paidOrders = paidOrders
            self.buyers = buyers
            self.units = units
            self.cogs = cogs
            self.costMissingUnits = costMissingUnits
            self.costMissingValue = costMissingValue
            self.shippingBands = shippingBands
        }
    }

    /// Whole-store traffic.
    public struct Traffic: Hashable, Sendable {
        public var visitors: Int64
        public var pageViews: Int64
        public var bouncedVisitors: Int64?

        public init(visitors: Int64, pageViews: Int64, bouncedVisitors: Int64?) {
            self.visitors = visitors
            self.pageViews = pageViews
            self.bouncedVisitors = bouncedVisitors
        }
    }

    /// Refunds of the day, in both views. The by-refund-day figures are nil when refunds without a completion date
    /// (an order export's refund column) may have completed on the day: from the paid day of the first such order on.
    public struct Refunds: Hashable, Sendable {
        /// Completed that day (by refund date).
        public var amount: Money?
        public var orders: Int64?
        /// Refunds of orders paid that day, whenever completed (by order date).
        public var amountByOrderDay: Money
        /// Completed that day where the goods did not come back to stock.
        public var notReturnedToStock: Money?

        public init(amount: Money?, orders: Int64?, amountByOrderDay: Money, notReturnedToStock: Money?) {
            self.amount = amount
            self.orders = orders
            self.amountByOrderDay = amountByOrderDay
            self.notReturnedToStock = notReturnedToStock
        }
    }

    /// Livestream sessions of the day.
    public struct Live: Hashable, Sendable {
        public var viewers: Int64
        public var gmv: Money

        public init(viewers: Int64, gmv: Money) {
            self.viewers = viewers
            self.gmv = gmv
        }
    }

    public var store: StoreID
    public var day: Day
    public var currency: Currency
    public var sales: Sales?
    public var traffic: Traffic?
    /// Ads per channel; nil when no ads data covers the day, empty channels are absent.
    public var ads: [AdChannel: AdTotals]?
    public var affiliateCommission: Money?
    public var live: Live?
    public var refunds: Refunds?
    public var dsr: DSRScore?
    /// The day before's DSR, for the change since yesterday.
    public var previousDSR: DSRScore?
    /// The day's buyers split into new and returning, from the purchases of the store's whole history up to the day;
    /// nil when not computed (`StoreOpsStore.masterTable(store:days:customers:)` computes it).
    public var customers: CustomerDay?

    public init(store: StoreID, day: Day, currency: Currency, sales: Sales? = nil, traffic: Traffic? = nil, ads: [AdChannel: AdTotals]? = nil,
                affiliateCommission: Money? = nil, live: Live? = nil, refunds: Refunds? = nil, dsr: DSRScore? = nil, previousDSR: DSRScore? = nil) {
        self.store = store
        self.day = day
        self.currency = currency
        self.sales = sales
        self.traffic = traffic
        self.ads = ads
        self.affiliateCommission = affiliateCommission
        self.live = live
        self.refunds = refunds
        self.dsr = dsr
        self.previousDSR = previousDSR
    }
}
