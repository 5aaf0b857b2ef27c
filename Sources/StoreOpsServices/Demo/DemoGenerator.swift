import StoreOpsCore

/// Everything the demo store is made of: the store, its cost settings, one batch of facts and the list of
/// problems it carries.
public struct DemoData: Sendable {
    public let store: Store
    public let costs: CostSettings
    public let batch: FactBatch
    public let injections: DemoInjections
}

/// Builds a realistic, deterministic demo store: the same scenario always gives the same facts. Sales follow
/// traffic (visitors x conversion x order value per source), stock follows sales, and the default scenario
/// carries the problems a morning briefing must find (see `DemoInjections`).
public struct DemoGenerator: Sendable {
    public let scenario: DemoScenario

    public init(_ scenario: DemoScenario) { self.scenario = scenario }

    public func generate() -> DemoData {
        let builder = DemoBuilder(scenario)
        builder.buildCatalog()
        for day in DayRange(scenario.start, scenario.end)! { builder.simulate(day) }
        builder.finishInventory()
        builder.buildMarket()
        builder.buildPlans()
        return DemoData(store: builder.store, costs: builder.costs, batch: builder.batch, injections: builder.injections())
    }
}

/// The mutable state of one demo build. Not shared: `DemoGenerator.generate` owns it from start to end.
final class DemoBuilder {
    let scenario: DemoScenario
    let store: Store
    let costs: CostSettings
    let zone = StoreTimeZone.shanghai
    /// The moment the demo is "now": 09:00 on the morning after the last day.
    let now: Instant
    var rng: SeededRandom
    var batch = FactBatch()

    // Catalog state.
    var skuWeights: [Double] = []
    var skuCumulative: [Double] = []
    var skuIndexByID: [String: Int] = [:]
    var productOfSKU: [Int] = []
    var productWeights: [Double] = []
    var heroSKU = 0

    // Inventory state per SKU index.
    var onHand: [Int] = []
    var dailyDemand: [Double] = []
    var openPOs: [PurchaseOrder] = []
    /// Units on open purchase orders, per SKU index.
    var incoming: [Int] = []
    /// Units sold today, and on each of the last 14 days, per SKU index (the store reorders on what it sells).
    var soldToday: [Int] = []
    var recentSales: [[Int]] = []
    var poCounter = 0

    // Sales state.
    var customers = 0
    var returningPool: [Int] = []
    var inReturningPool = Set<Int>()
    var orderCounter = 0

    // What was injected.
    var lateOrders: [String] = []
    var overdueRefund = ""
    var stalled: [String] = []
    var lost: [String] = []
    var returned: [String] = []
    var badReviewIDs: [String] = []
    var qualityProblemSKU = 0

    init(_ scenario: DemoScenario) {
        self.scenario = scenario
        store = Store(id: scenario.storeID, name: DemoVocabulary.storeName, platform: .taobao, currency: .cny, timeZone: .shanghai)
        costs = CostSettings(store: scenario.storeID, commissionPPM: 20_000, paymentFeePPM: 6_000,
                             shippingPerOrder: Money(minor: 450, currency: .cny), otherDailyCost: Money(minor: 150_000, currency: .cny))
        now = StoreTimeZone.shanghai.instant(day: scenario.end.adding(days: 1), hour: 9)
        rng = SeededRandom(seed: scenario.seed)
    }

    var injected: Bool { !scenario.clean }

    func yuan(_ minor: Int64) -> Money { Money(minor: minor, currency: .cny) }

    /// A local time on `day`, at `hour` plus a random minute.
    func time(_ day: Day, hour: Int) -> Instant { zone.instant(day: day, hour: hour, minute: rng.int(0...59), second: rng.int(0...59)) }

    /// Weekday rhythm: weekends busier, Friday quieter.
    func weekdayFactor(_ day: Day) -> Double { [1.0, 0.97, 0.98, 1.0, 0.94, 1.08, 1.12][day.weekday - 1] }

    func isEvent(_ day: Day) -> Bool { scenario.eventDays.contains(day) }

    func injections() -> DemoInjections {
        let hero = batch.skus[heroSKU]
        let cutShop = DemoVocabulary.competitors.first { $0.id == "c-chujian" }?.name ?? ""
        let cut = batch.competitorItems.first { $0.competitorID == cutShop }
        return DemoInjections(
            fallingSource: "手淘搜索", soldOutSKU: hero.id, soldOutProduct: hero.productID,
            losingKeywords: DemoVocabulary.ztcCampaigns.flatMap { $0.keywords.filter(\.5).map(\.0) },
            weakAgent: DemoVocabulary.weakAgent, priceCutCompetitor: cutShop, priceCutItem: cut?.itemID ?? "",
            badReviewIDs: badReviewIDs, stalledShipments: stalled, lostShipments: lost, returnedShipments: returned, lateOrders: lateOrders,
            qualityProblemSKU: batch.skus[qualityProblemSKU].id, openComplaint: "cp-002", overdueRefund: overdueRefund,
            exhaustedCampaign: DemoVocabulary.ztcCampaigns[0].campaign, weakCrossSelling: true)
    }
}
