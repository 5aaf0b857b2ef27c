@testable import StoreOpsCore
import Testing

/// The after-sales, page-health, ads, service-speed, score, rank, competitor and listing checks on crafted facts:
/// each triggered and not triggered, with the numbers recomputed by hand.
@Suite("More checks")
struct MoreChecksTests {
    static let store = Store(id: "shop", name: "测试店", platform: .tmall)
    static let day = Day(iso: "2026-03-10")!  // a Tuesday
    static let zone = StoreTimeZone.shanghai
    static let now = zone.instant(day: day.adding(days: 1), hour: 0, minute: 0)
    static func yuan(_ minor: Int64) -> Money { Money(minor: minor, currency: .cny) }
    static func at(_ d: Day, _ hour: Int, _ minute: Int = 0) -> Instant { zone.instant(day: d, hour: hour, minute: minute) }
    let settings = CheckSettings()

    func input(day: Day = Self.day) -> CheckInput { CheckInput(store: Self.store, day: day, now: Self.zone.instant(day: day.adding(days: 1))) }
    func value(_ f: Finding, _ key: String) -> Evidence.Value? { f.evidence.first { $0.key == key }?.value }

    func refund(_ id: String, sku: String?, status: Refund.Status, requested: Instant, amount: Int64 = 10_000, reason: String = "尺码不合适") -> Refund {
        Refund(store: Self.store.id, id: id, orderID: "O-\(id)", skuID: sku, kind: .refundOnly, status: status, reason: reason, amount: Self.yuan(amount),
               requestedAt: requested, dueAt: requested.adding(hours: 48))
    }

    @Test("after-sales: refunds past or near their deadline; one answered in time is not a finding")
    func waitingRefunds() {
        var i = input()
        i.refunds = [refund("late", sku: nil, status: .waitingSeller, requested: Self.now.adding(hours: -50)),
                     refund("soon", sku: nil, status: .waitingSeller, requested: Self.now.adding(hours: -40)),
                     refund("fresh", sku: nil, status: .waitingSeller, requested: Self.now.adding(hours: -10)),
                     refund("agreed", sku: nil, status: .waitingReturn, requested: Self.now.adding(hours: -60))]
        let found = AfterSalesCheck().run(i, settings)
        #expect(found.map(\.subject) == ["late", "soon"])
        #expect(found[0].check == .refundOverdue && found[0].severity == .critical && value(found[0], "age_hours") == .count(50))
        #expect(found[1].check == .refundDueSoon && found[1].atStake == Self.yuan(10_000))
    }

    @Test("after-sales: a SKU refunding far above the store's rate, beyond chance; a small unlucky SKU is not")
    func skuRefundRate() {
        var i = input()
        // 1,000 units of 10 SKUs; BAD sold 100 with 12 refunds; SMALL sold 12 with 3; the other 888 units 18 refunds.
        i.afterSalesUnitsBySKU = ["BAD": 100, "SMALL": 12]
        for n in 0..<8 { i.afterSalesUnitsBySKU["S\(n)"] = n < 7 ? 110 : 118 }
        var refunds: [Refund] = []
        for n in 0..<12 { refunds.append(refund("b\(n)", sku: "BAD", status: .completed, requested: Self.at(Self.day.adding(days: -n), 9), reason: n < 8 ? "质量问题" : "尺码不合适")) }
        for n in 0..<3 { refunds.append(refund("s\(n)", sku: "SMALL", status: .completed, requested: Self.at(Self.day.adding(days: -n), 9))) }
        for n in 0..<18 { refunds.append(refund("o\(n)", sku: "S\(n % 8)", status: .completed, requested: Self.at(Self.day.adding(days: -n), 9))) }
        refunds.append(refund("old", sku: "BAD", status: .completed, requested: Self.at(Self.day.adding(days: -40), 9)))  // outside 30 days
        i.refunds = refunds
        let found = AfterSalesCheck().skuRefundRates(i, settings)
        #expect(found.map(\.subject) == ["BAD"])
        // Store: 33 refunds / 1,000 units; BAD 12/100 = 3.6x; SMALL 3/12 = 7.6x the store, but P(X >= 3 | 0.396) = 0.78 % > 5 % / 10 SKUs.
        #expect(value(found[0], "refund_rate") == .rate(Ratio(12, 100)) && value(found[0], "store_refund_rate") == .rate(Ratio(33, 1_000)))
        #expect(value(found[0], "top_reason") == .text("质量问题") && found[0].atStake == Self.yuan(120_000))
        let small = AfterSalesCheck.poissonTail(atLeast: 3, mean: 0.396)
        #expect(small > 0.007 && small < 0.008)
    }

