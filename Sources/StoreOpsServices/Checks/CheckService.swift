import StoreOpsCore
import StoreOpsReports
import StoreOpsStorage

/// The morning checks of a store's day: gathers the facts the rules read (a window of ads and service days, the
/// day's stock, the cover window's order lines, open orders and parcels, reviews, competitors) and runs them.
public struct CheckService: Sendable {
    let storage: any StoreOpsStore
    let clock: @Sendable () -> Instant

    public init(storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant) {
        self.storage = storage
        self.clock = clock
    }

    /// The service as `context`'s user: every read and write limited to what their grants reach.
    public init(_ context: AccessContext, clock: @escaping @Sendable () -> Instant) {
        self.init(storage: context.storage, clock: clock)
    }

    /// The findings of `day` (default: yesterday in the store's time zone), grouped by section, most money first, with
    /// the store's thresholds (or `settings`). With `recordTasks`, the findings also become tasks (`TaskService.sync`).
    public func run(store id: StoreID, day: Day? = nil, settings: CheckSettings? = nil, recordTasks: Bool = false) async throws -> CheckReport {
        let store = try await storage.requireStore(id)
        let day = day ?? store.timeZone.yesterday(now: clock())
        let (settings, input) = try await facts(store: store, day: day, settings: settings)
        var report = CheckService.report(input, settings: settings)
        if recordTasks { report.tasks = try await TaskService(storage: storage, clock: clock).sync(report) }
        return report
    }

    /// The thresholds (`settings`, or the store's) and the facts of the checks of `day`.
    public func facts(store: Store, day: Day, settings: CheckSettings? = nil) async throws -> (CheckSettings, CheckInput) {
        let settings = if let settings { settings } else { try await SettingsService(storage: storage).settings(of: store) }
        return (settings, try await input(store: store, day: day, settings: settings))
    }

    /// The findings of the facts in `input` under `settings`, with the after-sales window's return reasons.
    public static func report(_ input: CheckInput, settings: CheckSettings) -> CheckReport {
        let reasons = ReturnReasons(refunds: input.refunds, first: input.day.adding(days: -(settings.afterSalesWindowDays - 1)), last: input.day,
                                    zone: input.store.timeZone, currency: input.store.currency)
        let findings = DailyChecks(settings: settings).run(input)
        var report = CheckReport(store: input.store, day: input.day, findings: findings, returnReasons: reasons.total > 0 ? reasons : nil)
        report.notRun = CheckGap.of(missing: input.missing)
        report.keywords = KeywordCheck().verdicts(input, settings)
        report.keywordWindow = DayRange(input.day.adding(days: -(settings.windowDays - 1)), input.day)
        return report
    }

    /// The facts of the checks of `day`. The four groups of reads run concurrently (and the independent reads inside
    /// each group too); each group returns the fields it read, applied in order (the sales use the catalog's unit costs).
    public func input(store: Store, day: Day, settings: CheckSettings) async throws -> CheckInput {
        let endOfDay = store.timeZone.end(of: day)
        var input = CheckInput(store: store, day: day, now: min(clock(), endOfDay))
        async let catalog = readCatalog(store, day, settings)
        async let sales = readSales(store, day, settings)
        async let marketing = readMarketing(store, day, settings)
        async let service = readService(store, day, settings)
        async let present = storage.tablesWithRows(store: store.id)
        for fill in try await [catalog, sales, marketing, service] { fill(&input) }
        input.missing = Self.missing(tables: try await present, input: input)
        return input
    }

