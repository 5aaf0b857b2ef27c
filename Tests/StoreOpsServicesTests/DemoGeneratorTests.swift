import Foundation
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Testing

@Suite("Demo generator")
struct DemoGeneratorTests {
    static let end = Day(iso: "2026-03-31")!
    static let scenario = DemoScenario(seed: 7, end: end, days: 60)
    static let data = DemoGenerator(scenario).generate()

    @Test("the same seed gives the same data; another seed other data")
    func deterministic() {
        let again = DemoGenerator(Self.scenario).generate()
        #expect(again.batch.orders == Self.data.batch.orders)
        #expect(again.batch.orderLines == Self.data.batch.orderLines)
        #expect(again.batch.adStats == Self.data.batch.adStats)
        #expect(again.injections == Self.data.injections)
        let other = DemoGenerator(DemoScenario(seed: 8, end: Self.end, days: 60)).generate()
        #expect(other.batch.orders != Self.data.batch.orders)
    }

    @Test("catalog, history and people have the documented shape")
    func shape() {
        let b = Self.data.batch
        #expect((280...340).contains(b.skus.count))
        #expect(b.products.filter(\.isHero).count == 3)
        #expect(Set(b.orders.compactMap(\.paidDay)) == Set(DayRange(Self.scenario.start, Self.end)!))
        #expect(Set(b.serviceAgentDays.map(\.agent)).count == 5)
        #expect(b.competitors.count == 4)
        #expect(b.targets.contains { $0.start == Self.end.startOfMonth })
        #expect(b.products.allSatisfy { $0.title.count <= 30 })
        #expect(Set(b.orders.map(\.id)).count == b.orders.count, "order ids are unique")
        #expect(Set(b.skus.map(\.id)).count == b.skus.count)
    }