    @Test("after-sales: open complaints with their deadlines; resolved ones are not findings")
    func complaints() {
        var i = input()
        i.openComplaints = [Complaint(store: Self.store.id, id: "cp1", orderID: "O1", kind: "延迟发货", penaltyPoints: 0, openedAt: Self.at(Self.day, 9),
                                      dueAt: Self.now.adding(hours: 20), resolved: false),
                            Complaint(store: Self.store.id, id: "cp2", orderID: nil, kind: "描述不符", penaltyPoints: 0, openedAt: Self.at(Self.day, 9),
                                      dueAt: Self.now.adding(hours: 72), resolved: false),
                            Complaint(store: Self.store.id, id: "cp3", orderID: nil, kind: "x", penaltyPoints: 2, openedAt: Self.at(Self.day, 9), dueAt: nil, resolved: true)]
        i.orderAmounts = ["O1": Self.yuan(30_000)]
        let found = AfterSalesCheck().complaints(i, settings)
        #expect(found.map(\.subject) == ["cp1", "cp2"])
        #expect(found[0].severity == .critical && found[0].atStake == Self.yuan(30_000) && found[1].severity == .warning)
    }

    @Test("returns Pareto: reasons by count with the cumulative share; withdrawn requests left out")
    func pareto() {
        let d = Self.day
        let refunds = [refund("a", sku: nil, status: .completed, requested: Self.at(d, 9), reason: "尺码"),
                       refund("b", sku: nil, status: .completed, requested: Self.at(d, 9), reason: "尺码"),
                       refund("c", sku: nil, status: .completed, requested: Self.at(d, 9), reason: "质量"),
                       refund("d", sku: nil, status: .closed, requested: Self.at(d, 9), reason: "质量")]
        let p = ReturnReasons(refunds: refunds, first: d, last: d, zone: Self.zone, currency: .cny)
        #expect(p.total == 3 && p.lines.map(\.reason) == ["尺码", "质量"] && p.lines.map(\.cumulativeShare) == [Ratio(2, 3), Ratio(3, 3)])
    }

    @Test("logistics: a big order paid on the day is double-checked; smaller ones are not")
    func bigOrders() {
        var i = input()
        func order(_ id: String, _ amount: Int64) -> Order {
            Order(store: Self.store.id, id: id, buyer: "b", status: .paid, createdAt: Self.at(Self.day, 9), paidAt: Self.at(Self.day, 9), paidDay: Self.day,
                  goodsTotal: Self.yuan(amount), shippingFee: Self.yuan(0), paidAmount: Self.yuan(amount), units: 3)
        }
        i.paidOrders = [order("big", 300_000), order("small", 299_999)]
        #expect(LogisticsCheck().run(i, settings).map(\.subject) == ["big"])
    }

    @Test("stock: a slow mover with stock and no sale, and a pre-sale arrival due")
    func slowMoversAndPresale() {
        var i = input()
        i.skus = [SKU(store: Self.store.id, id: "SLOW", productID: "P", price: Self.yuan(10_000)), SKU(store: Self.store.id, id: "FEW", productID: "P", price: Self.yuan(10_000))]
        i.unitCosts = ["SLOW": Self.yuan(4_000)]
        i.stock = [InventorySnapshot(store: Self.store.id, day: Self.day, skuID: "SLOW", onHand: 25), InventorySnapshot(store: Self.store.id, day: Self.day, skuID: "FEW", onHand: 19)]
        i.purchaseOrders = [PurchaseOrder(store: Self.store.id, id: "PO1", skuID: "SLOW", quantity: 50, orderedOn: Self.day.adding(days: -20), expectedOn: Self.day.adding(days: 2), isPresale: true),
                            PurchaseOrder(store: Self.store.id, id: "PO2", skuID: "SLOW", quantity: 50, orderedOn: Self.day.adding(days: -20), expectedOn: Self.day.adding(days: 9), isPresale: true),
                            PurchaseOrder(store: Self.store.id, id: "PO3", skuID: "SLOW", quantity: 50, orderedOn: Self.day.adding(days: -20), expectedOn: Self.day, isPresale: false)]
        // No sale of any SKU in the window: sales are unknown (no order lines imported), nothing is slow.
        #expect(StockCheck().run(i, settings).map(\.subject) == ["PO1"])
        i.recentlySoldSKUs = ["OTHER"]
        let found = StockCheck().run(i, settings)
        #expect(found.map(\.subject) == ["SLOW", "PO1"])
        #expect(found[0].check == .slowMover && found[0].atStake == Self.yuan(100_000))  // 25 x 40.00
        #expect(found[1].check == .presaleDue && found[1].atStake == Self.yuan(200_000) && found[1].severity == .warning)
        i.recentlySoldSKUs = ["SLOW"]
        #expect(StockCheck().run(i, settings).map(\.subject) == ["PO1"])
    }