    /// The storage tables whose rows mean the store has brought in each kind of facts.
    static func tables(of data: CheckData) -> [String] {
        switch data {
        case .orders: ["orders"]
        case .orderLines: ["order_lines"]
        case .refunds: ["refunds"]
        case .tracking: ["logistics_events"]
        case .complaints: ["complaints"]
        case .stock: ["inventory_snapshots"]
        case .purchaseOrders: ["purchase_orders"]
        case .products: ["products"]
        case .storeTraffic: ["traffic_days"]
        case .itemTraffic: ["item_traffic"]
        case .ads: ["ad_stats"]
        case .adBudgets: ["ad_budgets"]
        case .serviceAgents: ["service_agent_days"]
        case .reviews: ["reviews"]
        case .scores: ["dsr_scores"]
        case .competitors: ["competitor_items"]
        case .ranks: ["keyword_ranks"]
        }
    }

    /// The kinds of facts the store has never brought in (none of their tables has a row), and stock when no count
    /// is recent enough for the day.
    static func missing(tables present: Set<String>, input: CheckInput) -> Set<CheckData> {
        var missing = Set(CheckData.allCases.filter { data in !tables(of: data).contains(where: present.contains) })
        if input.stock.isEmpty { missing.insert(.stock) }
        return missing
    }

    /// What a group of reads sets in the input.
    typealias Fill = @Sendable (inout CheckInput) -> Void

    /// The window of the ads and service judgements.
    func window(_ day: Day, _ settings: CheckSettings) -> DayRange { DayRange(day.adding(days: -(settings.windowDays - 1)), day)! }

    /// Products, SKUs, the unit costs in force, each SKU's latest stock count and the open purchase orders.
    func readCatalog(_ store: Store, _ day: Day, _ settings: CheckSettings) async throws -> Fill {
        let id = store.id
        async let products = storage.read(Product.self, store: id, days: nil)
        async let skus = storage.read(SKU.self, store: id, days: nil)
        async let costs = storage.read(SKUCost.self, store: id, days: nil)
        // Each SKU's latest count from the oldest one still used up to the next morning's.
        let countDays = DayRange(day.adding(days: -settings.stockCountMaxAgeDays), day.adding(days: 1))!
        async let counts = storage.latestStockCounts(store: id, days: countDays)
        async let purchaseOrders = storage.read(PurchaseOrder.self, store: id, days: DayRange(day: day))
        async let settingRows = storage.read(SKUSetting.self, store: id, days: nil)
        var unitCosts: [String: Money] = [:]
        for cost in try await costs where cost.effectiveFrom <= day {
            unitCosts[cost.skuID] = cost.unitCost  // ordered by key: the latest effective date wins
        }
        let stock = try await counts
        let (p, s, po) = try await (products, skus, purchaseOrders.filter { $0.receivedOn == nil })
        let skuSettings = Dictionary(try await settingRows.map { ($0.skuID, $0) }, uniquingKeysWith: { a, _ in a })
        return { [unitCosts] input in
            input.products = p
            input.skus = s
            input.unitCosts = unitCosts
            input.stock = stock
            input.purchaseOrders = po
            input.skuSettings = skuSettings
        }
    }

