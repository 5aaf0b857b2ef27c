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

    /// The findings of `day` (default: yesterday in the store's time zone), grouped by section, most money first, with
    /// the store's thresholds (or `settings`). With `recordTasks`, the findings also become tasks (`TaskService.sync`).
    public func run(store id: StoreID, day: Day? = nil, settings: CheckSettings? = nil, recordTasks: Bool = false) async throws -> CheckReport {
        let store = try await storage.requireStore(id)
        let day = day ?? store.timeZone.yesterday(now: clock())
        let settings = if let settings { settings } else { try await SettingsService(storage: storage).settings(of: store) }
        let input = try await input(store: store, day: day, settings: settings)
        let reasons = ReturnReasons(refunds: input.refunds, first: day.adding(days: -(settings.afterSalesWindowDays - 1)), last: day,
                                    zone: store.timeZone, currency: store.currency)
        var report = CheckReport(store: store, day: day, findings: DailyChecks(settings: settings).run(input), returnReasons: reasons.total > 0 ? reasons : nil)
        if recordTasks { report.tasks = try await TaskService(storage: storage, clock: clock).sync(report) }
        return report
    }

    /// The facts of the checks of `day`.
    public func input(store: Store, day: Day, settings: CheckSettings) async throws -> CheckInput {
        let endOfDay = store.timeZone.instant(day: day.adding(days: 1), hour: 0, minute: 0)
        var input = CheckInput(store: store, day: day, now: min(clock(), endOfDay))
        try await readCatalog(into: &input, settings)
        try await readSales(into: &input, settings)
        try await readMarketing(into: &input, settings)
        try await readService(into: &input, settings)
        return input
    }

    /// The window of the ads and service judgements.
    func window(_ day: Day, _ settings: CheckSettings) -> DayRange { DayRange(day.adding(days: -(settings.windowDays - 1)), day)! }

    /// Products, SKUs, the unit costs in force, the day's stock and the open purchase orders.
    func readCatalog(into input: inout CheckInput, _ settings: CheckSettings) async throws {
        let (store, day) = (input.store.id, input.day)
        input.products = try await storage.read(Product.self, store: store, days: nil)
        input.skus = try await storage.read(SKU.self, store: store, days: nil)
        for cost in try await storage.read(SKUCost.self, store: store, days: nil) where cost.effectiveFrom <= day {
            input.unitCosts[cost.skuID] = cost.unitCost  // ordered by key: the latest effective date wins
        }
        input.stock = try await storage.read(InventorySnapshot.self, store: store, days: DayRange(day: day))
        input.purchaseOrders = try await storage.read(PurchaseOrder.self, store: store, days: DayRange(day: day)).filter { $0.receivedOn == nil }
    }

    /// Sales per SKU and product over the rules' windows (the daily SKU aggregate), the day's lines, the paid orders
    /// of the last eight days, the open work (orders not shipped, parcels not delivered, with their amounts), refunds
    /// and complaints: each read selects only the rows its rules use. Needs the unit costs (`readCatalog`).
    func readSales(into input: inout CheckInput, _ settings: CheckSettings) async throws {
        let (store, day, currency) = (input.store.id, input.day, input.store.currency)
        let longest = max(settings.coverWindowDays, settings.afterSalesWindowDays, settings.slowMoverDays, 60)
        let recent = DayRange(day.adding(days: -(longest - 1)), day)!
        let coverStart = day.adding(days: -(settings.coverWindowDays - 1)), afterSalesStart = day.adding(days: -(settings.afterSalesWindowDays - 1))
        let slowStart = day.adding(days: -(settings.slowMoverDays - 1))

        var revenue: [String: Int64] = [:], cogs: [String: Int64] = [:], uncosted = Set<String>()
        for sales in try await storage.skuSales(store: store, days: DayRange(coverStart, day)!) {
            if let sku = sales.skuID {
                input.unitsBySKU[sku, default: 0] += sales.units
                input.revenueBySKU[sku, default: .zero(currency)] += sales.revenue
            }
            guard let product = sales.productID else { continue }
            revenue[product, default: 0] += sales.revenue.minor
            if let sku = sales.skuID, let unit = input.unitCosts[sku] { cogs[product, default: 0] += unit.minor * Int64(sales.units) } else { uncosted.insert(product) }
        }
        let afterSales = try await storage.skuSales(store: store, days: DayRange(afterSalesStart, day)!)
        for sales in afterSales {
            if let sku = sales.skuID { input.afterSalesUnitsBySKU[sku, default: 0] += sales.units }
        }
        // The two windows are both 30 days by default: one read then.
        let recentSales = slowStart == afterSalesStart ? afterSales : try await storage.skuSales(store: store, days: DayRange(slowStart, day)!)
        input.recentlySoldSKUs = Set(recentSales.compactMap(\.skuID))
        for (product, r) in revenue where !uncosted.contains(product) && r > cogs[product, default: 0] {
            input.breakEvenByProduct[product] = Ratio(r, r - cogs[product, default: 0])
        }
        let costedRevenue = revenue.filter { !uncosted.contains($0.key) }.values.reduce(0, +)
        let costedCOGS = cogs.filter { !uncosted.contains($0.key) }.values.reduce(0, +)
        if costedRevenue > costedCOGS { input.storeBreakEven = Ratio(costedRevenue, costedRevenue - costedCOGS) }
        input.linesOfDay = try await storage.read(OrderLine.self, store: store, days: DayRange(day: day))

        // The day (big orders, ad share), and on the page-health weekday the week before it too.
        let ordersFrom = day.weekday == settings.pageHealthWeekday ? day.adding(days: -7) : day
        input.paidOrders = try await storage.read(Order.self, store: store, days: DayRange(ordersFrom, day)!).filter { $0.paidDay != nil }
        input.openComplaints = try await storage.read(Complaint.self, store: store, days: nil).filter { !$0.resolved }
        let work = try await storage.openOrderWork(store: store, days: DayRange(day.adding(days: -60), day)!,
                                                   amountsOf: input.openComplaints.compactMap(\.orderID))
        input.unshippedOrders = work.unshipped.filter { ($0.paidDay ?? day) >= recent.first }
        input.openShipments = work.parcels
        input.orderAmounts = work.amounts
        // Refunds completed in the after-sales window or still open (the table's day filter).
        input.refunds = try await storage.read(Refund.self, store: store, days: DayRange(afterSalesStart, day)!)
    }

    /// Ads of the window and the four weeks before, the day's budgets, item and store traffic, competitors and
    /// search ranks.
    func readMarketing(into input: inout CheckInput, _ settings: CheckSettings) async throws {
        let (store, day, currency) = (input.store.id, input.day, input.store.currency)
        let window = window(day, settings)
        let ads = try await storage.read(AdStat.self, store: store, days: DayRange(window.first.adding(days: -28), day)!)
        input.adStats = ads.filter { $0.day >= window.first }
        input.adBaseline = ads.filter { $0.day < window.first }
        input.adBudgets = try await storage.read(AdBudgetDay.self, store: store, days: DayRange(day: day))
        for item in try await storage.read(ItemTrafficDay.self, store: store, days: window) {
            input.visitorsByProduct[item.productID, default: 0] += item.visitors
            input.gmvByProduct[item.productID, default: .zero(currency)] += item.gmv
        }
        if day.weekday == settings.pageHealthWeekday {
            let week = DayRange(day.adding(days: -7), day.adding(days: -1))!
            input.pageWeekTraffic = try await storage.read(TrafficDay.self, store: store, days: week)
            input.pageWeekItems = try await storage.read(ItemTrafficDay.self, store: store, days: week)
        }
        input.competitorItems = try await storage.read(CompetitorItem.self, store: store, days: nil)
        input.competitorSnapshots = try await storage.read(CompetitorSnapshot.self, store: store, days: window)
        input.keywordRanks = try await storage.read(KeywordRank.self, store: store, days: DayRange(day.adding(days: -1), day)!)
    }

    /// Customer-service days, reviews and DSR scores.
    func readService(into input: inout CheckInput, _ settings: CheckSettings) async throws {
        let (store, day) = (input.store.id, input.day)
        let window = window(day, settings)
        input.agentDays = try await storage.read(ServiceAgentDay.self, store: store, days: window)
        input.reviews = try await storage.read(Review.self, store: store, days: window)
        input.dsrScores = try await storage.read(DSRScore.self, store: store, days: DayRange(day.adding(days: -settings.windowDays), day)!)
    }
}