    @Test("page health: weekly on Monday over the week before; bounce, depth and AOV ratio against the pass marks")
    func pageHealth() {
        let monday = Day(iso: "2026-03-09")!
        var i = input(day: monday)
        i.products = [Product(store: Self.store.id, id: "H", title: "hero", price: Self.yuan(10_000), isHero: true)]
        for n in 1...7 {
            let d = monday.adding(days: -n)
            i.pageWeekTraffic.append(TrafficDay(store: Self.store.id, day: d, visitors: 1_000, pageViews: 2_400, bouncedVisitors: 710))
            i.pageWeekItems.append(ItemTrafficDay(store: Self.store.id, day: d, productID: "H", visitors: 500, pageViews: 800, buyers: 10, units: 10, gmv: Self.yuan(100_000)))
            for o in 0..<20 {
                i.paidOrders.append(Order(store: Self.store.id, id: "\(n)-\(o)", buyer: "b", status: .paid, createdAt: Self.at(d, 9), paidAt: Self.at(d, 9), paidDay: d,
                                          goodsTotal: Self.yuan(12_000), shippingFee: Self.yuan(0), paidAmount: Self.yuan(12_000), units: 1))
            }
        }
        let found = PageHealthCheck().run(i, settings)
        #expect(found.map(\.check) == [.pageBounce, .pageDepth, .pageAOVRatio])
        // bounce 4,970 / 7,000 = 71 %; depth 16,800 / 7,000 = 2.4; store AOV 120.00 / hero 100.00 = 1.2.
        #expect(value(found[0], "bounce_rate") == .rate(Ratio(4_970, 7_000)) && value(found[1], "visit_depth") == .rate(Ratio(16_800, 7_000)))
        #expect(value(found[2], "aov_ratio") == .rate(Ratio(1_680_000 * 70, 140 * 700_000)))
        #expect(PageHealthCheck().run(input(), settings).isEmpty)  // not the review day
        i.pageWeekTraffic = i.pageWeekTraffic.map { var t = $0; t.bouncedVisitors = 600; t.pageViews = 3_000; return t }
        i.paidOrders = i.paidOrders.map { var o = $0; o.paidAmount = Self.yuan(13_000); return o }
        #expect(PageHealthCheck().run(i, settings).isEmpty)
    }

    func ad(_ campaign: String, _ day: Day, impressions: Int, clicks: Int, spend: Int64, revenue: Int64, product: String = "P", channel: AdChannel = .ztc) -> AdStat {
        AdStat(store: Self.store.id, day: day, channel: channel, campaign: campaign, adGroup: "", productID: product, keyword: "", impressions: impressions, clicks: clicks,
               spend: Self.yuan(spend), orders: 1, revenue: Self.yuan(revenue))
    }

