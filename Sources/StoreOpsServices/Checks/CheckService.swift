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

    /// The findings of `day` (default: yesterday in the store's time zone), grouped by section, most money first.
    public func run(store id: StoreID, day: Day? = nil, settings: CheckSettings = CheckSettings()) async throws -> CheckReport {
        let store = try await storage.requireStore(id)
        let day = day ?? store.timeZone.yesterday(now: clock())
        let input = try await input(store: store, day: day, settings: settings)
        return CheckReport(store: store, day: day, findings: DailyChecks(settings: settings).run(input))
    }

    /// The facts of the checks of `day`.
    public func input(store: Store, day: Day, settings: CheckSettings) async throws -> CheckInput {
        let endOfDay = store.timeZone.instant(day: day.adding(days: 1), hour: 0, minute: 0)
        var input = CheckInput(store: store, day: day, now: min(clock(), endOfDay))
        let window = DayRange(day.adding(days: -(settings.windowDays - 1)), day)!
        let cover = DayRange(day.adding(days: -(settings.coverWindowDays - 1)), day)!
        let recent = DayRange(day.adding(days: -60), day)!
        let zero = Money.zero(store.currency)

        input.adStats = try await storage.read(AdStat.self, store: store.id, days: window)
        input.agentDays = try await storage.read(ServiceAgentDay.self, store: store.id, days: window)
        input.products = try await storage.read(Product.self, store: store.id, days: nil)
        input.skus = try await storage.read(SKU.self, store: store.id, days: nil)
        for cost in try await storage.read(SKUCost.self, store: store.id, days: nil) where cost.effectiveFrom <= day {
            input.unitCosts[cost.skuID] = cost.unitCost  // ordered by key: the latest effective date wins
        }
        input.stock = try await storage.read(InventorySnapshot.self, store: store.id, days: DayRange(day: day))

        // Units and revenue per SKU, and margins per product, from the lines of orders paid in the cover window.
        var revenue: [String: Int64] = [:], cogs: [String: Int64] = [:], uncosted = Set<String>()
        for line in try await storage.read(OrderLine.self, store: store.id, days: cover) {
            let value = line.unitPrice.minor * Int64(line.quantity)
            if let sku = line.skuID {
                input.unitsBySKU[sku, default: 0] += line.quantity
                input.revenueBySKU[sku, default: zero] += Money(minor: value, currency: store.currency)
            }
            guard let product = line.productID else { continue }
            revenue[product, default: 0] += value
            if let sku = line.skuID, let unit = input.unitCosts[sku] { cogs[product, default: 0] += unit.minor * Int64(line.quantity) } else { uncosted.insert(product) }
        }
        for (product, r) in revenue where !uncosted.contains(product) && r > cogs[product, default: 0] {
            input.breakEvenByProduct[product] = Ratio(r, r - cogs[product, default: 0])
        }
        let costedRevenue = revenue.filter { !uncosted.contains($0.key) }.values.reduce(0, +), costedCOGS = cogs.filter { !uncosted.contains($0.key) }.values.reduce(0, +)
        if costedRevenue > costedCOGS { input.storeBreakEven = Ratio(costedRevenue, costedRevenue - costedCOGS) }

        for item in try await storage.read(ItemTrafficDay.self, store: store.id, days: window) {
            input.visitorsByProduct[item.productID, default: 0] += item.visitors
            input.gmvByProduct[item.productID, default: zero] += item.gmv
        }
        input.reviews = try await storage.read(Review.self, store: store.id, days: window)
        input.competitorItems = try await storage.read(CompetitorItem.self, store: store.id, days: nil)
        input.competitorSnapshots = try await storage.read(CompetitorSnapshot.self, store: store.id, days: window)

        let orders = try await storage.read(Order.self, store: store.id, days: recent)
        input.unshippedOrders = orders.filter { $0.status == .paid && $0.shippedAt == nil }
        input.orderAmounts = Dictionary(orders.map { ($0.id, $0.paidAmount) }, uniquingKeysWith: { a, _ in a })
        input.openShipments = try await storage.read(Shipment.self, store: store.id, days: recent).filter { $0.status != .delivered }
        return input
    }
}
