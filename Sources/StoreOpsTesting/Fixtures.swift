import StoreOpsCore

/// A small store whose master table can be computed by hand (see the arithmetic beside each fact). Days are
/// `d0` (Tuesday 2026-03-10), `d1`, `d2`; the time zone is Asia/Shanghai (UTC+8).
public enum Fixtures {
    public static let storeID: StoreID = "shop"
    public static let store = Store(id: storeID, name: "测试店", platform: .tmall, currency: .cny, timeZone: .shanghai)
    public static let dBefore = Day(year: 2026, month: 3, day: 9)!
    public static let d0 = Day(year: 2026, month: 3, day: 10)!
    public static let d1 = Day(year: 2026, month: 3, day: 11)!
    public static let d2 = Day(year: 2026, month: 3, day: 12)!

    /// 2 % commission, 0.6 % payment fee, 5.00 shipping per order, 10.00 other costs a day.
    public static let costs = CostSettings(store: storeID, commissionPPM: 20_000, paymentFeePPM: 6_000,
                                           shippingPerOrder: yuan(500), otherDailyCost: yuan(1_000))

    public static func yuan(_ minor: Int64) -> Money { Money(minor: minor, currency: .cny) }

    /// A local wall-clock time in Shanghai.
    public static func at(_ day: Day, _ hour: Int, _ minute: Int = 0) -> Instant { StoreTimeZone.shanghai.instant(day: day, hour: hour, minute: minute) }

    public static func order(_ id: String, buyer: String, paid: Instant?, amount: Int64, units: Int, goods: Int64? = nil, store: StoreID = storeID) -> Order {
        Order(store: store, id: id, buyer: buyer, status: paid == nil ? .awaitingPayment : .paid, createdAt: paid ?? at(d0, 9),
              paidAt: paid, paidDay: paid.map { StoreTimeZone.shanghai.day(of: $0) }, goodsTotal: yuan(goods ?? amount),
              shippingFee: yuan(0), paidAmount: yuan(amount), units: units, source: "手淘搜索", region: "浙江省",
              shipBy: paid?.adding(hours: 48))
    }

    static func line(_ order: String, _ n: Int, sku: String, price: Int64, quantity: Int) -> OrderLine {
        OrderLine(store: storeID, orderID: order, lineNo: n, productID: "P1", skuID: sku, title: "法式棉麻连衣裙", unitPrice: yuan(price), quantity: quantity)
    }

    /// Two paid orders of any store on d0 (150.00 and 80.00), for tests about who sees which store.
    public static func orders(store: StoreID) -> FactBatch {
        var b = FactBatch()
        b.orders = [order("O1", buyer: "u1", paid: at(d0, 10), amount: 15_000, units: 2, store: store),
                    order("O2", buyer: "u2", paid: at(d0, 11), amount: 8_000, units: 1, store: store)]
        return b
    }