    @Test("orders follow traffic: per source and per day, buyers never exceed visitors")
    func buyersWithinVisitors() {
        let b = Self.data.batch
        for source in b.trafficSources { #expect(source.buyers <= source.visitors, "\(source.day) \(source.source)") }
        var buyersByDay: [Day: Set<String>] = [:]
        for order in b.orders { if let day = order.paidDay, let buyer = order.buyer { buyersByDay[day, default: []].insert(buyer) } }
        for traffic in b.trafficDays { #expect((buyersByDay[traffic.day]?.count ?? 0) <= traffic.visitors) }
        // Source GMV adds up to the day's GMV.
        var gmv: [Day: Int64] = [:]
        for order in b.orders { if let day = order.paidDay { gmv[day, default: 0] += order.paidAmount.minor } }
        var sourceGMV: [Day: Int64] = [:]
        for source in b.trafficSources { sourceGMV[source.day, default: 0] += source.gmv.minor }
        #expect(gmv == sourceGMV)
    }

    @Test("every order's paid amount is its goods less discount plus shipping, and its units its lines'")
    func orderArithmetic() {
        let b = Self.data.batch
        var lineUnits: [String: Int] = [:]
        var lineGoods: [String: Int64] = [:]
        for line in b.orderLines {
            lineUnits[line.orderID, default: 0] += line.quantity
            lineGoods[line.orderID, default: 0] += line.unitPrice.minor * Int64(line.quantity)
        }
        for order in b.orders {
            #expect(lineUnits[order.id] == order.units)
            #expect(lineGoods[order.id] == order.goodsTotal.minor)
            #expect(order.paidAmount.minor <= order.goodsTotal.minor + order.shippingFee.minor)
            #expect(order.paidAmount.minor > 0)
        }
    }

    @Test("stored GMV equals the sum of paid orders, computed independently")
    func storedGMV() async throws {
        let storage = try await TestBackend.makeStore()
        try await DemoService(storage: storage, clock: { Instant(seconds: 0) })
            .build(Self.scenario)
        var expected: [Day: (gmv: Int64, orders: Int64, buyers: Set<String>)] = [:]
        for order in Self.data.batch.orders {
            guard let day = order.paidDay else { continue }
            var e = expected[day] ?? (0, 0, [])
            e.gmv += order.paidAmount.minor
            e.orders += 1
            e.buyers.insert(try #require(order.buyer))
            expected[day] = e
        }
        let rows = try await storage.masterTable(store: "demo", days: DayRange(Self.scenario.start, Self.end)!)
        #expect(rows.count == 60)
        for row in rows {
            let e = try #require(expected[row.day])
            #expect(row[.gmv] == .money(Money(minor: e.gmv, currency: .cny)))
            #expect(row[.paidOrders] == .count(e.orders))
            #expect(row[.buyers] == .count(Int64(e.buyers.count)))
            guard case .count(let buyers) = row[.buyers], case .count(let visitors) = row[.visitors] else {
                Issue.record("buyers and visitors expected on \(row.day)")
                continue
            }
            #expect(buyers <= visitors)
            #expect(row[.netProfit].hasData && row[.adSpendTotal].hasData && row[.dsrDescription].hasData)
        }
    }

    @Test("the default demo carries its problems")
    func injected() throws {
        let b = Self.data.batch
        let i = Self.data.injections
        let end = Self.end
        // Organic search falls about a third against the same weekday last week.
        let search = { (day: Day) in b.trafficSources.first { $0.day == day && $0.source == i.fallingSource }!.visitors }
        #expect(Double(search(end)) < Double(search(end.adding(days: -7))) * 0.8)
        // The hero SKU is out of stock on the last day, with a purchase order due after it.
        let lastStock = try #require(b.inventory.last { $0.skuID == i.soldOutSKU })
        #expect(lastStock.day == end && lastStock.onHand == 0 && lastStock.incoming > 0)
        #expect(b.products.first { $0.id == i.soldOutProduct }?.isHero == true)
        // Losing keywords: ROAS under 1 over the whole history.
        for keyword in i.losingKeywords {
            let stats = b.adStats.filter { $0.keyword == keyword }
            let spend = stats.reduce(Int64(0)) { $0 + $1.spend.minor }, revenue = stats.reduce(Int64(0)) { $0 + $1.revenue.minor }
            #expect(revenue < spend, "\(keyword)")
        }
        #expect(i.losingKeywords.count == 3)
        // The weak agent converts under half of inquirers.
        let weak = b.serviceAgentDays.filter { $0.agent == i.weakAgent }
        #expect(Double(weak.reduce(0) { $0 + $1.paid }) / Double(weak.reduce(0) { $0 + $1.inquirers }) < 0.5)
        // A competitor cut a core item's price on the last day.
        let snapshots = b.competitorSnapshots.filter { $0.itemID == i.priceCutItem }
        #expect(snapshots.last!.price < snapshots[snapshots.count - 2].price)
        #expect(i.badReviewIDs.count == 3 && i.stalledShipments.count == 4 && i.lostShipments.count == 1 && i.returnedShipments.count == 1)
        #expect(i.lateOrders.count == 3)
        #expect(b.orders.filter { i.lateOrders.contains($0.id) }.allSatisfy { $0.shippedAt == nil && $0.status == .paid })
    }

    @Test("the clean demo carries none of them")
    func clean() {
        let clean = DemoGenerator(DemoScenario(seed: 7, end: Self.end, days: 60, clean: true)).generate()
        let b = clean.batch
        #expect(b.inventory.last { $0.skuID == clean.injections.soldOutSKU }!.onHand > 0)
        let agent = b.serviceAgentDays.filter { $0.agent == clean.injections.weakAgent }
        #expect(Double(agent.reduce(0) { $0 + $1.paid }) / Double(agent.reduce(0) { $0 + $1.inquirers }) > 0.5)
        #expect(b.reviews.filter { $0.day >= Self.end.adding(days: -6) }.allSatisfy { $0.rating >= 4 })
        #expect(b.shipments.allSatisfy { $0.status == .delivered || $0.status == .inTransit })
        #expect(b.orders.filter { $0.paidDay != nil && $0.paidDay! <= Self.end.adding(days: -2) }.allSatisfy { $0.shippedAt != nil })
    }

    @Test("histories shorter than the report's two weeks are refused")
    func tooShort() async throws {
        await #expect(throws: ServiceError.self) {
            try await DemoService(storage: try await TestBackend.makeStore(), clock: { Instant(seconds: 0) })
                .build(DemoScenario(end: Self.end, days: 5))
        }
    }
}

@Suite("Demo briefing")
struct DemoBriefingTests {
    @Test("the narrative names the source that fell and the hero item that sold out", arguments: [Language.zh, .en])
    func narrative(_ language: Language) async throws {
        let storage = try await TestBackend.makeStore()
        let end = Day(iso: "2026-03-31")!
        let data = try await DemoService(storage: storage, clock: { Instant(seconds: 0) })
            .build(DemoScenario(seed: 7, end: end, days: 60)).data
        let report = try await BriefingService(storage: storage, clock: { Instant(year: 2026, month: 4, day: 1, hour: 1)! }).briefing(store: "demo")
        let why = try #require(report.why)
        #expect(why.bySource.first?.source == data.injections.fallingSource, "the largest visitor change is the injected fall")
        #expect(why.bySource.first.map { $0.visitorsChange < 0 } == true)
        let hero = try #require(data.batch.products.first { $0.id == data.injections.soldOutProduct })
        let heroChange = try #require(why.byItem.first { $0.productID == hero.id })
        #expect(heroChange.soldOut && heroChange.gmvChange < 0)
        #expect(why.parts.visitors + why.parts.conversion + why.parts.aov == why.parts.change)
        let text = BriefingNarrative.text(target: report.target, why: why, currency: .cny, language: language)
        #expect(text.contains(data.injections.fallingSource))
        #expect(text.contains(String(hero.title.prefix(10))))
        #expect(text.contains(language == .zh ? "已售罄" : "sold out"))
        #expect(report.target != nil && report.target?.dayActual != nil)
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        try Golden.check(DailyReportJSONRenderer(language: language).render(report), "demo-briefing-\(language.rawValue).json", directory: golden)
        try Golden.check(DailyReportTextRenderer(language: language).render(report), "demo-briefing-\(language.rawValue).txt", directory: golden)
        let html = DailyReportHTMLRenderer(language: language).render(report)
        try Golden.check(html, "demo-briefing-\(language.rawValue).html", directory: golden)
        #expect(html.components(separatedBy: "<svg").count == 4, "GMV against target, visitors by source, the waterfall")
    }
}
