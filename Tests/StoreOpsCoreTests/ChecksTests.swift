import StoreOpsCore
import Testing

/// Each check on crafted facts: one case that triggers it, one that does not, and the numbers recomputed by hand.
@Suite("Checks")
struct ChecksTests {
    static let store = Store(id: "shop", name: "测试店", platform: .tmall)
    static let day = Day(iso: "2026-03-10")!
    static let now = StoreTimeZone.shanghai.instant(day: day.adding(days: 1), hour: 0, minute: 0)
    static func yuan(_ minor: Int64) -> Money { Money(minor: minor, currency: .cny) }
    static func at(_ d: Day, _ hour: Int) -> Instant { StoreTimeZone.shanghai.instant(day: d, hour: hour, minute: 0) }
    let settings = CheckSettings()

    func input() -> CheckInput { CheckInput(store: Self.store, day: Self.day, now: Self.now) }

    func order(_ id: String, paid: Instant, shipBy: Instant?, amount: Int64) -> Order {
        Order(store: Self.store.id, id: id, buyer: "b", status: .paid, createdAt: paid, paidAt: paid, paidDay: Self.day, goodsTotal: Self.yuan(amount),
              shippingFee: Self.yuan(0), paidAmount: Self.yuan(amount), units: 1, shipBy: shipBy)
    }

    @Test("logistics: late orders, silent, lost and returned parcels; on-time ones are not findings")
    func logistics() {
        var i = input()
        i.unshippedOrders = [order("late", paid: Self.at(Self.day.adding(days: -3), 10), shipBy: Self.at(Self.day.adding(days: -1), 10), amount: 12_000),
                             order("fine", paid: Self.at(Self.day, 10), shipBy: Self.at(Self.day.adding(days: 2), 10), amount: 5_000),
                             order("nopromise", paid: Self.at(Self.day.adding(days: -3), 0), shipBy: nil, amount: 3_000)]
        i.openShipments = [
            Shipment(store: Self.store.id, trackingNo: "T1", orderID: "A", carrier: "中通", shippedAt: Self.at(Self.day.adding(days: -5), 9), status: .inTransit,
                     lastEventAt: Self.now.adding(hours: -73)),
            Shipment(store: Self.store.id, trackingNo: "T2", orderID: "B", carrier: "中通", shippedAt: Self.at(Self.day.adding(days: -2), 9), status: .inTransit,
                     lastEventAt: Self.now.adding(hours: -71)),
            Shipment(store: Self.store.id, trackingNo: "T3", orderID: "C", carrier: "韵达", shippedAt: Self.at(Self.day.adding(days: -4), 9), status: .lost,
                     lastEventAt: Self.now.adding(hours: -10)),
        ]
        i.orderAmounts = ["A": Self.yuan(100), "C": Self.yuan(25_000)]
        let found = LogisticsCheck().run(i, settings)
        #expect(found.map(\.subject) == ["late", "nopromise", "T1", "T3"])
        // "late": promised 2026-03-09 10:00, now 2026-03-11 00:00 -> 38 h late, critical, priced at the order.
        #expect(found[0].evidence.first { $0.key == "hours_late" }?.value == .count(38) && found[0].severity == .critical)
        #expect(found[0].atStake == Self.yuan(12_000))
        // No promise: paid 2026-03-07 00:00 + 48 h = 03-09 00:00 -> 48 h late.
        #expect(found[1].evidence.first { $0.key == "hours_late" }?.value == .count(48))
        #expect(found[2].check == .stalledShipment && found[2].evidence.first { $0.key == "hours_without_update" }?.value == .count(73))
        #expect(found[3].check == .lostShipment && found[3].atStake == Self.yuan(25_000) && found[3].severity == .critical)
    }

    @Test("stock: a sold-out hero and a SKU short of cover, with quantity and date; a well-stocked SKU is fine")
    func stock() {
        var i = input()
        i.products = [Product(store: Self.store.id, id: "P1", title: "连衣裙", price: Self.yuan(10_000), isHero: true),
                      Product(store: Self.store.id, id: "P2", title: "衬衫", price: Self.yuan(5_000), isHero: false)]
        i.skus = [SKU(store: Self.store.id, id: "S1", productID: "P1", attributes: "", price: Self.yuan(10_000), leadTimeDays: 10),
                  SKU(store: Self.store.id, id: "S2", productID: "P2", attributes: "", price: Self.yuan(5_000), leadTimeDays: 10),
                  SKU(store: Self.store.id, id: "S3", productID: "P2", attributes: "", price: Self.yuan(5_000), leadTimeDays: 10)]
        i.stock = [InventorySnapshot(store: Self.store.id, day: Self.day, skuID: "S1", onHand: 0),
                   InventorySnapshot(store: Self.store.id, day: Self.day, skuID: "S2", onHand: 20, incoming: 8),
                   InventorySnapshot(store: Self.store.id, day: Self.day, skuID: "S3", onHand: 500)]
        i.unitsBySKU = ["S1": 28, "S2": 28, "S3": 28]
        i.revenueBySKU = ["S1": Self.yuan(280_000), "S2": Self.yuan(140_000), "S3": Self.yuan(140_000)]
        let found = StockCheck().run(i, settings)
        #expect(found.map(\.subject) == ["S1", "S2"])
        // S1: 2 units a day over 14 days; sold out; reorder to cover lead 10 + target 30 days = 80 units; 10 days of revenue at risk.
        #expect(found[0].check == .soldOutHero && found[0].evidence.first { $0.key == "restock_quantity" }?.value == .count(80))
        #expect(found[0].atStake == Self.yuan(200_000))
        // S2: 28 available / 2 a day = 14.0 days < 10 + 7; reorder 80 - 28 = 52 by day + (14 - 10) = 2026-03-14; 3 days short x 100.00.
        #expect(found[1].check == .restock && found[1].evidence.first { $0.key == "days_of_cover" }?.value == .rate(Ratio(140, 10)))
        #expect(found[1].evidence.first { $0.key == "restock_quantity" }?.value == .count(52))
        #expect(found[1].evidence.first { $0.key == "order_by" }?.value == .day(Day(iso: "2026-03-14")!))
        #expect(found[1].atStake == Self.yuan(30_000))
    }