    /// Sales per SKU and product over the rules' windows (the daily SKU aggregate), the day's lines, the paid orders
    /// of the last eight days, the open work (orders not shipped, parcels not delivered, with their amounts), refunds
    /// and complaints: each read selects only the rows its rules use. The break-even ROAS needs the unit costs, so
    /// its fill runs after the catalog's.
    func readSales(_ store: Store, _ day: Day, _ settings: CheckSettings) async throws -> Fill {
        let (id, currency) = (store.id, store.currency)
        let longest = max(settings.coverWindowDays, settings.afterSalesWindowDays, settings.slowMoverDays, 60)
        let recent = DayRange(day.adding(days: -(longest - 1)), day)!
        let coverStart = day.adding(days: -(settings.coverWindowDays - 1)), afterSalesStart = day.adding(days: -(settings.afterSalesWindowDays - 1))
        let slowStart = day.adding(days: -(settings.slowMoverDays - 1))
        // The day (big orders, ad share), and on the page-health weekday the week before it too.
        let ordersFrom = day.weekday == settings.pageHealthWeekday ? day.adding(days: -7) : day

        async let coverSales = storage.skuSales(store: id, days: DayRange(coverStart, day)!)
        async let afterSalesRead = storage.skuSales(store: id, days: DayRange(afterSalesStart, day)!)
        // The two windows are both 30 days by default: one read then.
        async let slowSales = slowStart == afterSalesStart ? [] : storage.skuSales(store: id, days: DayRange(slowStart, day)!)
        async let linesOfDay = storage.read(OrderLine.self, store: id, days: DayRange(day: day))
        async let paidOrders = storage.read(Order.self, store: id, days: DayRange(ordersFrom, day)!)
        // Refunds completed in the after-sales window or still open (the table's day filter).
        async let refunds = storage.read(Refund.self, store: id, days: DayRange(afterSalesStart, day)!)
        let openComplaints = try await storage.read(Complaint.self, store: id, days: nil).filter { !$0.resolved }
        async let work = storage.openOrderWork(store: id, days: DayRange(day.adding(days: -60), day)!, amountsOf: openComplaints.compactMap(\.orderID))

        var unitsBySKU: [String: Int] = [:], revenueBySKU: [String: Money] = [:], afterSalesUnitsBySKU: [String: Int] = [:]
        var revenue: [String: Int64] = [:], unitsByProductSKU: [String: [String: Int]] = [:], uncosted = Set<String>()
        for sales in try await coverSales {
            if let sku = sales.skuID {
                unitsBySKU[sku, default: 0] += sales.units
                revenueBySKU[sku, default: .zero(currency)] += sales.revenue
            }
            guard let product = sales.productID else { continue }
            revenue.add(sales.revenue.minor, to: product, unknown: &uncosted)
            if let sku = sales.skuID { unitsByProductSKU[product, default: [:]][sku, default: 0] += sales.units } else { uncosted.insert(product) }
        }
        let afterSales = try await afterSalesRead
        var gmvByProduct: [String: Int64] = [:], productOfSKU: [String: String] = [:], unsummed = Set<String>()
        for sales in afterSales {
            if let sku = sales.skuID { afterSalesUnitsBySKU[sku, default: 0] += sales.units }
            // A line without an item id counts as an item of its own SKU (Taobao's item export has no item id).
            guard let item = sales.productID ?? sales.skuID else { continue }
            gmvByProduct.add(sales.revenue.minor, to: item, unknown: &unsummed)
            if let sku = sales.skuID { productOfSKU[sku] = item }
        }
        let heroesBySales = HeroItems.covering(settings.heroGMVShare, of: gmvByProduct)
        let recentlySold = Set((slowStart == afterSalesStart ? afterSales : try await slowSales).compactMap(\.skuID))
        let (lines, orders, openRefunds, openWork) = try await (linesOfDay, paidOrders.filter { $0.paidDay != nil }, refunds, work)
        let unshipped = openWork.unshipped.filter { ($0.paidDay ?? day) >= recent.first }

        return { [unitsBySKU, revenueBySKU, afterSalesUnitsBySKU, revenue, unitsByProductSKU, uncosted,
                  productOfSKU] input in
            input.unitsBySKU = unitsBySKU
            input.heroesBySales = heroesBySales
            input.productOfSKU = productOfSKU
            input.revenueBySKU = revenueBySKU
            input.afterSalesUnitsBySKU = afterSalesUnitsBySKU
            input.recentlySoldSKUs = recentlySold
            // Break-even ROAS per product and for the store, over the products whose every SKU has a unit cost.
            var cogs: [String: Int64] = [:], uncosted = uncosted
            for (product, units) in unitsByProductSKU {
                for (sku, n) in units {
                    if let unit = input.unitCosts[sku] {
                        cogs.add(unit.minor.times(Int64(n)), to: product, unknown: &uncosted)
                    } else {
                        uncosted.insert(product)
                    }
                }
            }
            for (product, r) in revenue where !uncosted.contains(product) && r > cogs[product, default: 0] {
                input.breakEvenByProduct[product] = Ratio(r, r - cogs[product, default: 0])
            }
            let costedRevenue = revenue.filter { !uncosted.contains($0.key) }.values.reduce(Int64(0)) { $0?.plus($1) }
            let costedCOGS = cogs.filter { !uncosted.contains($0.key) }.values.reduce(Int64(0)) { $0?.plus($1) }
            if let costedRevenue, let costedCOGS, costedRevenue > costedCOGS {
                input.storeBreakEven = Ratio(costedRevenue, costedRevenue - costedCOGS)
            }
            input.linesOfDay = lines
            input.paidOrders = orders
            input.openComplaints = openComplaints
            input.unshippedOrders = unshipped
            input.openShipments = openWork.parcels
            input.orderAmounts = openWork.amounts
            input.refunds = openRefunds
        }
    }

