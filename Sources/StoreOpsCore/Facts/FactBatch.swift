/// A set of facts of one store to be written together: one import file, or one demo build.
/// Storage writes a batch in one transaction, upserting every row by its natural key.
public struct FactBatch: Sendable {
    public var products: [Product] = []
    public var skus: [SKU] = []
    public var skuCosts: [SKUCost] = []
    public var orders: [Order] = []
    public var orderLines: [OrderLine] = []
    public var refunds: [Refund] = []
    public var shipments: [Shipment] = []
    public var logisticsEvents: [LogisticsEvent] = []
    public var complaints: [Complaint] = []
    public var affiliateCommissions: [AffiliateCommission] = []
    public var liveSessions: [LiveSession] = []
    public var trafficDays: [TrafficDay] = []
    public var trafficSources: [TrafficSourceDay] = []
    public var itemTraffic: [ItemTrafficDay] = []
    public var adStats: [AdStat] = []
    public var adBudgets: [AdBudgetDay] = []
    public var reviews: [Review] = []
    public var dsrScores: [DSRScore] = []
    public var inventory: [InventorySnapshot] = []
    public var purchaseOrders: [PurchaseOrder] = []
    public var competitors: [Competitor] = []
    public var competitorItems: [CompetitorItem] = []
    public var competitorSnapshots: [CompetitorSnapshot] = []
    public var keywordRanks: [KeywordRank] = []
    public var serviceAgentDays: [ServiceAgentDay] = []
    public var targets: [Target] = []
    public var activities: [Activity] = []
    public var tasks: [OpsTask] = []
    public var checkSettings: [CheckSetting] = []

    public init() {}

    /// The number of rows of every kind together.
    public var rowCount: Int {
        products.count + skus.count + skuCosts.count + orders.count + orderLines.count + refunds.count + shipments.count
            + logisticsEvents.count + complaints.count + affiliateCommissions.count + liveSessions.count + trafficDays.count
            + trafficSources.count + itemTraffic.count + adStats.count + adBudgets.count + reviews.count + dsrScores.count
            + inventory.count + purchaseOrders.count + competitors.count + competitorItems.count + competitorSnapshots.count
            + keywordRanks.count + serviceAgentDays.count + targets.count + activities.count + tasks.count + checkSettings.count
    }

    /// Whether the batch has no rows.
    public var isEmpty: Bool { rowCount == 0 }
}

extension FactBatch {
    /// Appends every row of `other`.
    public mutating func append(_ other: FactBatch) {
        products += other.products
        skus += other.skus
        skuCosts += other.skuCosts
        orders += other.orders
        orderLines += other.orderLines
        refunds += other.refunds
        shipments += other.shipments
        logisticsEvents += other.logisticsEvents
        complaints += other.complaints
        affiliateCommissions += other.affiliateCommissions
        liveSessions += other.liveSessions
        trafficDays += other.trafficDays
        trafficSources += other.trafficSources
        itemTraffic += other.itemTraffic
        adStats += other.adStats
        adBudgets += other.adBudgets
        reviews += other.reviews
        dsrScores += other.dsrScores
        inventory += other.inventory
        purchaseOrders += other.purchaseOrders
        competitors += other.competitors
        competitorItems += other.competitorItems
        competitorSnapshots += other.competitorSnapshots
        keywordRanks += other.keywordRanks
        serviceAgentDays += other.serviceAgentDays
        targets += other.targets
        activities += other.activities
        tasks += other.tasks
        checkSettings += other.checkSettings
    }
}
