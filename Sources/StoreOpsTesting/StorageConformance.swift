import StoreOpsCore
import StoreOpsStorage
import Testing

/// The behaviour every `StoreOpsStore` implementation must have. A backend's test target runs every case with
/// a factory that gives a fresh, empty store each time:
///
///     @Test(arguments: StorageConformance.Case.allCases)
///     func conformance(_ check: StorageConformance.Case) async throws {
///         try await StorageConformance.run(check) { try SQLiteStore() }
///     }
public enum StorageConformance {
    public enum Case: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case storesRoundTrip, everyKindRoundTrips, masterTableAggregates, noDataIsNotZero, reimportChangesNothing,
             upsertMovesAggregates, refundChangesMoveAggregates, costChangeRefreshesCOGS, foreignStoreRowRollsBack, rangeReads, storesAreIsolated,
             removeFactsKeepsStore, costSettingsRoundTrip, shippingRules, newDaysSumAsCounted, linesWrittenLater,
             purchasesOfPaidOrdersWithBuyers, firstPurchasesAreNewBuyers, tablesWithRowsOfTheStore, revisionsFollowWrites,
             notifyChannelsAndDeliveries, schedulesAndRuns, keptReports

        public var testDescription: String { rawValue }
    }

    /// Runs one case against a fresh store from `make`.
    public static func run(_ check: Case, make: @Sendable () async throws -> any StoreOpsStore) async throws {
        let storage = try await make()
        switch check {
        case .storesRoundTrip: try await storesRoundTrip(storage)
        case .everyKindRoundTrips: try await everyKindRoundTrips(storage)
        case .masterTableAggregates: try await masterTableAggregates(storage)
        case .noDataIsNotZero: try await noDataIsNotZero(storage)
        case .reimportChangesNothing: try await reimportChangesNothing(storage)
        case .upsertMovesAggregates: try await upsertMovesAggregates(storage)
        case .refundChangesMoveAggregates: try await refundChangesMoveAggregates(storage)
        case .costChangeRefreshesCOGS: try await costChangeRefreshesCOGS(storage)
        case .foreignStoreRowRollsBack: try await foreignStoreRowRollsBack(storage)
        case .rangeReads: try await rangeReads(storage)
        case .storesAreIsolated: try await storesAreIsolated(storage)
        case .removeFactsKeepsStore: try await removeFactsKeepsStore(storage)
        case .costSettingsRoundTrip: try await costSettingsRoundTrip(storage)
        case .shippingRules: try await shippingRules(storage)
        case .newDaysSumAsCounted: try await newDaysSumAsCounted(storage)
        case .linesWrittenLater: try await linesWrittenLater(storage)
        case .purchasesOfPaidOrdersWithBuyers: try await purchasesOfPaidOrdersWithBuyers(storage)
        case .firstPurchasesAreNewBuyers: try await firstPurchasesAreNewBuyers(storage)
        case .tablesWithRowsOfTheStore: try await tablesWithRowsOfTheStore(storage)
        case .revisionsFollowWrites: try await revisionsFollowWrites(storage)
        case .notifyChannelsAndDeliveries: try await notifyChannelsAndDeliveries(storage)
        case .schedulesAndRuns: try await schedulesAndRuns(storage)
        case .keptReports: try await keptReports(storage)
        }
    }

    static let y = Fixtures.yuan

    /// Saves the fixture store with its facts and costs.
    /// A store's revision grows with every write to its data and with nothing else; another store's stays.
    static func revisionsFollowWrites(_ storage: any StoreOpsStore) async throws {
        try await seeded(storage)
        let s = Fixtures.storeID, other = Store(id: "other", name: "别家", platform: .jd)
        try await storage.saveStore(other)
        let start = try await storage.revision(of: s), otherStart = try await storage.revision(of: other.id)
        _ = try await storage.masterTable(store: s, days: DayRange(day: Fixtures.d0))
        _ = try await storage.read(Order.self, store: s, days: nil)
        #expect(try await storage.revision(of: s) == start, "reads change nothing")
        var batch = FactBatch()
        batch.tasks = [OpsTask(store: s, id: "T9", title: "t", detail: "", role: .operator, due: Fixtures.d1, status: .open,
                               createdAt: Fixtures.at(Fixtures.d0, 9))]
        try await storage.write(batch, to: s)
        #expect(try await storage.revision(of: s) == start + 1)
        try await storage.saveCostSettings(CostSettings(store: s, commissionPPM: 10_000))
        try await storage.removeTargets(store: s, [(.month, Fixtures.d0)])
        try await storage.saveStore(Fixtures.store)
        #expect(try await storage.revision(of: s) == start + 4)
        // A write that fails changes nothing.
        var foreign = FactBatch()
        foreign.orders = [Fixtures.order("F", buyer: "x", paid: Fixtures.at(Fixtures.d0, 9), amount: 1, units: 1, store: other.id)]
        await #expect(throws: StorageError.self) { try await storage.write(foreign, to: s) }
        #expect(try await storage.revision(of: s) == start + 4)
        #expect(try await storage.revision(of: other.id) == otherStart)
        await #expect(throws: StorageError.self) { _ = try await storage.revision(of: "missing") }
    }

    static func seeded(_ storage: any StoreOpsStore) async throws {
        try await storage.saveStore(Fixtures.store)
        try await storage.saveCostSettings(Fixtures.costs)
        try await storage.write(Fixtures.batch(), to: Fixtures.storeID)
    }

    static func row(_ storage: any StoreOpsStore, _ day: Day) async throws -> MasterTableRow {
        try #require(try await storage.masterTable(store: Fixtures.storeID, days: DayRange(day: day)).first)
    }

    static func storesRoundTrip(_ storage: any StoreOpsStore) async throws {
        #expect(try await storage.stores().isEmpty)
        #expect(try await storage.schemaVersion() == Migration.all.last?.version)
        let toronto = Store(id: "maple", name: "Maple Goods", platform: .shopify, currency: Currency("CAD"), timeZone: StoreTimeZone("America/Toronto")!)
        try await storage.saveStore(Fixtures.store)
        try await storage.saveStore(toronto)
        #expect(try await storage.stores() == [toronto, Fixtures.store])
        var renamed = Fixtures.store
        renamed.name = "测试店2"
        try await storage.saveStore(renamed)
        #expect(try await storage.store(Fixtures.storeID) == renamed)
        #expect(try await storage.store("missing") == nil)
        await #expect(throws: StorageError.self) { try await storage.requireStore("missing") }
    }

    static func everyKindRoundTrips(_ storage: any StoreOpsStore) async throws {
        try await seeded(storage)
        let b = Fixtures.batch()
        let s = Fixtures.storeID
        func sorted<T>(_ rows: [T], _ key: (T) -> String) -> [T] { rows.sorted { key($0) < key($1) } }
        #expect(try await storage.read(Product.self, store: s, days: nil) == b.products)
        #expect(try await storage.read(SKU.self, store: s, days: nil) == b.skus)
        #expect(try await storage.read(SKUCost.self, store: s, days: nil) == b.skuCosts)
        #expect(try await storage.read(Order.self, store: s, days: nil) == b.orders)
        #expect(try await storage.read(OrderLine.self, store: s, days: nil) == b.orderLines)
        #expect(try await storage.read(Refund.self, store: s, days: nil) == b.refunds)
        #expect(try await storage.read(Shipment.self, store: s, days: nil) == b.shipments)
        #expect(try await storage.read(LogisticsEvent.self, store: s, days: nil) == b.logisticsEvents)
        #expect(try await storage.read(Complaint.self, store: s, days: nil) == b.complaints)
        #expect(try await storage.read(AffiliateCommission.self, store: s, days: nil) == b.affiliateCommissions)
        #expect(try await storage.read(LiveSession.self, store: s, days: nil) == b.liveSessions)
        #expect(try await storage.read(TrafficDay.self, store: s, days: nil) == b.trafficDays)
        #expect(try await storage.read(TrafficSourceDay.self, store: s, days: nil) == sorted(b.trafficSources) { $0.source })
        #expect(try await storage.read(ItemTrafficDay.self, store: s, days: nil) == b.itemTraffic)
        #expect(Set(try await storage.read(AdStat.self, store: s, days: nil)) == Set(b.adStats))
        #expect(try await storage.read(AdBudgetDay.self, store: s, days: nil) == b.adBudgets)
        #expect(try await storage.read(Review.self, store: s, days: nil) == b.reviews)
        #expect(try await storage.read(DSRScore.self, store: s, days: nil) == b.dsrScores)
        #expect(try await storage.read(InventorySnapshot.self, store: s, days: nil) == b.inventory)
        #expect(try await storage.read(PurchaseOrder.self, store: s, days: nil) == b.purchaseOrders)
        #expect(try await storage.read(SKUSetting.self, store: s, days: nil) == b.skuSettings)
        #expect(try await storage.read(Competitor.self, store: s, days: nil) == b.competitors)
        #expect(try await storage.read(CompetitorItem.self, store: s, days: nil) == b.competitorItems)
        #expect(try await storage.read(CompetitorSnapshot.self, store: s, days: nil) == b.competitorSnapshots)
        #expect(try await storage.read(KeywordRank.self, store: s, days: nil) == b.keywordRanks)
        #expect(try await storage.read(ServiceAgentDay.self, store: s, days: nil) == b.serviceAgentDays)
        #expect(try await storage.read(Target.self, store: s, days: nil) == b.targets)
        #expect(try await storage.read(Activity.self, store: s, days: nil) == b.activities)
        #expect(try await storage.read(OpsTask.self, store: s, days: nil) == b.tasks)
        #expect(Set(try await storage.read(Person.self, store: s, days: nil)) == Set(b.people))
        #expect(try await storage.read(PersonGoal.self, store: s, days: nil) == b.personGoals)
        #expect(try await storage.read(KPIRule.self, store: s, days: nil) == b.kpiRules)
    }

    static func masterTableAggregates(_ storage: any StoreOpsStore) async throws {
        try await seeded(storage)
        let r0 = try await row(storage, Fixtures.d0)
        #expect(r0[.gmv] == .money(y(25_000)))
        #expect(r0[.paidOrders] == .count(3))
        #expect(r0[.buyers] == .count(2))
        #expect(r0[.units] == .count(4))
        #expect(r0[.visitors] == .count(100))
        #expect(r0[.pageViews] == .count(250))
        #expect(r0[.conversionRate] == .rate(Ratio(2, 100)))
        #expect(r0[.aov] == .money(y(12_500)))
        #expect(r0[.uvValue] == .money(y(250)))
        #expect(r0[.bounceRate] == .rate(Ratio(40, 100)))
        #expect(r0[.visitDepth] == .rate(Ratio(250, 100)))
        #expect(r0[.adSpendZtc] == .money(y(4_000)))
        #expect(r0[.adSpendDisplay] == .money(y(2_000)))
        #expect(r0[.adSpendFeed] == .money(y(0)))
        #expect(r0[.adSpendTotal] == .money(y(6_000)))
        #expect(r0[.adShare] == .rate(Ratio(6_000, 25_000)))
        #expect(r0[.roasZtc] == .rate(Ratio(9_000, 4_000)))
        #expect(r0[.roas] == .rate(Ratio(12_000, 6_000)))
        #expect(r0[.affiliateCommission] == .money(y(800)))
        #expect(r0[.liveViewers] == .count(150))
        #expect(r0[.liveGMV] == .money(y(5_000)))
        #expect(r0[.cogs] == .money(y(12_000)))
        #expect(r0.costMissingUnits == 1)
        #expect(r0.costMissingValue == y(6_000))
        #expect(r0[.shippingCost] == .money(y(1_500)))
        #expect(r0[.platformFees] == .money(y(650)))
        #expect(r0[.grossProfit] == .money(y(10_850)))
        #expect(r0[.netProfit] == .money(y(3_050)))
        #expect(r0[.breakEvenROAS] == .rate(Ratio(25_000, 10_850)), "250.00 / 108.50")
        #expect(r0[.refundAmount] == .money(y(0)))
        #expect(r0[.refundAmountByOrderDay] == .money(y(14_000)))
        #expect(r0[.refundOrders] == .count(0))
        #expect(r0[.refundRate] == .rate(Ratio(0, 25_000)))
        #expect(r0[.dsrDescription] == .score(48_100))
        #expect(r0[.dsrDescriptionChange] == .score(100))
        #expect(r0[.dsrServiceChange] == .score(-100))
        #expect(r0[.dsrLogisticsChange] == .score(0))

        let r1 = try await row(storage, Fixtures.d1)
        #expect(r1[.gmv] == .money(y(25_000)))
        #expect(r1[.paidOrders] == .count(2))
        #expect(r1[.buyers] == .count(2))
        #expect(r1[.units] == .count(3))
        #expect(r1[.cogs] == .money(y(13_500)))
        #expect(r1.costMissingUnits == 0)
        #expect(r1[.refundAmount] == .money(y(6_000)))
        #expect(r1[.refundOrders] == .count(1))
        #expect(r1[.grossProfit] == .money(y(9_850)))
        #expect(r1[.netProfit] == .money(y(2_850)))
    }

    static func noDataIsNotZero(_ storage: any StoreOpsStore) async throws {
        try await seeded(storage)
        let r1 = try await row(storage, Fixtures.d1)
        #expect(r1[.visitors] == .noData, "no traffic export covers d1")
        #expect(r1[.conversionRate] == .noData)
        #expect(r1[.adSpendTotal] == .noData, "ads data covers d0 only")
        #expect(r1[.liveViewers] == .noData)
        #expect(r1[.dsrDescription] == .noData)
        let r2 = try await row(storage, Fixtures.d2)
        #expect(r2[.gmv] == .noData, "no order covers d2")
        #expect(r2[.refundAmount] == .money(y(8_000)), "refund data covers d2")
        #expect(r2[.refundRate] == .noData, "no GMV to divide by")
        let before = try await row(storage, Fixtures.dBefore)
        #expect(before[.gmv] == .noData)
        #expect(before[.dsrDescription] == .score(48_000))
        #expect(before[.dsrDescriptionChange] == .noData)
    }

    static func reimportChangesNothing(_ storage: any StoreOpsStore) async throws {
        try await seeded(storage)
        let days = DayRange(Fixtures.dBefore, Fixtures.d2)!
        let first = try await storage.masterTable(store: Fixtures.storeID, days: days)
        let orders = try await storage.read(Order.self, store: Fixtures.storeID, days: nil)
        try await storage.write(Fixtures.batch(), to: Fixtures.storeID)
        #expect(try await storage.masterTable(store: Fixtures.storeID, days: days) == first)
        #expect(try await storage.read(Order.self, store: Fixtures.storeID, days: nil) == orders)
    }

    static func upsertMovesAggregates(_ storage: any StoreOpsStore) async throws {
        try await seeded(storage)
        // O3 (20.00, buyer u1) turns out to have been paid on d1 at a new amount: d0 and d1 must both follow.
        var batch = FactBatch()
        var moved = Fixtures.batch().orders.first { $0.id == "O3" }!
        moved.paidAt = Fixtures.at(Fixtures.d1, 12)
        moved.paidDay = Fixtures.d1
        moved.paidAmount = y(3_000)
        batch.orders = [moved]
        let summary = try await storage.write(batch, to: Fixtures.storeID)
        #expect(summary.daysRefreshed.contains(Fixtures.d0) && summary.daysRefreshed.contains(Fixtures.d1))
        let r0 = try await row(storage, Fixtures.d0)
        let r1 = try await row(storage, Fixtures.d1)
        #expect(r0[.gmv] == .money(y(23_000)))
        #expect(r0[.paidOrders] == .count(2))
        #expect(r0[.cogs] == .money(y(8_000)), "two S1 units at 40.00 remain on d0")
        #expect(r1[.gmv] == .money(y(28_000)))
        #expect(r1[.buyers] == .count(3))
        #expect(r1[.cogs] == .money(y(18_000)), "four S1 units at 45.00 on d1")
    }

    static func refundChangesMoveAggregates(_ storage: any StoreOpsStore) async throws {
        try await seeded(storage)
        func refunds(_ day: Day) async throws -> (completed: MetricValue, byOrderDay: MetricValue) {
            let r = try await row(storage, day)
            return (r[.refundAmount], r[.refundAmountByOrderDay])
        }
        func write(_ refund: Refund) async throws {
            var batch = FactBatch()
            batch.refunds = [refund]
            try await storage.write(batch, to: Fixtures.storeID)
        }
        // A later write adds a refund of O5 (paid d1, written before), completed on d2: the completion day and the
        // order's paid day both follow.
        var r4 = Refund(store: Fixtures.storeID, id: "R4", orderID: "O5", skuID: "S1", kind: .refundOnly, status: .completed, reason: "少件",
                        amount: y(3_000), requestedAt: Fixtures.at(Fixtures.d1, 9), completedAt: Fixtures.at(Fixtures.d2, 9), completedDay: Fixtures.d2,
                        returnedToStock: false)
        try await write(r4)
        #expect(try await refunds(Fixtures.d2).completed == .money(y(11_000)), "R3 80.00 + R4 30.00")
        #expect(try await refunds(Fixtures.d1).byOrderDay == .money(y(3_000)), "R4 by its order's paid day")
        #expect(try await refunds(Fixtures.d0).byOrderDay == .money(y(14_000)))
        // It turns out to have been completed on d1: d2 loses it.
        r4.completedAt = Fixtures.at(Fixtures.d1, 18)
        r4.completedDay = Fixtures.d1
        try await write(r4)
        #expect(try await refunds(Fixtures.d2).completed == .money(y(8_000)))
        #expect(try await refunds(Fixtures.d1).completed == .money(y(9_000)), "R1 60.00 + R4 30.00")
        // And to belong to O3 (paid d0): the by-order-day view moves from d1 to d0.
        r4.orderID = "O3"
        try await write(r4)
        #expect(try await refunds(Fixtures.d1).byOrderDay == .money(y(0)))
        #expect(try await refunds(Fixtures.d0).byOrderDay == .money(y(17_000)), "R1 60.00 + R3 80.00 + R4 30.00")
    }

    /// Batches written as one write.
    struct Batches: FactBatchSource {
        let batches: [FactBatch]
        func forEachBatch(_ body: (FactBatch) throws -> Void) throws { for batch in batches { try body(batch) } }
    }

    /// The sales of days new to the store (which SQLite sums as it writes the orders) equal what the orders count,
    /// whatever the write does to them: an order twice in one batch, one moved to another day or back to unpaid by a
    /// later batch, buyer ids in pseudonym form and not (two spellings of é are two ids, as in the database), and an
    /// order written onto a day the store had sales on and then moved away, which leaves that day as it was.
    static func newDaysSumAsCounted(_ storage: any StoreOpsStore) async throws {
        try await storage.saveStore(Fixtures.store)
        let d = (0..<6).map { Fixtures.d0.adding(days: $0) }
        func pseudonym(_ n: Int) -> String { "b" + String(String(repeating: "0", count: 32) + String(n, radix: 16)).suffix(32) }
        func order(_ id: String, _ buyer: String, _ day: Day?, _ amount: Int64) -> Order {
            Fixtures.order(id, buyer: buyer, paid: day.map { Fixtures.at($0, 10) }, amount: amount, units: 1)
        }
        var before = FactBatch()
        before.orders = [order("P", pseudonym(1), d[5], 1_000)]
        try await storage.write(before, to: Fixtures.storeID)

        var first = FactBatch(), second = FactBatch()
        first.orders = [
            order("A", pseudonym(1), d[0], 2_000),
            order("B", pseudonym(2), d[1], 3_000), order("B", pseudonym(2), d[1], 3_500),
            order("C", "张三", d[2], 100), order("D", "e\u{301}", d[2], 200), order("E", "\u{e9}", d[2], 300), order("F", "张三", d[2], 400),
            order("G", pseudonym(3), d[3], 500),
            order("X", pseudonym(4), d[5], 600),
            order("H", pseudonym(0xabcdef), d[4], 700),
        ]
        second.orders = [order("A", pseudonym(3), d[1], 2_100), order("G", pseudonym(3), nil, 500), order("X", pseudonym(4), d[4], 650)]
        let summary = try await storage.write(Batches(batches: [first, second]), to: Fixtures.storeID)
        #expect(Set(d).isSubset(of: Set(summary.daysRefreshed)))

        func sales(_ day: Day) async throws -> [MetricValue] {
            let r = try await row(storage, day)
            return [r[.gmv], r[.paidOrders], r[.buyers], r[.units]]
        }
        #expect(try await sales(d[0]) == [.noData, .noData, .noData, .noData], "A moved to d1: before the first paid day")
        #expect(try await sales(d[1]) == [.money(y(5_600)), .count(2), .count(2), .count(2)], "A's and B's last rows")
        #expect(try await sales(d[2]) == [.money(y(1_000)), .count(4), .count(3), .count(4)], "张三 twice, é in two spellings")
        #expect(try await sales(d[3]) == [.money(y(0)), .count(0), .count(0), .count(0)], "G back to unpaid")
        #expect(try await sales(d[4]) == [.money(y(1_350)), .count(2), .count(2), .count(2)])
        #expect(try await sales(d[5]) == [.money(y(1_000)), .count(1), .count(1), .count(1)], "P alone: X came and went")
    }

    /// Lines written after their orders (an item export imported after the order export) give the master table the
    /// fixture's facts give when written at once: the COGS and the uncosted units follow the lines, the rest stays.
    static func linesWrittenLater(_ storage: any StoreOpsStore) async throws {
        try await storage.saveStore(Fixtures.store)
        try await storage.saveCostSettings(Fixtures.costs)
        var withoutLines = Fixtures.batch()
        withoutLines.orderLines = []
        try await storage.write(withoutLines, to: Fixtures.storeID)
        let days = DayRange(Fixtures.dBefore, Fixtures.d2)!
        let before = try await storage.masterTable(store: Fixtures.storeID, days: days)
        #expect(before.first { $0.day == Fixtures.d0 }?.costMissingUnits == 4, "no lines: every unit uncosted")
        var lines = FactBatch()
        lines.orderLines = Fixtures.batch().orderLines
        let summary = try await storage.write(lines, to: Fixtures.storeID)
        #expect(summary.daysRefreshed.contains(Fixtures.d0) && summary.daysRefreshed.contains(Fixtures.d1))

        let reference = try SQLiteStore()
        try await seeded(reference)
        #expect(try await storage.masterTable(store: Fixtures.storeID, days: days) == (try await reference.masterTable(store: Fixtures.storeID, days: days)))
        #expect(try await row(storage, Fixtures.d0)[.cogs] == .money(y(12_000)))
    }

    static func costChangeRefreshesCOGS(_ storage: any StoreOpsStore) async throws {
        try await seeded(storage)
        var batch = FactBatch()
        batch.skuCosts = [SKUCost(store: Fixtures.storeID, skuID: "S2", effectiveFrom: Day(year: 2026, month: 2, day: 1)!, unitCost: y(2_500))]
        try await storage.write(batch, to: Fixtures.storeID)
        let r0 = try await row(storage, Fixtures.d0)
        #expect(r0[.cogs] == .money(y(14_500)))
        #expect(r0.costMissingUnits == 0)
    }

    static func foreignStoreRowRollsBack(_ storage: any StoreOpsStore) async throws {
        try await storage.saveStore(Fixtures.store)
        try await storage.saveStore(Store(id: "other", name: "别家", platform: .jd))
        var batch = Fixtures.batch()
        batch.reviews.append(Review(store: "other", id: "X", productID: "P", rating: 5, text: "", at: Fixtures.at(Fixtures.d0, 1), day: Fixtures.d0))
        await #expect(throws: StorageError.self) { try await storage.write(batch, to: Fixtures.storeID) }
        #expect(try await storage.read(Order.self, store: Fixtures.storeID, days: nil).isEmpty, "nothing of the batch was written")
        #expect(try await storage.masterTable(store: Fixtures.storeID, days: DayRange(day: Fixtures.d0)).first?[.gmv] == .noData)
    }

    static func rangeReads(_ storage: any StoreOpsStore) async throws {
        try await seeded(storage)
        let s = Fixtures.storeID
        let d0 = DayRange(day: Fixtures.d0)
        #expect(try await storage.read(Order.self, store: s, days: d0).map(\.id) == ["O1", "O2", "O3"])
        #expect(try await storage.read(OrderLine.self, store: s, days: d0).map(\.orderID) == ["O1", "O1", "O2", "O3"])
        #expect(try await storage.read(Refund.self, store: s, days: DayRange(day: Fixtures.d1)).map(\.id) == ["R1", "R2"], "completed that day, or still open")
        // Completed refunds an export gave no completion day: read when requested since the range's first day (less a
        // day), not every time after.
        var undated = FactBatch()
        undated.refunds = [("U1", Fixtures.d1), ("U2", Fixtures.d0.adding(days: -30))].map { id, day in
            Refund(store: s, id: id, orderID: "O1", skuID: "S1", kind: .refundOnly, status: .completed, reason: "",
                   amount: Money(minor: 100, currency: .cny), requestedAt: Instant(seconds: Int64(day.number) * 86_400 + 3_600))
        }
        try await storage.write(undated, to: s)
        #expect(try await storage.read(Refund.self, store: s, days: DayRange(day: Fixtures.d1)).map(\.id) == ["R1", "R2", "U1"])
        #expect(try await storage.read(Refund.self, store: s, days: nil).count == 5, "a read without days has them all")
        // Each SKU's latest stock count of a range: a later count outside it is not read, nor an earlier one in it.
        var counts = FactBatch()
        counts.inventory = [("S1", 1, 9), ("S1", 3, 7), ("S2", -2, 4), ("S2", 6, 1), ("S3", 9, 5)].map { sku, offset, onHand in
            InventorySnapshot(store: s, day: Fixtures.d0.adding(days: offset), skuID: sku, onHand: onHand, incoming: 0)
        }
        try await storage.write(counts, to: s)
        let latest = try await storage.latestStockCounts(store: s, days: DayRange(Fixtures.d0.adding(days: -3), Fixtures.d0.adding(days: 5))!)
        #expect(latest.map { "\($0.skuID)@\($0.day.number - Fixtures.d0.number)=\($0.onHand)" } == ["S1@3=7", "S2@-2=4"])
        #expect(try await storage.read(Target.self, store: s, days: d0).count == 1)
        #expect(try await storage.read(Target.self, store: s, days: DayRange(day: Day(year: 2026, month: 4, day: 1)!)).isEmpty)
        #expect(try await storage.read(Product.self, store: s, days: d0).count == 1, "no day dimension: all rows")
        #expect(try await storage.read(KeywordRank.self, store: s, days: DayRange(day: Fixtures.d1)).first?.rank == nil)
    }

    /// The purchases are the paid orders with a buyer id up to the end day, of this store only, at their paid amounts.
    static func purchasesOfPaidOrdersWithBuyers(_ storage: any StoreOpsStore) async throws {
        try await storage.saveStore(Fixtures.store)
        let other = Store(id: "other", name: "别家", platform: .jd)
        try await storage.saveStore(other)
        let d = (0..<4).map { Fixtures.d0.adding(days: $0) }
        var noBuyer = Fixtures.order("N", buyer: "", paid: Fixtures.at(d[0], 10), amount: 50, units: 1)
        noBuyer.buyer = nil
        var batch = FactBatch()
        batch.orders = [
            Fixtures.order("A", buyer: "u1", paid: Fixtures.at(d[0], 10), amount: 100, units: 1),
            Fixtures.order("B", buyer: "u1", paid: Fixtures.at(d[0], 23), amount: 120, units: 1),
            Fixtures.order("C", buyer: "u2", paid: Fixtures.at(d[2], 10), amount: 80, units: 1),
            Fixtures.order("U", buyer: "u3", paid: nil, amount: 70, units: 1),
            Fixtures.order("L", buyer: "u2", paid: Fixtures.at(d[3], 10), amount: 90, units: 1),
            Fixtures.order("E", buyer: "", paid: Fixtures.at(d[1], 10), amount: 60, units: 1),
            noBuyer,
        ]
        try await storage.write(batch, to: Fixtures.storeID)
        var elsewhere = FactBatch()
        elsewhere.orders = [Fixtures.order("Z", buyer: "u1", paid: Fixtures.at(d[0], 10), amount: 999, units: 1, store: other.id)]
        try await storage.write(elsewhere, to: other.id)
        let purchases = try await storage.purchases(store: Fixtures.storeID, through: d[2])
            .sorted { ($0.customer, $0.day, $0.amountMinor) < ($1.customer, $1.day, $1.amountMinor) }
        #expect(purchases == [Purchase(customer: "u1", day: d[0], amountMinor: 100), Purchase(customer: "u1", day: d[0], amountMinor: 120),
                              Purchase(customer: "u2", day: d[2], amountMinor: 80)])
        #expect(try await storage.purchases(store: other.id, through: d[3]) == [Purchase(customer: "u1", day: d[0], amountMinor: 999)])
    }

    /// The tables with a row of the store, and only of that store: what the checks may run on.
    static func tablesWithRowsOfTheStore(_ storage: any StoreOpsStore) async throws {
        try await storage.saveStore(Fixtures.store)
        let other = Store(id: "other", name: "Other", platform: .taobao)
        try await storage.saveStore(other)
        #expect(try await storage.tablesWithRows(store: Fixtures.storeID).isEmpty)
        var batch = FactBatch()
        batch.orders = [Fixtures.order("A", buyer: "u1", paid: Fixtures.at(Fixtures.d0, 10), amount: 100, units: 1)]
        batch.inventory = [InventorySnapshot(store: Fixtures.storeID, day: Fixtures.d0, skuID: "S", onHand: 3)]
        try await storage.write(batch, to: Fixtures.storeID)
        var elsewhere = FactBatch()
        elsewhere.reviews = [Review(store: other.id, id: "R", productID: "P", rating: 5, text: "",
                                    at: Fixtures.at(Fixtures.d0, 1), day: Fixtures.d0)]
        try await storage.write(elsewhere, to: other.id)
        #expect(try await storage.tablesWithRows(store: Fixtures.storeID) == ["orders", "inventory_snapshots"])
        #expect(try await storage.tablesWithRows(store: other.id) == ["reviews"])
    }

    /// First purchases are per day the buyers new to the store's whole history, their orders and amounts that day;
    /// the master table splits each day's buyers into those and the returning ones.
    static func firstPurchasesAreNewBuyers(_ storage: any StoreOpsStore) async throws {
        try await storage.saveStore(Fixtures.store)
        let d = (0..<4).map { Fixtures.d0.adding(days: $0) }
        var batch = FactBatch()
        batch.orders = [
            Fixtures.order("A", buyer: "u1", paid: Fixtures.at(d[0], 10), amount: 100, units: 1),
            Fixtures.order("B", buyer: "u1", paid: Fixtures.at(d[1], 9), amount: 120, units: 1),
            Fixtures.order("C", buyer: "u2", paid: Fixtures.at(d[1], 10), amount: 80, units: 1),
            Fixtures.order("D", buyer: "u2", paid: Fixtures.at(d[1], 11), amount: 20, units: 1),
            Fixtures.order("U", buyer: "u3", paid: nil, amount: 70, units: 1),
            Fixtures.order("E", buyer: "u3", paid: Fixtures.at(d[3], 10), amount: 60, units: 1),
        ]
        try await storage.write(batch, to: Fixtures.storeID)
        let range = DayRange(d[1], d[3])!
        let firsts = try await storage.firstPurchases(store: Fixtures.storeID, days: range)
        #expect(firsts == [FirstPurchaseDay(day: d[1], buyers: 1, orders: 2, gmvMinor: 100),
                           FirstPurchaseDay(day: d[3], buyers: 1, orders: 1, gmvMinor: 60)], "\(firsts)")
        let table = try await storage.masterTable(store: Fixtures.storeID, days: range, customers: true)
        #expect(table.map { $0[.newBuyers] } == [.count(1), .count(0), .count(1)], "the order export covers every day")
        #expect(table[0][.returningBuyers] == .count(1), "\(table[0][.returningBuyers])")
        #expect(table[0][.returningBuyerGMV] == .money(Money(minor: 120, currency: .cny)), "\(table[0][.returningBuyerGMV])")
        #expect(table[0][.returningBuyerShare] == .rate(Ratio(1, 2)))
        #expect(try await storage.masterTable(store: Fixtures.storeID, days: range, customers: false)[0].gaps[.newBuyers] == .noCustomerHistory)
    }

    static func storesAreIsolated(_ storage: any StoreOpsStore) async throws {
        try await seeded(storage)
        let other = Store(id: "other", name: "别家", platform: .jd)
        try await storage.saveStore(other)
        #expect(try await storage.read(Order.self, store: other.id, days: nil).isEmpty)
        #expect(try await storage.masterTable(store: other.id, days: DayRange(day: Fixtures.d0)).first?[.gmv] == .noData)
        // The same natural keys in another store are other rows.
        var batch = FactBatch()
        batch.orders = [Order(store: other.id, id: "O1", buyer: "z", status: .paid, createdAt: Fixtures.at(Fixtures.d0, 9), paidAt: Fixtures.at(Fixtures.d0, 9),
                              paidDay: Fixtures.d0, goodsTotal: y(100), shippingFee: y(0), paidAmount: y(100), units: 1)]
        try await storage.write(batch, to: other.id)
        #expect(try await row(storage, Fixtures.d0)[.gmv] == .money(y(25_000)))
        #expect(try await storage.masterTable(store: other.id, days: DayRange(day: Fixtures.d0)).first?[.gmv] == .money(y(100)))
    }

    static func removeFactsKeepsStore(_ storage: any StoreOpsStore) async throws {
        try await seeded(storage)
        try await storage.removeFacts(of: Fixtures.storeID)
        #expect(try await storage.store(Fixtures.storeID) == Fixtures.store)
        #expect(try await storage.read(Order.self, store: Fixtures.storeID, days: nil).isEmpty)
        #expect(try await row(storage, Fixtures.d0)[.gmv] == .noData)
    }

    static func shippingRules(_ storage: any StoreOpsStore) async throws {
        try await seeded(storage)
        var costs = Fixtures.costs
        costs.shippingRules = [ShippingRule(region: "浙江省", maxGrams: 500, cost: y(400)), ShippingRule(cost: y(900))]
        try await storage.saveCostSettings(costs)
        #expect(try await storage.costSettings(store: Fixtures.storeID) == costs)
        // S1 weighs 400 g, S2 has no weight. d0: O1 (S1 + S2 = 400 g), O2 and O3 (400 g each), all to 浙江省:
        // 3 x 4.00 = 12.00. d1: O5 (2 x S1 = 800 g) 9.00 + O6 (400 g) 4.00 = 13.00.
        #expect(try await row(storage, Fixtures.d0)[.shippingCost] == .money(y(1_200)))
        #expect(try await row(storage, Fixtures.d1)[.shippingCost] == .money(y(1_300)))
        // A SKU weight is read when orders are written: a new order refreshes its day's bands.
        costs.shippingRules = [ShippingRule(region: "浙江省", maxGrams: 300, cost: y(400))]
        costs.shippingPerOrder = nil
        try await storage.saveCostSettings(costs)
        #expect(try await row(storage, Fixtures.d0)[.shippingCost] == .noData, "no rule fits 400 g and there is no flat cost")

        // A change of a SKU's weight moves the orders of the days that sold it between bands.
        costs.shippingRules = [ShippingRule(region: "浙江省", maxGrams: 500, cost: y(400)), ShippingRule(cost: y(900))]
        try await storage.saveCostSettings(costs)
        var s1 = try #require(Fixtures.batch().skus.first { $0.id == "S1" })
        for (grams, d0, d1) in [(600, 2_700, 1_800), (nil, 1_200, 800), (400, 1_200, 1_300)] as [(Int?, Int64, Int64)] {
            s1.weightGrams = grams
            var catalog = FactBatch()
            catalog.skus = [s1]
            try await storage.write(catalog, to: Fixtures.storeID)
            #expect(try await row(storage, Fixtures.d0)[.shippingCost] == .money(y(d0)), "S1 at \(grams ?? 0) g")
            #expect(try await row(storage, Fixtures.d1)[.shippingCost] == .money(y(d1)), "S1 at \(grams ?? 0) g")
        }

        // Without a price list the bands are not kept; a new price list builds them for every day.
        let rules = costs.shippingRules
        costs.shippingRules = []
        try await storage.saveCostSettings(costs)
        s1.weightGrams = 600
        var catalog = FactBatch()
        catalog.skus = [s1]
        try await storage.write(catalog, to: Fixtures.storeID)
        costs.shippingRules = rules
        try await storage.saveCostSettings(costs)
        #expect(try await row(storage, Fixtures.d0)[.shippingCost] == .money(y(2_700)))
        #expect(try await row(storage, Fixtures.d1)[.shippingCost] == .money(y(1_800)))
    }

    static func costSettingsRoundTrip(_ storage: any StoreOpsStore) async throws {
        try await storage.saveStore(Fixtures.store)
        #expect(try await storage.costSettings(store: Fixtures.storeID) == nil)
        try await storage.saveCostSettings(Fixtures.costs)
        #expect(try await storage.costSettings(store: Fixtures.storeID) == Fixtures.costs)
        let cleared = CostSettings(store: Fixtures.storeID, commissionPPM: 50_000)
        try await storage.saveCostSettings(cleared)
        #expect(try await storage.costSettings(store: Fixtures.storeID) == cleared)
    }
}