    @Test("ads: a campaign under break-even, a budget used up before 18:00, ad share over the limit, a CTR fall")
    func ads() {
        var i = input()
        i.storeBreakEven = Ratio(2, 1)
        i.adStats = [ad("lose", Self.day, impressions: 10_000, clicks: 100, spend: 50_000, revenue: 80_000),
                     ad("win", Self.day, impressions: 10_000, clicks: 100, spend: 50_000, revenue: 150_000)]
        i.adBudgets = [AdBudgetDay(store: Self.store.id, day: Self.day, channel: .ztc, campaign: "win", budget: Self.yuan(50_000), exhaustedAt: Self.at(Self.day, 16)),
                       AdBudgetDay(store: Self.store.id, day: Self.day, channel: .ztc, campaign: "lose", budget: Self.yuan(50_000), exhaustedAt: Self.at(Self.day, 19))]
        i.paidOrders = [Order(store: Self.store.id, id: "o", buyer: "b", status: .paid, createdAt: Self.at(Self.day, 9), paidAt: Self.at(Self.day, 9), paidDay: Self.day,
                              goodsTotal: Self.yuan(400_000), shippingFee: Self.yuan(0), paidAmount: Self.yuan(400_000), units: 1)]
        i.adBaseline = [ad("win", Self.day.adding(days: -10), impressions: 20_000, clicks: 400, spend: 1, revenue: 1)]
        let found = AdsCheck().run(i, settings)
        #expect(found.map(\.check) == [.campaignBelowBreakEven, .budgetExhausted, .adShare, .lowCTR])
        // lose: ROAS 1.6 < 2; loss = 500.00 - 800.00 / 2 = 100.00.
        #expect(found[0].subject == "lose" && found[0].atStake == Self.yuan(10_000))
        // win ran out at 16:00: 8 h off at the pace of 16 h -> 1,500.00 x 8 / 16 = 750.00.
        #expect(found[1].subject == "win" && found[1].atStake == Self.yuan(75_000))
        // 1,000.00 / 4,000.00 = 25 % > 20 %: 200.00 over.
        #expect(value(found[2], "ad_share") == .rate(Ratio(100_000, 400_000)) && found[2].atStake == Self.yuan(20_000))
        // CTR 200 / 20,000 = 1 % against 2 % before: under 80 %.
        #expect(found[3].subject == "ztc" && found[3].role == .designer && value(found[3], "baseline_ctr") == .rate(Ratio(400, 20_000)))
        var s = settings
        s.budgetHour = 15
        s.adShareLimit = Ratio(30, 100)
        s.lowCTRShare = Ratio(1, 2)
        i.storeBreakEven = Ratio(3, 2)
        #expect(AdsCheck().run(i, s).isEmpty)
    }

    @Test("service: slow first responses or too few answers within 3 minutes; a quick agent is fine")
    func responses() {
        var i = input()
        func day(_ agent: String, served: Int, first: Int, within: Int) -> ServiceAgentDay {
            ServiceAgentDay(store: Self.store.id, day: Self.day, agent: agent, inquiries: served, served: served, inquirers: 10, ordered: 6, paid: 6, paidAmount: Self.yuan(6_000),
                            firstResponseSeconds: first, averageResponseSeconds: first * 2, answeredWithin3MinPermille: within)
        }
        i.agentDays = [day("slow", served: 100, first: 40, within: 950), day("slow", served: 100, first: 30, within: 950),
                       day("late", served: 100, first: 10, within: 880), day("quick", served: 100, first: 12, within: 990)]
        let found = AgentCheck().responses(i, settings)
        #expect(found.map(\.subject) == ["slow", "late"])
        #expect(value(found[0], "first_response_seconds") == .count(35) && value(found[1], "answered_within_3min") == .rate(Ratio(88_000, 100_000)))
    }

    @Test("scores: a DSR drop of 0.02 over the window; a small drift is not")
    func dsr() {
        var i = input()
        i.dsrScores = [DSRScore(store: Self.store.id, day: Self.day.adding(days: -7), description: 48_000, service: 48_000, logistics: 48_000),
                       DSRScore(store: Self.store.id, day: Self.day, description: 47_800, service: 47_950, logistics: 48_100)]
        let found = ScoreCheck().run(i, settings)
        #expect(found.map(\.subject) == ["description"] && value(found[0], "drop") == .text("0.0200"))
    }