    /// Ads of the window and the four weeks before, the day's budgets, item and store traffic, competitors and
    /// search ranks.
    func readMarketing(_ store: Store, _ day: Day, _ settings: CheckSettings) async throws -> Fill {
        let (id, currency) = (store.id, store.currency)
        let window = window(day, settings)
        let pageHealthDay = day.weekday == settings.pageHealthWeekday
        let week = DayRange(day.adding(days: -7), day.adding(days: -1))!
        async let adsRead = storage.read(AdStat.self, store: id, days: DayRange(window.first.adding(days: -28), day)!)
        async let adBudgets = storage.read(AdBudgetDay.self, store: id, days: DayRange(day: day))
        async let items = storage.read(ItemTrafficDay.self, store: id, days: window)
        async let pageWeekTraffic = pageHealthDay ? storage.read(TrafficDay.self, store: id, days: week) : []
        async let pageWeekItems = pageHealthDay ? storage.read(ItemTrafficDay.self, store: id, days: week) : []
        async let competitorItems = storage.read(CompetitorItem.self, store: id, days: nil)
        async let competitorSnapshots = storage.read(CompetitorSnapshot.self, store: id, days: window)
        async let keywordRanks = storage.read(KeywordRank.self, store: id, days: DayRange(day.adding(days: -1), day)!)

        var visitorsByProduct: [String: Int] = [:], gmvByProduct: [String: Money] = [:]
        for item in try await items {
            visitorsByProduct[item.productID, default: 0] += item.visitors
            gmvByProduct[item.productID, default: .zero(currency)] += item.gmv
        }
        let ads = try await adsRead
        let (budgets, traffic, weekItems, competitors, snapshots, ranks) =
            try await (adBudgets, pageWeekTraffic, pageWeekItems, competitorItems, competitorSnapshots, keywordRanks)
        return { [visitorsByProduct, gmvByProduct] input in
            input.adStats = ads.filter { $0.day >= window.first }
            input.adBaseline = ads.filter { $0.day < window.first }
            input.adBudgets = budgets
            input.visitorsByProduct = visitorsByProduct
            input.gmvByProduct = gmvByProduct
            input.pageWeekTraffic = traffic
            input.pageWeekItems = weekItems
            input.competitorItems = competitors
            input.competitorSnapshots = snapshots
            input.keywordRanks = ranks
        }
    }

    /// Customer-service days, reviews and DSR scores.
    func readService(_ store: Store, _ day: Day, _ settings: CheckSettings) async throws -> Fill {
        let window = window(day, settings)
        async let agentDays = storage.read(ServiceAgentDay.self, store: store.id, days: window)
        async let reviews = storage.read(Review.self, store: store.id, days: window)
        async let dsrScores = storage.read(DSRScore.self, store: store.id, days: DayRange(day.adding(days: -settings.windowDays), day)!)
        let (agents, r, dsr) = try await (agentDays, reviews, dsrScores)
        return { input in
            input.agentDays = agents
            input.reviews = r
            input.dsrScores = dsr
        }
    }
}
