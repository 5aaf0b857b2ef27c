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
    public var skuSettings: [SKUSetting] = []
    public var competitors: [Competitor] = []
    public var competitorItems: [CompetitorItem] = []
    public var competitorSnapshots: [CompetitorSnapshot] = []
    public var keywordRanks: [KeywordRank] = []
    public var serviceAgentDays: [ServiceAgentDay] = []
    public var targets: [Target] = []
    public var activities: [Activity] = []
    public var tasks: [OpsTask] = []
    public var checkSettings: [CheckSetting] = []
    public var people: [Person] = []
    public var personGoals: [PersonGoal] = []
    public var kpiRules: [KPIRule] = []

    public init() {}

    /// The number of rows of every kind together.
    public var rowCount: Int {
        products.count + skus.count + skuCosts.count + orders.count + orderLines.count + refunds.count + shipments.count
            + logisticsEvents.count + complaints.count + affiliateCommissions.count + liveSessions.count + trafficDays.count
            + trafficSources.count + itemTraffic.count + adStats.count + adBudgets.count + reviews.count + dsrScores.count
            + inventory.count + purchaseOrders.count + skuSettings.count + competitors.count + competitorItems.count + competitorSnapshots.count
            + keywordRanks.count + serviceAgentDays.count + targets.count + activities.count + tasks.count + checkSettings.count
            + people.count + personGoals.count + kpiRules.count
    }

    /// Whether the batch has no rows.
    public var isEmpty: Bool { rowCount == 0 }
}

extension FactBatch {
    /// Appends every row of `other`. An import appends one order's facts at a time, most of them empty.
    public mutating func append(_ other: FactBatch) {
        FactBatch.add(&products, other.products)
        FactBatch.add(&skus, other.skus)
        FactBatch.add(&skuCosts, other.skuCosts)
        FactBatch.add(&orders, other.orders)
        FactBatch.add(&orderLines, other.orderLines)
        FactBatch.add(&refunds, other.refunds)
        FactBatch.add(&shipments, other.shipments)
        FactBatch.add(&logisticsEvents, other.logisticsEvents)
        FactBatch.add(&complaints, other.complaints)
        FactBatch.add(&affiliateCommissions, other.affiliateCommissions)
        FactBatch.add(&liveSessions, other.liveSessions)
        FactBatch.add(&trafficDays, other.trafficDays)
        FactBatch.add(&trafficSources, other.trafficSources)
        FactBatch.add(&itemTraffic, other.itemTraffic)
        FactBatch.add(&adStats, other.adStats)
        FactBatch.add(&adBudgets, other.adBudgets)
        FactBatch.add(&reviews, other.reviews)
        FactBatch.add(&dsrScores, other.dsrScores)
        FactBatch.add(&inventory, other.inventory)
        FactBatch.add(&purchaseOrders, other.purchaseOrders)
        FactBatch.add(&skuSettings, other.skuSettings)
        FactBatch.add(&competitors, other.competitors)
        FactBatch.add(&competitorItems, other.competitorItems)
        FactBatch.add(&competitorSnapshots, other.competitorSnapshots)
        FactBatch.add(&keywordRanks, other.keywordRanks)
        FactBatch.add(&serviceAgentDays, other.serviceAgentDays)
        FactBatch.add(&targets, other.targets)
        FactBatch.add(&activities, other.activities)
        FactBatch.add(&tasks, other.tasks)
        FactBatch.add(&checkSettings, other.checkSettings)
        FactBatch.add(&people, other.people)
        FactBatch.add(&personGoals, other.personGoals)
        FactBatch.add(&kpiRules, other.kpiRules)
    }

    private static func add<Row>(_ rows: inout [Row], _ more: [Row]) {
        if !more.isEmpty { rows += more }
    }
}