    /// The facts. Expected master table (hand-computed):
    /// - d0: GMV 150 + 80 + 20 = 250.00; 3 paid orders; buyers u1, u2 = 2; units 2 + 1 + 1 = 4;
    ///   COGS: S1 sells 3 units at 40.00 = 120.00, S2 (1 unit, line value 60.00) has no cost;
    ///   visitors 100, PV 250, bounced 40 → conversion 0.02, AOV 125.00, UV value 2.50, bounce 0.40, depth 2.5;
    ///   ads: ztc 30 + 10 = 40.00 spend / 90.00 revenue, display 20.00 / 30.00 → total 60.00, ROAS 2.0, share 0.24;
    ///   affiliate 8.00; live 150 viewers, 50.00; refunds completed 0, by order day (R1 60 + R3 80) 140.00;
    ///   fees 250 × 2.6 % = 6.50; shipping 3 × 5 = 15.00; gross 250 - 120 - 15 - 6.50 = 108.50;
    ///   net 108.50 - 60 - 8 - 0 - 10 = 30.50; DSR 4.8100 (+0.0100), 4.8400 (-0.0100), 4.7000 (0).
    /// - d1: O5 200.00 + O6 50.00 (paid 00:30 local, 16:30 UTC the day before) = 250.00; 2 orders, 2 buyers, 3 units;
    ///   COGS 3 × 45.00 (the new cost from d1) = 135.00; refunds completed R1 60.00 (not returned), 1 order;
    ///   no traffic, ads, affiliate or live rows, inside their coverage only for sales and refunds;
    ///   gross 250 - 135 - 10 - 6.50 = 98.50; net 98.50 - 0 - 0 - 60 - 10 = 28.50.
    /// - d2: no sales data (after the last order), refunds R3 80.00 returned to stock.
    public static func batch() -> FactBatch {
        var b = FactBatch()
        b.products = [Product(store: storeID, id: "P1", title: "法式棉麻连衣裙", category: "连衣裙", price: yuan(10_000), isHero: true, listedOn: d0.adding(days: -100))]
        b.skus = [SKU(store: storeID, id: "S1", productID: "P1", attributes: "颜色分类:白色;尺码:M", price: yuan(10_000), weightGrams: 400, leadTimeDays: 10),
                  SKU(store: storeID, id: "S2", productID: "P1", attributes: "颜色分类:黑色;尺码:L", price: yuan(6_000))]
        b.skuCosts = [SKUCost(store: storeID, skuID: "S1", effectiveFrom: Day(year: 2026, month: 1, day: 1)!, unitCost: yuan(4_000)),
                      SKUCost(store: storeID, skuID: "S1", effectiveFrom: d1, unitCost: yuan(4_500))]
        b.orders = [
            order("O1", buyer: "u1", paid: at(d0, 10), amount: 15_000, units: 2, goods: 16_000),
            order("O2", buyer: "u2", paid: at(d0, 11), amount: 8_000, units: 1),
            order("O3", buyer: "u1", paid: at(d0, 20), amount: 2_000, units: 1),
            order("O4", buyer: "u9", paid: nil, amount: 99_900, units: 1),
            order("O5", buyer: "u3", paid: at(d1, 23, 30), amount: 20_000, units: 2),
            order("O6", buyer: "u4", paid: Instant(year: 2026, month: 3, day: 10, hour: 16, minute: 30)!, amount: 5_000, units: 1),
        ]
        b.orderLines = [
            line("O1", 1, sku: "S1", price: 10_000, quantity: 1), line("O1", 2, sku: "S2", price: 6_000, quantity: 1),
            line("O2", 1, sku: "S1", price: 8_000, quantity: 1), line("O3", 1, sku: "S1", price: 2_000, quantity: 1),
            line("O4", 1, sku: "S1", price: 99_900, quantity: 1), line("O5", 1, sku: "S1", price: 10_000, quantity: 2),
            line("O6", 1, sku: "S1", price: 5_000, quantity: 1),
        ]
        b.refunds = [
            Refund(store: storeID, id: "R1", orderID: "O1", skuID: "S2", kind: .refundOnly, status: .completed, reason: "不喜欢/不想要", amount: yuan(6_000),
                   requestedAt: at(d0, 12), completedAt: at(d1, 10), completedDay: d1, returnedToStock: false),
            Refund(store: storeID, id: "R2", orderID: "O5", skuID: "S1", kind: .returnAndRefund, status: .waitingSeller, reason: "尺码不合适", amount: yuan(10_000),
                   requestedAt: at(d2, 9), dueAt: at(d2, 9).adding(hours: 48)),
            Refund(store: storeID, id: "R3", orderID: "O2", skuID: "S1", kind: .returnAndRefund, status: .completed, reason: "质量问题", amount: yuan(8_000),
                   requestedAt: at(d0, 15), completedAt: at(d2, 11), completedDay: d2, returnedToStock: true),
        ]
        b.shipments = [Shipment(store: storeID, trackingNo: "YT100", orderID: "O1", carrier: "圆通速递", shippedAt: at(d0, 18), status: .inTransit, lastEventAt: at(d1, 4))]
        b.logisticsEvents = [LogisticsEvent(store: storeID, trackingNo: "YT100", at: at(d0, 18), status: .inTransit, description: "已揽收"),
                             LogisticsEvent(store: storeID, trackingNo: "YT100", at: at(d1, 4), status: .inTransit, description: "到达杭州转运中心")]
        b.complaints = [Complaint(store: storeID, id: "C1", orderID: "O1", kind: "延迟发货", penaltyPoints: 1, openedAt: at(d1, 9), dueAt: at(d2, 9), resolved: false)]
        b.affiliateCommissions = [AffiliateCommission(store: storeID, orderID: "O2", day: d0, orderAmount: yuan(8_000), commission: yuan(800))]
        b.liveSessions = [LiveSession(store: storeID, id: "L1", day: d0, host: "小美", durationMinutes: 90, viewers: 100, orders: 1, gmv: yuan(4_000)),
                          LiveSession(store: storeID, id: "L2", day: d0, host: "小雪", durationMinutes: 60, viewers: 50, orders: 1, gmv: yuan(1_000))]
        b.trafficDays = [TrafficDay(store: storeID, day: d0, visitors: 100, pageViews: 250, bouncedVisitors: 40, averageStaySeconds: 55, addToCartBuyers: 9)]
        b.trafficSources = [TrafficSourceDay(store: storeID, day: d0, source: "手淘搜索", group: .free, visitors: 70, buyers: 2, gmv: yuan(25_000)),
                            TrafficSourceDay(store: storeID, day: d0, source: "直通车", group: .paid, visitors: 30, buyers: 0, gmv: yuan(0))]
        b.itemTraffic = [ItemTrafficDay(store: storeID, day: d0, productID: "P1", visitors: 80, pageViews: 120, bouncedVisitors: 30, buyers: 2, units: 4,
                                        gmv: yuan(26_000), addToCartBuyers: 8, favourites: 3)]
        b.adStats = [
            AdStat(store: storeID, day: d0, channel: .ztc, campaign: "主推", adGroup: "", productID: "P1", keyword: "连衣裙", impressions: 1_000,
                   clicks: 30, spend: yuan(3_000), averageRankTenths: 53, orders: 1, revenue: yuan(9_000), directRevenue: yuan(6_000), favourites: 2, carts: 3),
            AdStat(store: storeID, day: d0, channel: .ztc, campaign: "主推", adGroup: "", productID: "P1", keyword: "棉麻连衣裙", impressions: 500,
                   clicks: 10, spend: yuan(1_000), orders: 0, revenue: yuan(0)),
            AdStat(store: storeID, day: d0, channel: .display, campaign: "拉新", adGroup: "", productID: "", keyword: "", impressions: 8_000,
                   clicks: 40, spend: yuan(2_000), orders: 1, revenue: yuan(3_000)),
        ]
        b.adBudgets = [AdBudgetDay(store: storeID, day: d0, channel: .ztc, campaign: "主推", budget: yuan(5_000), exhaustedAt: nil)]
        b.reviews = [Review(store: storeID, id: "V1", productID: "P1", orderID: "O1", rating: 1, text: "色差严重", at: at(d1, 8), day: d1, replied: false)]
        b.dsrScores = [DSRScore(store: storeID, day: dBefore, description: 48_000, service: 48_500, logistics: 47_000),
                       DSRScore(store: storeID, day: d0, description: 48_100, service: 48_400, logistics: 47_000)]
        b.inventory = [InventorySnapshot(store: storeID, day: d0, skuID: "S1", onHand: 12, incoming: 50)]
        b.purchaseOrders = [PurchaseOrder(store: storeID, id: "PO1", skuID: "S1", quantity: 50, orderedOn: d0, expectedOn: d0.adding(days: 10))]
        // SKUs outside the catalog and the stock: what they say changes no check of the fixture.
        b.skuSettings = [SKUSetting(store: storeID, skuID: "S8", safetyDays: 3),
                         SKUSetting(store: storeID, skuID: "S9", isHero: false, leadTimeDays: 12)]
        b.competitors = [Competitor(store: storeID, id: "c1", name: "初见森林原创", platform: .taobao, tier: .peer)]
        b.competitorItems = [CompetitorItem(store: storeID, competitorID: "c1", itemID: "I1", title: "复古连衣裙", ourProductID: "P1")]
        b.competitorSnapshots = [CompetitorSnapshot(store: storeID, day: d0, competitorID: "c1", itemID: "I1", price: yuan(9_900), promoPrice: yuan(8_900),
                                                    monthlySales: 1_200, reviewCount: 800, title: "复古连衣裙", mainImage: "img-1")]
        b.keywordRanks = [KeywordRank(store: storeID, day: d0, keyword: "棉麻连衣裙", productID: "P1", rank: 7),
                          KeywordRank(store: storeID, day: d1, keyword: "棉麻连衣裙", productID: "P1", rank: nil)]
        b.serviceAgentDays = [ServiceAgentDay(store: storeID, day: d0, agent: "小美", inquiries: 20, served: 19, inquirers: 10, ordered: 6, paid: 5,
                                              paidAmount: yuan(50_000), firstResponseSeconds: 12, averageResponseSeconds: 30, answeredWithin3MinPermille: 980)]
        b.targets = [Target.month(store: storeID, year: 2026, month: 3, gmv: yuan(1_000_000), profit: yuan(100_000), spread: .weekday)!]
        b.activities = [Activity(store: storeID, id: "A1", name: "会员日", kind: .selfRun, start: d0, end: d1, status: .running, gmvGoal: yuan(50_000))]
        b.tasks = [OpsTask(store: storeID, id: "T1", title: "回复差评", detail: "V1", role: .service, findingKey: "review:V1", due: d2, status: .open,
                           createdAt: at(d1, 9))]
        b.people = [Person(store: storeID, name: "小美", role: .service), Person(store: storeID, name: "阿杰", role: .ads, agent: nil, tasksWeight: 10)]
        b.personGoals = [PersonGoal(store: storeID, person: "阿杰", month: d0.startOfMonth, metric: .roas, target: 35_000, weight: 60)]
        b.kpiRules = [KPIRule(store: storeID, metric: .inquiryConversion, comparison: .atLeast, threshold: 6_000, amount: yuan(20_000))]
        return b
    }
}