    @Test("competitors: a similar launch, a sales jump, a copycat; search rank off page one")
    func competitorsAndRank() {
        var i = input()
        i.products = [Product(store: Self.store.id, id: "P", title: "棉麻 连衣裙女夏", price: Self.yuan(20_000))]
        i.gmvByProduct = ["P": Self.yuan(700_000)]
        i.competitorItems = [CompetitorItem(store: Self.store.id, competitorID: "c1", itemID: "new", title: "新款", ourProductID: "P", listedOn: Self.day.adding(days: -3)),
                             CompetitorItem(store: Self.store.id, competitorID: "c1", itemID: "old", title: "老款", ourProductID: "P", listedOn: Self.day.adding(days: -30))]
        func snap(_ item: String, _ day: Day, sales: Int, title: String = "x", price: Int64 = 20_000) -> CompetitorSnapshot {
            CompetitorSnapshot(store: Self.store.id, day: day, competitorID: "c1", itemID: item, price: Self.yuan(price), monthlySales: sales, reviewCount: 0, title: title)
        }
        i.competitorSnapshots = [snap("old", Self.day.adding(days: -6), sales: 1_000), snap("old", Self.day, sales: 1_300),
                                 snap("new", Self.day.adding(days: -6), sales: 100), snap("new", Self.day, sales: 129),
                                 snap("copy", Self.day, sales: 5, title: "棉麻连衣裙女夏", price: 15_000)]
        let found = CompetitorCheck().run(i, settings)
        #expect(found.map(\.check) == [.competitorLaunch, .competitorSalesJump, .copycat])
        #expect(found[0].subject == "c1/new" && found[1].subject == "c1/old" && value(found[1], "growth") == .rate(Ratio(300, 1_000)))
        #expect(found[2].subject == "c1/copy" && found[2].atStake == Self.yuan(700_000))

        i.keywordRanks = [KeywordRank(store: Self.store.id, day: Self.day.adding(days: -1), keyword: "a", productID: "P", rank: 40),
                          KeywordRank(store: Self.store.id, day: Self.day, keyword: "a", productID: "P", rank: 45),
                          KeywordRank(store: Self.store.id, day: Self.day.adding(days: -1), keyword: "b", productID: "P", rank: 3),
                          KeywordRank(store: Self.store.id, day: Self.day, keyword: "b", productID: "P", rank: nil),
                          KeywordRank(store: Self.store.id, day: Self.day.adding(days: -1), keyword: "c", productID: "P", rank: 50),
                          KeywordRank(store: Self.store.id, day: Self.day, keyword: "c", productID: "P", rank: 60)]
        let ranks = RankCheck().run(i, settings)
        #expect(ranks.map(\.subject) == ["a", "b"] && ranks[0].atStake == Self.yuan(100_000))
    }

    @Test("listings: titles over 60 bytes or under 24; lines sold below cost or at a tenth of the list price")
    func listings() {
        var i = input()
        i.products = [Product(store: Self.store.id, id: "long", title: String(repeating: "连", count: 31), price: Self.yuan(1)),
                      Product(store: Self.store.id, id: "ok", title: String(repeating: "连", count: 30), price: Self.yuan(1)),
                      Product(store: Self.store.id, id: "short", title: "T恤女夏季新款纯棉", price: Self.yuan(1))]
        #expect(ListingCheck.titleBytes("T恤女夏季新款纯棉") == 17)
        i.skus = [SKU(store: Self.store.id, id: "A", productID: "ok", price: Self.yuan(19_900)), SKU(store: Self.store.id, id: "B", productID: "ok", price: Self.yuan(19_900))]
        i.unitCosts = ["A": Self.yuan(8_000), "B": Self.yuan(8_000)]
        func line(_ order: String, _ sku: String, _ price: Int64, _ quantity: Int) -> OrderLine {
            OrderLine(store: Self.store.id, orderID: order, lineNo: 1, productID: "ok", skuID: sku, title: "t", unitPrice: Self.yuan(price), quantity: quantity)
        }
        i.linesOfDay = [line("o1", "A", 1_990, 2), line("o2", "A", 1_990, 1), line("o3", "B", 15_900, 1)]
        let found = ListingCheck().run(i, settings)
        #expect(found.map(\.subject) == ["long", "short", "A"])
        #expect(value(found[0], "bytes") == .count(62) && found[2].check == .priceTypo && found[2].atStake == Self.yuan((19_900 - 1_990) * 3))
        i.store = Store(id: "jd", name: "JD", platform: .jd)
        #expect(ListingCheck().run(i, settings).map(\.subject) == ["A"])
    }

