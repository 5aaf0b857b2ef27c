/// The facts the checks of one store and day read, gathered by the service. Pure values: the rules never do I/O.
public struct CheckInput: Sendable {
    public var store: Store
    /// The day checked (usually yesterday in the store's time zone).
    public var day: Day
    /// The moment of the check (for ages of orders and parcels).
    public var now: Instant
    /// Ads rows of the window.
    public var adStats: [AdStat] = []
    /// Customer-service rows of the window.
    public var agentDays: [ServiceAgentDay] = []
    public var products: [Product] = []
    public var skus: [SKU] = []
    /// Break-even ROAS per advertised product (1 / its gross margin rate), and the store's as the fallback.
    public var breakEvenByProduct: [String: Ratio] = [:]
    public var storeBreakEven: Ratio?
    /// The unit cost in force on `day`, per SKU.
    public var unitCosts: [String: Money] = [:]
    /// The latest stock snapshot per SKU, up to `day`.
    public var stock: [InventorySnapshot] = []
    /// Units and revenue sold per SKU over the cover window.
    public var unitsBySKU: [String: Int] = [:]
    public var revenueBySKU: [String: Money] = [:]
    /// Visitors and GMV per product over the window (item traffic).
    public var visitorsByProduct: [String: Int] = [:]
    public var gmvByProduct: [String: Money] = [:]
    /// Reviews posted in the window.
    public var reviews: [Review] = []
    public var competitorItems: [CompetitorItem] = []
    /// Competitor snapshots of the window.
    public var competitorSnapshots: [CompetitorSnapshot] = []
    /// Paid orders not shipped yet.
    public var unshippedOrders: [Order] = []
    /// Parcels not delivered (in transit, lost, returned) with their latest state.
    public var openShipments: [Shipment] = []
    /// The paid amount of each order with an open parcel, not shipped or complained about (what is at stake).
    public var orderAmounts: [String: Money] = [:]
    /// Orders paid on the day (big orders, ad share) and, on the page-health weekday, the seven days before; filter by
    /// `paidDay`.
    public var paidOrders: [Order] = []
    /// Lines of the orders paid on `day` (price typos).
    public var linesOfDay: [OrderLine] = []
    /// Refunds requested in the after-sales window, and every refund still waiting.
    public var refunds: [Refund] = []
    /// Units sold per SKU over the after-sales window (the refund rates' base).
    public var afterSalesUnitsBySKU: [String: Int] = [:]
    /// Complaints not resolved yet.
    public var openComplaints: [Complaint] = []
    /// SKUs sold at least once in the slow-mover window.
    public var recentlySoldSKUs: Set<String> = []
    public var purchaseOrders: [PurchaseOrder] = []
    /// What the operator set by hand per SKU (hero, lead time, safety days), by SKU id.
    public var skuSettings: [String: SKUSetting] = [:]
    /// Store and item traffic of the page-health week (empty on other days).
    public var pageWeekTraffic: [TrafficDay] = []
    public var pageWeekItems: [ItemTrafficDay] = []
    /// Campaign budgets of `day`.
    public var adBudgets: [AdBudgetDay] = []
    /// Ads rows of the four weeks before the window (the CTR baseline).
    public var adBaseline: [AdStat] = []
    /// DSR scores from the day before the window to `day`.
    public var dsrScores: [DSRScore] = []
    /// Organic ranks of the tracked keywords on `day` and the day before.
    public var keywordRanks: [KeywordRank] = []
    /// The items that carry the store's sales when none is flagged (`HeroItems`), and the item of each SKU sold (the
    /// SKU itself when its lines name no item).
    public var heroesBySales: Set<String> = []
    public var productOfSKU: [String: String] = [:]
    /// The kinds of facts the store lacks for the day: the checks that need them do not run.
    public var missing: Set<CheckData> = []

    public init(store: Store, day: Day, now: Instant) {
        self.store = store
        self.day = day
        self.now = now
    }

    /// The window's first day.
    public func windowStart(_ settings: CheckSettings) -> Day { day.adding(days: -(settings.windowDays - 1)) }
}

extension CheckInput {
    /// The hero items: those flagged in the catalog or set by hand, else the ones the sales make heroes. A SKU set as a
    /// hero makes its item one (the SKU itself when its item is unknown); a SKU set as not one takes the catalog's
    /// flag off its item.
    public var heroProducts: Set<String> {
        var flagged = Set(products.filter(\.isHero).map(\.id))
        guard !skuSettings.isEmpty else { return flagged.isEmpty ? heroesBySales : flagged }
        let productOf = Dictionary(skus.map { ($0.id, $0.productID) }, uniquingKeysWith: { a, _ in a })
        func item(_ sku: String) -> String { productOf[sku] ?? productOfSKU[sku] ?? sku }
        for setting in skuSettings.values where setting.isHero == false { flagged.remove(item(setting.skuID)) }
        for setting in skuSettings.values where setting.isHero == true { flagged.insert(item(setting.skuID)) }
        return flagged.isEmpty ? heroesBySales : flagged
    }
}