    func stat(_ keyword: String, impressions: Int, clicks: Int, spend: Int64, orders: Int, revenue: Int64, rank: Int? = nil) -> AdStat {
        AdStat(store: Self.store.id, day: Self.day, channel: .ztc, campaign: "C1", adGroup: "G", productID: "P1", keyword: keyword, impressions: impressions,
               clicks: clicks, spend: Self.yuan(spend), averageRankTenths: rank, orders: orders, revenue: Self.yuan(revenue))
    }

    @Test("keywords: delete, lower and raise by ROAS against break-even; too few clicks is only watched")
    func keywords() {
        var i = input()
        i.products = [Product(store: Self.store.id, id: "P1", title: "连衣裙", price: Self.yuan(10_000), isHero: true)]
        i.breakEvenByProduct = ["P1": Ratio(5, 2)]  // margin 40 %: an order may cost 40.00
        i.adStats = [
            stat("nothing", impressions: 2_000, clicks: 60, spend: 9_000, orders: 0, revenue: 0),           // 90.00 > 2 x 40.00: delete
            stat("losing", impressions: 2_000, clicks: 60, spend: 10_000, orders: 1, revenue: 10_000),      // ROAS 1.0 < 0.7 x 2.5: delete
            stat("thin", impressions: 2_000, clicks: 60, spend: 10_000, orders: 2, revenue: 20_000),        // ROAS 2.0 in [1.75, 2.5): lower
            stat("star", impressions: 2_000, clicks: 60, spend: 10_000, orders: 4, revenue: 40_000, rank: 150), // ROAS 4.0 >= 3.75, rank 15: raise
            stat("fine", impressions: 2_000, clicks: 60, spend: 10_000, orders: 3, revenue: 30_000, rank: 30),  // keep
            stat("new", impressions: 500, clicks: 10, spend: 1_000, orders: 0, revenue: 0),                 // watch
        ]
        let found = Dictionary(uniqueKeysWithValues: KeywordCheck().run(i, settings).map { ($0.subject, $0) })
        #expect(Set(found.keys) == ["nothing", "losing", "thin", "star"])
        #expect(found["nothing"]?.check == .keywordDelete && found["nothing"]?.atStake == Self.yuan(9_000))
        // losing: 100.00 spent, revenue 100.00 x 40 % margin = 40.00 paid for -> 60.00 lost.
        #expect(found["losing"]?.check == .keywordDelete && found["losing"]?.atStake == Self.yuan(6_000))
        #expect(found["thin"]?.check == .keywordLowerBid && found["thin"]?.atStake == Self.yuan(2_000))
        #expect(found["star"]?.check == .keywordRaiseBid && found["star"]?.atStake == nil && found["star"]?.role == .ads)
        // Every keyword has a verdict for the ads page, those not acted on too.
        let verdicts = Dictionary(uniqueKeysWithValues: KeywordCheck().verdicts(i, settings).map { ($0.keyword, $0) })
        #expect(verdicts.mapValues(\.action) == ["nothing": .delete, "losing": .delete, "thin": .lowerBid, "star": .raiseBid,
                                                 "fine": .keep, "new": .watch])
        #expect(verdicts["thin"]?.roas.value == 2 && verdicts["thin"]?.breakEven?.value == 2.5 && verdicts["fine"]?.averageRank == 3)
        #expect(verdicts["fine"]?.reasonEn == nil && verdicts["fine"]?.loss == nil)
        // Without the item's margin nothing can be judged: the keywords are listed as such, never as "keep".
        i.breakEvenByProduct = [:]
        #expect(KeywordCheck().verdicts(i, settings).allSatisfy { $0.action == .unknown && $0.breakEven == nil })
        #expect(KeywordCheck().run(i, settings).isEmpty)
    }

    func agent(_ name: String, inquirers: Int, paid: Int, amount: Int64) -> ServiceAgentDay {
        ServiceAgentDay(store: Self.store.id, day: Self.day, agent: name, inquiries: inquirers, served: inquirers, inquirers: inquirers, ordered: paid,
                        paid: paid, paidAmount: Self.yuan(amount))
    }

    @Test("customer service: under 50 % or well under the team is a finding; normal spread is not")
    func agents() {
        var i = input()
        i.agentDays = [agent("A", inquirers: 100, paid: 70, amount: 700_000), agent("B", inquirers: 100, paid: 62, amount: 620_000),
                       agent("C", inquirers: 100, paid: 40, amount: 400_000)]
        let found = AgentCheck().run(i, settings)
        #expect(found.map(\.subject) == ["C"])
        // Team 172/300; C would have had 100 x 172 / 300 = 57 payers, has 40: 17 missed x 100.00 per payer.
        #expect(found[0].atStake == Self.yuan(170_000) && found[0].severity == .critical)
        #expect(found[0].evidence.first { $0.key == "team_inquiry_conversion" }?.value == .rate(Ratio(172, 300)))
        i.agentDays = [agent("A", inquirers: 100, paid: 70, amount: 700_000), agent("B", inquirers: 100, paid: 60, amount: 600_000)]
        #expect(AgentCheck().run(i, settings).isEmpty)
    }

    @Test("reviews: new bad and neutral reviews on the top items by traffic only")
    func reviews() {
        var i = input()
        i.visitorsByProduct = ["P1": 900, "P2": 800, "P3": 700, "P4": 600, "P5": 500, "P6": 400]
        i.gmvByProduct = ["P1": Self.yuan(700_000)]  // a day: 1,000.00
        func review(_ id: String, _ product: String, _ rating: Int, _ day: Day) -> Review {
            Review(store: Self.store.id, id: id, productID: product, rating: rating, text: "t", at: Self.at(day, 12), day: day)
        }
        i.reviews = [review("r1", "P1", 1, Self.day), review("r2", "P2", 3, Self.day.adding(days: -1)), review("r3", "P6", 1, Self.day),
                     review("r4", "P1", 5, Self.day), review("r5", "P1", 2, Self.day.adding(days: -2))]
        let found = ReviewCheck().run(i, settings)
        // r5 is older than the two-day window of new reviews but still unreplied after 24 h: 2026-03-08 12:00 -> 03-11 00:00 = 60 h.
        // r3 (P6, not a top item) is only 12 h old: not yet late for a reply.
        #expect(found.map(\.subject) == ["r5", "r2", "r1"])
        #expect(found[0].check == .unrepliedReview && found[0].evidence.first { $0.key == "hours_unreplied" }?.value == .count(60))
        #expect(found[2].severity == .critical && found[2].atStake == Self.yuan(100_000))
        #expect(found[1].severity == .info)
    }

    @Test("competitors: a core item's price cut of 5 % or more on the checked day")
    func competitors() {
        var i = input()
        i.competitorItems = [CompetitorItem(store: Self.store.id, competitorID: "c1", itemID: "i1", title: "同款连衣裙", ourProductID: "P1"),
                             CompetitorItem(store: Self.store.id, competitorID: "c1", itemID: "i2", title: "小降价"),
                             CompetitorItem(store: Self.store.id, competitorID: "c2", itemID: "i3", title: "非核心", isCore: false)]
        i.gmvByProduct = ["P1": Self.yuan(123_400)]
        func snap(_ c: String, _ item: String, _ d: Day, _ price: Int64, promo: Int64? = nil) -> CompetitorSnapshot {
            CompetitorSnapshot(store: Self.store.id, day: d, competitorID: c, itemID: item, price: Self.yuan(price), promoPrice: promo.map(Self.yuan),
                               monthlySales: 100, reviewCount: 10, title: item)
        }
        let y = Self.day.adding(days: -1)
        i.competitorSnapshots = [snap("c1", "i1", y, 20_000), snap("c1", "i1", Self.day, 20_000, promo: 16_900),
                                 snap("c1", "i2", y, 10_000), snap("c1", "i2", Self.day, 9_600),
                                 snap("c2", "i3", y, 10_000), snap("c2", "i3", Self.day, 5_000)]
        let found = CompetitorCheck().run(i, settings)
        #expect(found.map(\.subject) == ["c1/i1"])
        #expect(found[0].evidence.first { $0.key == "cut" }?.value == .rate(Ratio(3_100, 20_000)) && found[0].atStake == Self.yuan(123_400))
    }

    @Test("all checks: grouped by section, most money first")
    func ordering() {
        var i = input()
        i.unshippedOrders = [order("small", paid: Self.at(Self.day.adding(days: -3), 10), shipBy: nil, amount: 100),
                             order("big", paid: Self.at(Self.day.adding(days: -3), 10), shipBy: nil, amount: 90_000)]
        i.agentDays = [agent("A", inquirers: 100, paid: 70, amount: 700_000), agent("C", inquirers: 100, paid: 10, amount: 100_000)]
        let found = DailyChecks().run(i)
        #expect(found.map(\.subject) == ["big", "small", "C"])
        #expect(found.map(\.section) == [.logistics, .logistics, .service])
    }
}