    @Test("settings: names, units and values read and written back; bad values and names refused")
    func settingsText() throws {
        var s = try CheckSettings(overrides: ["budget_hour": "20", "ad_share_limit": "15%", "raise_bid_roas_factor": "1.25", "big_order_amount": "2999.5",
                                              "dsr_drop": "0.01", "delete_ctr_share": "1/4"])
        #expect(s.budgetHour == 20 && s.adShareLimit.value == 0.15 && s.raiseBidROASFactor.value == 1.25 && s.bigOrderMinor == 299_950)
        #expect(s.dsrDropTenThousandths == 100 && s.deleteCTRShare == Ratio(1, 4))
        #expect(s.text(.adShareLimit) == "0.15" && s.text(.bigOrderAmount) == "2999.50" && s.text(.deleteCTRShare) == "0.25" && s.text(.dsrDrop) == "0.0100")
        #expect(CheckSettings().text(.deleteCTRShare) == "1/3")
        for name in CheckSettings.Name.allCases {  // every default reads back as itself
            var copy = CheckSettings()
            try copy.set(name, CheckSettings().text(name))
            #expect(copy == CheckSettings(), "\(name)")
        }
        #expect(throws: CheckSettings.SettingError.invalidValue(name: "budget_hour", value: "25", unit: .integer)) { try s.set(.budgetHour, "25") }
        #expect(throws: CheckSettings.SettingError.unknownName("nope")) { try CheckSettings(overrides: ["nope": "1"]) }
        #expect(throws: CheckSettings.SettingError.self) { try s.set(.adShareLimit, "-5%") }
    }

    @Test("tasks: one per finding, updated (not duplicated) when it persists; recovery judged a week after closing")
    func tasks() {
        let store = Self.store
        func finding(_ subject: String, _ severity: Finding.Severity, advice: String = "a") -> Finding {
            Finding(check: .restock, severity: severity, subject: subject, atStake: nil, evidence: [], adviceZh: advice, adviceEn: advice, role: .operator)
        }
        let planner = TaskPlanner()
        let first = planner.plan(findings: [finding("A", .critical), finding("B", .info), finding("A", .critical)], day: Self.day, now: Self.now, existing: [], store: store)
        #expect(first.created == ["T1", "T2"] && first.writes.map(\.due) == [Self.day.adding(days: 1), Self.day.adding(days: 7)])
        #expect(first.writes[0].findingKey == "restock:A" && TaskPlanner.check(of: first.writes[0]) == .restock)
        // Same findings again: nothing; changed numbers: the same task updated.
        #expect(planner.plan(findings: [finding("A", .critical), finding("B", .info)], day: Self.day, now: Self.now, existing: first.writes, store: store).writes.isEmpty)
        let again = planner.plan(findings: [finding("A", .critical, advice: "b")], day: Self.day.adding(days: 1), now: Self.now, existing: first.writes, store: store)
        #expect(again.created.isEmpty && again.updated == ["T1"] && again.writes[0].detail == "b\nb")

        var tasks = first.writes
        tasks[0].status = .done; tasks[0].closedAt = Self.now   // closed on 03-11
        tasks[1].status = .done; tasks[1].closedAt = Self.now
        // A's finding is back within the week: a new task, and T1 did not recover. B stays away: recovered on 03-18.
        let relapse = planner.plan(findings: [finding("A", .critical)], day: Self.day.adding(days: 3), now: Self.now, existing: tasks, store: store)
        #expect(relapse.created == ["T3"] && relapse.relapsed == ["T1"] && relapse.recovered.isEmpty)
        let week = planner.plan(findings: [], day: Self.day.adding(days: 8), now: Self.now, existing: tasks, store: store)
        #expect(week.recovered == ["T1", "T2"] && week.relapsed.isEmpty)
        let early = planner.plan(findings: [], day: Self.day.adding(days: 4), now: Self.now, existing: tasks, store: store)
        #expect(early.writes.isEmpty)
    }

    @Test("hero items by sales: the fewest items that make half the GMV, ties by id; none without sales")
    func heroesBySales() {
        #expect(HeroItems.covering(Ratio(1, 2), of: ["A": 60, "B": 30, "C": 10]) == ["A"])
        #expect(HeroItems.covering(Ratio(1, 2), of: ["A": 40, "B": 35, "C": 25]) == ["A", "B"])
        #expect(HeroItems.covering(Ratio(1, 2), of: ["B": 50, "A": 50]) == ["A"], "a tie goes to the smaller id")
        #expect(HeroItems.covering(Ratio(1, 2), of: [:]).isEmpty && HeroItems.covering(Ratio(1, 2), of: ["A": 0]).isEmpty)
        // A flag by hand wins over the sales.
        var i = input()
        i.heroesBySales = ["A"]
        #expect(i.heroProducts == ["A"])
        i.products = [Product(store: Self.store.id, id: "B", title: "B", price: Self.yuan(100), isHero: true)]
        #expect(i.heroProducts == ["B"])
    }
}
