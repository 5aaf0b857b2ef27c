import StoreOpsCore
@testable import StoreOpsImport
import Testing

/// Parses CSV text with the built-in formats.
func parse(_ text: String, fileName: String = "t.csv", defaultDay: Day? = nil, today: Day? = nil) throws -> (ParseSummary, FactBatch) {
    var bytes = Array(text.utf8)[...]
    let reader = CSVReader(fileName: fileName) {
        guard !bytes.isEmpty else { return nil }
        defer { bytes = bytes.dropFirst(5) }
        return Array(bytes.prefix(5))
    }
    var context = ImportContext(store: Store(id: "s", name: "s", platform: .tmall), fileName: fileName, defaultDay: defaultDay, pseudonymise: { "p:" + $0 })
    context.today = today
    var facts = FactBatch()
    let summary = try ImportParser(source: reader, fileName: fileName, formats: BuiltInFormats.all, context: context, strictWidth: true)
        .run(onBatch: { facts.append($0) })
    return (summary, facts)
}

@Suite("Formats built from their documented headers")
struct DocumentedFormatTests {
    @Test("生意参谋 store overview under title rows, with summary rows below")
    func sycmOverview() throws {
        let (summary, facts) = try parse("""
            店铺概况
            统计时间: 2026-03-01 ~ 2026-03-02
            统计日期,访客数,浏览量,平均停留时长,跳失率,支付金额,支付买家数,支付转化率,客单价,UV价值,加购人数,下单买家数
            2026-03-01,"12,000","36,500",00:00:52,58.20%,"98,765.40",400,3.33%,246.91,8.23,1100,420
            2026-03-02,11000,33000,00:01:05,60.00%,90000,380,3.45%,236.84,8.18,-,400
            合计,23000,69500,,,,,,,,,
            """)
        #expect(summary.format.kind == "sycm-overview" && summary.headerLine == 3 && summary.errorCount == 0)
        #expect(summary.rowsRead == 2)
        #expect(facts.trafficDays.map(\.visitors) == [12_000, 11_000])
        #expect(facts.trafficDays[0].bouncedVisitors == 6_984, "12,000 x 58.20 %")
        #expect(facts.trafficDays[0].averageStaySeconds == 52 && facts.trafficDays[1].addToCartBuyers == nil)
    }

    @Test("生意参谋 traffic sources, the day from --date")
    func sycmSources() throws {
        let (summary, facts) = try parse("""
            流量来源,来源明细,访客数,下单金额,支付金额,支付转化率,客单价,UV价值,加购人数
            手淘搜索,手淘搜索,3200,12000,11000.50,3.2%,107.4,3.44,300
            付费流量,直通车,1200,5000,4800,3.0%,133,4,90
            汇总,,4400,,,,,,
            """, defaultDay: Day(iso: "2026-03-09"))
        #expect(summary.format.kind == "sycm-sources" && summary.errorCount == 0)
        #expect(facts.trafficSources.map(\.source) == ["手淘搜索", "付费流量·直通车"])
        #expect(facts.trafficSources.map(\.group) == [.free, .paid])
        #expect(facts.trafficSources[0].gmv.minor == 1_100_050 && facts.trafficSources[0].day == Day(iso: "2026-03-09"))
    }

    @Test("without a date column or --date, the file says how to give the day")
    func sourcesWithoutDay() throws {
        // Said once for the file, not once per row.
        #expect { try parse("流量来源,访客数\n手淘搜索,10\n手淘推荐,4\n") } throws: { error in
            (error as? ReadError)?.diagnostic.hint.contains("--date") == true && (error as? ReadError)?.diagnostic.line == 1
        }
    }

    @Test("直通车 keyword report with money in fen")
    func ztc() throws {
        let (summary, facts) = try parse("""
            日期,推广计划名称,宝贝名称,商品id,关键词,展现量,点击量,花费(分),点击率,平均点击花费(分),千次展现花费(分),点击转化率,直接成交金额(分),间接成交金额(分),总成交金额(分),直接成交笔数,间接成交笔数,总成交笔数,总收藏数,总购物车数,投入产出比,平均展现排名
            2026-03-09,主推款,法式连衣裙,600123,连衣裙女夏,9000,252,27720,2.80%,110,3080,4.0%,150000,50000,200000,8,2,10,12,25,7.22,5.3
            """)
        #expect(summary.format.kind == "ztc" && summary.errorCount == 0, "\(summary.diagnostics)")
        let stat = try #require(facts.adStats.first)
        #expect(stat.channel == .ztc && stat.keyword == "连衣裙女夏" && stat.spend.minor == 27_720 && stat.revenue.minor == 200_000)
        #expect(stat.directRevenue?.minor == 150_000 && stat.orders == 10 && stat.averageRankTenths == 53)
    }

    @Test("customer-service performance ends with 店铺汇总值 and 店铺平均值")
    func service() throws {
        let (summary, facts) = try parse("""
            客服昵称,咨询人数,接待人数,询单人数,下单人数,付款人数,询单转化率,平均响应时长,首次响应时长,3分钟回复率
            棉麻时光:小美,120,118,80,55,52,65.00%,00:00:25,00:00:12,98.5%
            棉麻时光:阿杰,100,99,70,32,30,42.86%,35,15,96%
            店铺汇总值,220,217,150,87,82,54.67%,,,
            店铺平均值,110,108,75,43,41,54.67%,,,
            """, defaultDay: Day(iso: "2026-03-09"))
        #expect(summary.format.kind == "service" && summary.rowsRead == 2 && summary.errorCount == 0)
        #expect(facts.serviceAgentDays.map(\.agent) == ["棉麻时光:小美", "棉麻时光:阿杰"])
        #expect(facts.serviceAgentDays[1].inquiryConversion == Ratio(30, 70))
        #expect(facts.serviceAgentDays[0].averageResponseSeconds == 25 && facts.serviceAgentDays[0].answeredWithin3MinPermille == 985)
    }

    @Test("Taobao refund export")
    func refunds() throws {
        let (summary, facts) = try parse("""
            订单编号,退款编号,支付宝交易号,订单付款时间,商品id,商品编码,退款完结时间,买家实际支付金额,宝贝标题,买家退款金额,手工退款/系统退款,是否需要退货,退款的申请时间,超时时间,退款状态,货物状态,买家退款原因,买家退款说明
            1001,R1,2026,2026-03-01 10:00:00,600123,MJ001-WH-M,2026-03-04 11:00:00,199.00,连衣裙,199.00,系统退款,是,2026-03-02 09:00:00,2026-03-09 09:00:00,退款成功,买家已退货,尺码不合适,偏小
            1002,R2,2026,2026-03-01 11:00:00,600123,MJ001-WH-L,,99.00,连衣裙,50.00,,否,2026-03-08 20:00:00,2026-03-10 20:00:00,买家已经申请退款，等待卖家同意,未收到货,不想要了,
            """)
        #expect(summary.format.kind == "taobao-refunds" && summary.errorCount == 0, "\(summary.diagnostics)")
        #expect(facts.refunds.map(\.status) == [.completed, .waitingSeller])
        #expect(facts.refunds[0].kind == .returnAndRefund && facts.refunds[0].returnedToStock && facts.refunds[0].completedDay == Day(iso: "2026-03-04"))
        #expect(facts.refunds[1].kind == .refundOnly && facts.refunds[1].amount.minor == 5_000 && facts.refunds[1].dueAt != nil)
    }

    @Test("Douyin orders: sub-orders grouped into orders, ids behind a tab")
    func douyin() throws {
        let (summary, facts) = try parse("主订单编号,子订单编号,选购商品,商品规格,商品数量,商家编码,订单应付金额,运费,订单提交时间,订单状态,售后状态\n"
            + "\t4900001,\t4900001-1,连衣裙,白色 M,1,MJ001-WH-M,129.00,0,2026/03/09 20:11:05,已完成,-\n"
            + "\t4900001,\t4900001-2,衬衫,黑色 L,2,MJ002-BK-L,158.00,0,2026/03/09 20:11:05,已完成,-\n"
            + "\t4900002,\t4900002-1,T恤,白色 S,1,MJ003-WH-S,49.00,0,2026/03/09 21:00:00,待支付,-\n")
        #expect(summary.format.kind == "douyin-orders" && summary.errorCount == 0, "\(summary.diagnostics)")
        #expect(facts.orders.map(\.id) == ["4900001", "4900002"])
        #expect(facts.orders[0].paidAmount.minor == 28_700 && facts.orders[0].units == 3 && facts.orders[0].paidDay == Day(iso: "2026-03-09"))
        #expect(facts.orders[1].paidAt == nil && facts.orders[1].status == .awaitingPayment)
        #expect(facts.orderLines.map(\.skuID) == ["MJ001-WH-M", "MJ002-BK-L", "MJ003-WH-S"])
    }

    @Test("Pinduoduo orders with a refund")
    func pdd() throws {
        let (summary, facts) = try parse("""
            订单号,商品总价(元),用户实付金额(元),商家实收金额(元),商品数量(件),邮费(元),退款金额(元),售后状态,订单成交时间
            260309-001,59.90,49.90,49.90,1,0,0,无售后或售后取消,2026-03-09 10:00:00
            260309-002,99.80,89.80,89.80,2,0,44.90,退款成功,2026-03-09 11:30:00
            """)
        #expect(summary.format.kind == "pdd-orders" && summary.errorCount == 0, "\(summary.diagnostics)")
        #expect(facts.orders.map(\.paidAmount.minor) == [4_990, 8_980] && facts.orders.map(\.units) == [1, 2])
        #expect(facts.refunds.map(\.amount.minor) == [4_490])
        #expect(facts.orders.allSatisfy { $0.shipBy == nil })
    }

    @Test("Pinduoduo's 承诺发货时间 is the promised shipping time the unshipped check holds an order to")
    func pddShipBy() throws {
        let (summary, facts) = try parse("""
            订单号,用户实付金额(元),订单成交时间,订单状态,发货时间,承诺发货时间
            260309-003,49.90,2026-03-09 10:00:00,待发货,,2026-03-10 10:00:00
            """)
        #expect(summary.format.kind == "pdd-orders" && summary.errorCount == 0, "\(summary.diagnostics)")
        // 10:00 in Shanghai is 02:00 UTC: 24 h after payment, not the default 48.
        #expect(facts.orders.map { $0.shipBy?.iso } == ["2026-03-10T02:00:00Z"])
    }

    @Test("聚水潭 stock: 可用数 is sellable; purchases, transfers and the receiving warehouse are incoming")
    func jushuitanStock() throws {
        let day = Day(iso: "2026-03-09")!
        // The 库存视角 export's header (no 调拨在途数 column), and the 商品库存 export's, with a SKU in two rows.
        let (view, viewFacts) = try parse("""
            款式编码,商品编码,颜色,规格,实际库存数,订单占有数,销退仓库存,进货仓库存,采购在途数,销退在途数,虚拟库存数,可用数,公有可用数
            A100,A100-RED-M,红色,M,"1,200",200,3,10,500,0,0,"1,000",1000
            A100,A100-RED-L,红色,L,0,4,0,0,0,0,0,-4,-4
            """, defaultDay: day)
        #expect(view.format.kind == "jushuitan-stock" && view.errorCount == 0, "\(view.diagnostics)")
        #expect(viewFacts.inventory == [
            InventorySnapshot(store: "s", day: day, skuID: "A100-RED-M", onHand: 1_000, incoming: 510),  // 500 on order + 10 received
            InventorySnapshot(store: "s", day: day, skuID: "A100-RED-L", onHand: -4, incoming: 0),  // oversold by 4
        ])
        let (goods, goodsFacts) = try parse("""
            款式编码,颜色,规格,品牌,商品编码,名称,数量,图片地址链接,订单占有,仓库待发,安全库存下限,安全库存上限,最小备货天数,最大备货天数,采购在途数,销退仓库存,进货仓库存,虚拟库存,次品库存,调拨在途数,库存锁定,运营云仓可用数,可用数,公有可用数
            B200,蓝色,均码,自有,B200-BL,围巾,80,,5,0,10,200,7,30,40,0,0,0,1,12,0,0,75,75
            B200,蓝色,均码,自有,B200-BL,围巾,20,,0,0,10,200,7,30,0,0,0,0,0,0,0,0,20,20
            """, defaultDay: day)
        #expect(goods.format.kind == "jushuitan-stock" && goods.errorCount == 0, "\(goods.diagnostics)")
        // One SKU, two rows: 75 + 20 sellable, 40 on order + 12 in transfer.
        #expect(goodsFacts.inventory == [InventorySnapshot(store: "s", day: day, skuID: "B200-BL", onHand: 95, incoming: 52)])
        // Rows of a SKU that add up past what a count may be: an error on the row that passed it (the file is then
        // refused whole, or that row skipped with --skip-invalid).
        let (huge, kept) = try parse("商品编码,可用数\nC-1,\"9,000,000,000\"\nC-1,\"9,000,000,000\"\n", defaultDay: day)
        #expect(huge.errorCount == 1 && huge.diagnostics.first?.line == 3, "\(huge.diagnostics)")
        #expect(kept.inventory.map(\.onHand) == [9_000_000_000])
    }

    @Test("旺店通 stock detail: 可发库存 is sellable, 采购在途 and 调拨在途 incoming; rows without 商家编码 are said")
    func wangdiantongStock() throws {
        let header = ["商家编码", "条码", "货品编号", "货品名称", "货品简称", "货品标签", "规格名称", "规格码", "品牌", "分类", "零售价", "批发价",
                      "市场价", "会员价", "最低价", "库存", "可发库存", "可用库存", "实际库存", "实际可发库存", "警戒库存下限", "警戒库存上限", "未付款量",
                      "预订单量", "待审核量", "待发货量", "锁定量", "待采购量", "采购在途", "采购到货量", "待调拨量", "待调出量", "调拨在途", "其他待入库量",
                      "其他待出库量", "采购退货", "销售退货在途量", "生产待出库量", "生产待入库量", "待质检量", "已质检库存", "未发货订单总数", "主供应商",
                      "最后盘点时间"]
        func row(_ code: String, stock: Int, shippable: Int, purchase: Int, transfer: Int) -> String {
            var cells = Array(repeating: "0", count: header.count)
            cells[0] = code
            cells[3] = "保温杯"
            cells[10] = "59.00"
            cells[15] = "\(stock)"
            cells[16] = "\(shippable)"
            cells[28] = "\(purchase)"
            cells[32] = "\(transfer)"
            cells[43] = "2026-03-01 10:00:00"
            return cells.joined(separator: ",")
        }
        let (summary, facts) = try parse([header.joined(separator: ","), row("CUP-500", stock: 130, shippable: 118, purchase: 200, transfer: 0),
                                          row("", stock: 5, shippable: 5, purchase: 0, transfer: 0),
                                          row("CUP-350", stock: 0, shippable: 0, purchase: 0, transfer: 24)].joined(separator: "\n") + "\n",
                                         defaultDay: Day(iso: "2026-03-09"))
        #expect(summary.format.kind == "wangdiantong-stock" && summary.errorCount == 0, "\(summary.diagnostics)")
        #expect(facts.inventory.map { [$0.skuID, "\($0.onHand)", "\($0.incoming)"] } == [["CUP-500", "118", "200"], ["CUP-350", "0", "24"]])
        // The row without a code is not stored, and the warning says so once, on its line.
        let warning = try #require(summary.diagnostics.first)
        #expect(warning.severity == .warning && warning.line == 3 && warning.message.hasPrefix("1 row(s) without a SKU"))
    }

    @Test("Amazon FBA: a SKU not listed for FBA is no FBA count; inbound stages add up; no date: the day of the import")
    func fbaStock() throws {
        let text = """
            sku,fnsku,asin,condition,your-price,mfn-listing-exists,mfn-fulfillable-quantity,afn-listing-exists,afn-warehouse-quantity,afn-fulfillable-quantity,afn-unsellable-quantity,afn-reserved-quantity,afn-total-quantity,per-unit-volume,afn-inbound-working-quantity,afn-inbound-shipped-quantity,afn-inbound-receiving-quantity,afn-researching-quantity,afn-reserved-future-supply,afn-future-supply-buyable
            1006,X002AOA1NV,B07TWWWHLL,New,19.95,No,,Yes,13,13,0,0,13,0.1,36,5,2,0,0,0
            2000,B01G2IM10U,B01G2IM10U,New,10.95,Yes,7,No,0,0,0,0,0,0.1,0,0,0,0,0,0
            """
        let (summary, facts) = try parse(text, today: Day(iso: "2026-03-09"))
        #expect(summary.format.kind == "amazon-fba-inventory" && summary.errorCount == 0, "\(summary.diagnostics)")
        #expect(facts.inventory == [InventorySnapshot(store: "s", day: Day(iso: "2026-03-09")!, skuID: "1006", onHand: 13, incoming: 43)])
        #expect(summary.diagnostics.map(\.line) == [3])
        // Neither a date nor an import day (a parse on its own): each row says how to give the day.
        let (undated, nothing) = try parse(text)
        #expect(nothing.inventory.isEmpty && undated.errorCount == 1 && undated.diagnostics.first?.hint.contains("--date") == true)
    }

    @Test("淘宝助理: the second header line is skipped, a first data row is not")
    func assistantSecondHeader() throws {
        let header = "version 1.00\ntitle\tprice\tnum\touter_id\tnum_id\n"
        let day = Day(iso: "2026-03-09")
        let (withNames, named) = try parse(header + "宝贝名称\t宝贝价格\t宝贝数量\t商家编码\t数字ID\n杯子\t59.00\t30\tCUP-1\t5271\n", defaultDay: day)
        #expect(withNames.format.kind == "taobao-assistant-items" && withNames.errorCount == 0 && withNames.rowsRead == 1, "\(withNames.diagnostics)")
        #expect(named.inventory.map(\.onHand) == [30])
        let (without, data) = try parse(header + "杯子\t59.00\t30\tCUP-1\t5271\n碗\t29.00\t8\tBOWL-1\t5272\n", defaultDay: day)
        #expect(without.errorCount == 0 && without.rowsRead == 2 && data.inventory.map(\.skuID) == ["CUP-1", "BOWL-1"])
    }

    @Test("Taobao reviews: 评价等级 as 5, 3 or 1 star, a reply makes it replied, the order and item name it")
    func taobaoReviews() throws {
        let (summary, facts) = try parse("""
            订单编号,宝贝ID,宝贝标题,评价等级,评价内容,评价时间,回复内容
            \t4100000012345,527144981794,保温杯,差评,盖子漏水,2026-03-08 21:15:00,
            \t4100000012346,527144981794,保温杯,中评,一般,2026-03-09 08:00:00,亲，已为您补发
            \t4100000012347,527159472623,碗,好评,很好,2026-03-09 09:30:00,
            """)
        #expect(summary.format.kind == "taobao-reviews" && summary.errorCount == 0, "\(summary.diagnostics)")
        #expect(facts.reviews.map(\.rating) == [1, 3, 5] && facts.reviews.map(\.replied) == [false, true, false])
        #expect(facts.reviews[0].id == "4100000012345|527144981794" && facts.reviews[0].orderID == "4100000012345")
        // 21:15 in Shanghai (the store's zone) is still 2026-03-08 there.
        #expect(facts.reviews[0].day == Day(iso: "2026-03-08") && facts.reviews[0].text == "盖子漏水")
        let (bad, _) = try parse("宝贝ID,评价等级,评价时间\n5271,很差,2026-03-09 10:00:00\n")
        #expect(bad.errorCount == 1 && bad.diagnostics.first?.column == "评价等级" && bad.diagnostics.first?.hint.contains("好评") == true)
    }

    @Test("Judge.me reviews: stars, products by handle, ids from a digest when the export has none")
    func judgemeReviews() throws {
        let header = "title,body,rating,review_date,source,curated,reviewer_name,reviewer_email,product_id,product_handle,reply,reply_date,"
            + "picture_urls,ip_address,location,metaobject_handle\n"
        let (summary, facts) = try parse(header
            + "Leaks,The lid leaks,2,2026-03-09 10:20:00,web,ok,Ann,ann@example.com,8012345,steel-bottle,,,,,,\n"
            + "Great,Love it,5,2026-03-09 11:00:00,web,ok,Bo,bo@example.com,8012345,steel-bottle,Thank you!,2026-03-09 12:00:00,,,,\n")
        #expect(summary.format.kind == "judgeme-reviews" && summary.errorCount == 0, "\(summary.diagnostics)")
        #expect(facts.reviews.map { "\($0.productID) \($0.rating) \($0.replied)" } == ["steel-bottle 2 false", "steel-bottle 5 true"])
        #expect(facts.reviews.allSatisfy { $0.id.hasPrefix("h") && $0.id.count == 21 } && facts.reviews[0].id != facts.reviews[1].id)
        // The same review again has the same id: an import of the next export does not count it twice.
        let (_, again) = try parse(header + "Leaks,The lid leaks,2,2026-03-09 10:20:00,web,ok,Ann,ann@example.com,8012345,steel-bottle,,,,,,\n")
        #expect(again.reviews.map(\.id) == [facts.reviews[0].id])
    }

    @Test("store scores: four decimals, the day from the file or --date, out-of-range scores refused")
    func storeScores() throws {
        let (summary, facts) = try parse("日期,描述相符,服务态度,物流服务\n2026-03-08,4.8123,4.81,4.8\n2026-03-09,4.8102,4.8099,4.7950\n")
        #expect(summary.format.kind == "store-scores" && summary.errorCount == 0, "\(summary.diagnostics)")
        #expect(facts.dsrScores.map { [$0.description, $0.service, $0.logistics] } == [[48_123, 48_100, 48_000], [48_102, 48_099, 47_950]])
        let (dated, one) = try parse("描述相符,服务态度,物流服务\n4.9,4.9,4.9\n", defaultDay: Day(iso: "2026-03-10"))
        #expect(dated.errorCount == 0 && one.dsrScores.map(\.day) == [Day(iso: "2026-03-10")!])
        let (bad, none) = try parse("日期,描述相符,服务态度,物流服务\n2026-03-08,48.1,4.8,4.8\n")
        #expect(none.dsrScores.isEmpty && bad.diagnostics.first?.column == "描述相符")
    }

    @Test("Amazon All Orders: items grouped into orders, pending not paid, cancelled closed, the currency checked")
    func amazonOrders() throws {
        let header = "amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\t"
            + "sales-channel\torder-channel\turl\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\t"
            + "item-price\titem-tax\tshipping-price\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\titem-promotion-discount\t"
            + "ship-promotion-discount\tship-city\tship-state\tship-postal-code\tship-country\tpromotion-ids\t"
            + "is-business-order\tpurchase-order-number\tprice-designation\n"
        func row(_ id: String, _ time: String, _ status: String, _ sku: String, _ quantity: Int, _ price: String) -> String {
            "\(id)\t\t\(time)\t\(time)\t\(status)\tAmazon\tAmazon.com\t\t\tExpedited\tDog bed \(sku)\t\(sku)\tB07KSV9YBC\t"
                + "\(status)\t\(quantity)\tUSD\t\(price)\t0.00\t0.00\t0.00\t\t\t0.00\t0.00\tAustin\tTX\t78701\tUS\t\tfalse\t\t\n"
        }
        let store = Store(id: "us", name: "US", platform: .amazon, currency: Currency("USD"), timeZone: StoreTimeZone("America/Los_Angeles")!)
        let text = header + row("111-1", "2026-03-09T18:20:30+00:00", "Shipped", "140", 2, "69.90")
            + row("111-1", "2026-03-09T18:20:30+00:00", "Shipped", "141", 1, "24.95")
            + row("111-2", "2026-03-09T19:00:00+00:00", "Pending", "140", 1, "34.95")
            + row("111-3", "2026-03-10T02:00:00+00:00", "Cancelled", "141", 1, "24.95")
        var bytes = Array(text.utf8)[...]
        let reader = CSVReader(fileName: "orders.txt") {
            guard !bytes.isEmpty else { return nil }
            defer { bytes = bytes.dropFirst(7) }
            return Array(bytes.prefix(7))
        }
        var facts = FactBatch()
        let summary = try ImportParser(source: reader, fileName: "orders.txt", formats: BuiltInFormats.all,
                                       context: ImportContext(store: store, fileName: "orders.txt", pseudonymise: { $0 }), strictWidth: true)
            .run(onBatch: { facts.append($0) })
        #expect(summary.format.kind == "amazon-orders" && summary.errorCount == 0, "\(summary.diagnostics)")
        #expect(facts.orders.map(\.id) == ["111-1", "111-2", "111-3"])
        // 69.90 + 24.95 for the two items; paid when placed, 11:20 in Los Angeles on 2026-03-09.
        #expect(facts.orders[0].paidAmount.minor == 9_485 && facts.orders[0].units == 3 && facts.orders[0].status == .shipped)
        #expect(facts.orders[0].paidDay == Day(iso: "2026-03-09"))
        #expect(facts.orders[1].paidAt == nil && facts.orders[1].status == .awaitingPayment)
        #expect(facts.orders[2].paidAt == nil && facts.orders[2].status == .closed)
        #expect(facts.orderLines.map { "\($0.orderID) \($0.skuID ?? "-") \($0.quantity)" } == ["111-1 140 2", "111-1 141 1", "111-2 140 1", "111-3 141 1"])
    }

    @Test("tracking export: 快递100 statuses, the latest report per parcel, no report yet, unknown words and clashes refused")
    func trackingStatus() throws {
        let text = "快递单号,快递公司,物流状态,最后更新时间,最新物流信息,订单号\n"
            + "\t773001,申通快递,揽收,2026-11-18 18:00:00,【杭州市】已揽收,\t41001\n"
            + "\t773001,申通快递,在途,2026-11-19 04:00:00,快件已到达 杭州转运中心,\t41001\n"
            + "\t773002,中通快递,签收,2026-11-20 10:00:00,已签收，签收人: 本人,\n"
            + "\t773003,中通快递,收件人拒签,2026-11-20 12:00:00,拒收退回,\n"
            + "\t773004,百世快递,暂无轨迹,,,\t41004\n"
            + "\t773001,申通快递,在途,2026-11-19 04:00:00,快件已到达 杭州转运中心,\t41001\n"
        let (summary, facts) = try parse(text)
        #expect(summary.format.kind == "tracking-status" && summary.errorCount == 0, "\(summary.diagnostics)")
        // Four reports (the repeated row is one); the parcel of two reports has the later one's status and time.
        #expect(facts.logisticsEvents.map { "\($0.trackingNo) \($0.status.rawValue)" }
                    == ["773001 in_transit", "773001 in_transit", "773002 delivered", "773003 returned"])
        #expect(facts.shipments.map { "\($0.trackingNo) \($0.orderID ?? "-") \($0.status?.rawValue ?? "-")" }
                    == ["773001 41001 in_transit", "773002 - delivered", "773003 - returned", "773004 41004 -"])
        // 04:00 in Shanghai is 20:00 UTC the day before.
        #expect(facts.shipments[0].lastEventAt == Instant(year: 2026, month: 11, day: 18, hour: 20))
        #expect(facts.shipments[3].lastEventAt == nil && facts.shipments[3].carrier == "百世快递")

        let (unknown, none) = try parse("运单号,物流状态,最后更新时间\n\t773009,飞走了,2026-11-20 12:00:00\n")
        #expect(none.shipments.isEmpty && unknown.diagnostics.first?.column == "物流状态")
        let (clash, _) = try parse("运单号,物流状态,最后更新时间\n\t773009,在途,2026-11-20 12:00:00\n\t773009,签收,2026-11-20 12:00:00\n")
        #expect(clash.errorCount == 1 && clash.diagnostics.first?.message.contains("line 2") == true, "\(clash.diagnostics)")
        let (silent, _) = try parse("运单号,物流状态,最后更新时间\n\t773009,在途,\n")
        #expect(silent.errorCount == 1 && silent.diagnostics.first?.column == "最后更新时间")
    }

    @Test("sheets kept by hand: budgets with clock times, the competitor watch by item address, ranks not found")
    func handKeptSheets() throws {
        let (budgets, b) = try parse("日期,推广计划,日限额,撞线时间,渠道\n2026-11-21,拉新,300.00,14:05,直通车\n2026-11-21,收割,200,,\n"
            + "2026-11-21,测款,100,25:00,\n")
        #expect(budgets.format.kind == "ad-budgets" && budgets.errorCount == 1 && budgets.diagnostics.first?.line == 4)
        // 14:05 in Shanghai is 06:05 UTC; an empty run-out cell is a budget that lasted; no channel: other.
        #expect(b.adBudgets.map { "\($0.campaign) \($0.channel.rawValue) \($0.budget.minor) \($0.exhaustedAt?.iso ?? "-")" }
                    == ["拉新 ztc 30000 2026-11-21T06:05:00Z", "收割 other 20000 -"])

        let (list, l) = try parse("竞品店铺,竞品宝贝ID,标题,我方宝贝ID,核心竞品,竞品层级,上架日期\n"
            + "杯具旗舰店,https://item.taobao.com/item.htm?spm=a1z10&id=700123,保温杯,5271,否,大店,2026-11-18\n"
            + "杯子小店,700124,水杯,,,,\n")
        #expect(list.format.kind == "competitor-list" && list.errorCount == 0, "\(list.diagnostics)")
        #expect(l.competitors.map { "\($0.id) \($0.tier.rawValue) \($0.platform.rawValue)" } == ["杯具旗舰店 bigger tmall", "杯子小店 peer tmall"])
        #expect(l.competitorItems.map { "\($0.itemID) \($0.isCore) \($0.ourProductID ?? "-") \($0.listedOn?.iso ?? "-")" }
                    == ["700123 false 5271 2026-11-18", "700124 true - -"])

        let (watch, w) = try parse("竞品店铺,竞品宝贝ID,价格,活动价,月销量,标题\n杯具旗舰店,700123,99.00,89.00,1300,保温杯\n",
                                   defaultDay: Day(iso: "2026-11-21"))
        #expect(watch.format.kind == "competitor-snapshots" && watch.errorCount == 0, "\(watch.diagnostics)")
        #expect(w.competitorSnapshots.map { "\($0.day.iso) \($0.price.minor) \($0.promoPrice?.minor ?? -1) \($0.monthlySales)" }
                    == ["2026-11-21 9900 8900 1300"])
        #expect(w.competitorSnapshots.first?.reviewCount == nil)

        let (ranks, k) = try parse("日期,关键词,宝贝ID,排名\n2026-11-21,保温杯,5271,未找到\n2026-11-21,水杯,5271,31\n"
            + "2026-11-21,杯子,5271,第一\n")
        #expect(ranks.format.kind == "keyword-ranks" && ranks.errorCount == 1 && ranks.diagnostics.first?.column == "排名")
        #expect(k.keywordRanks.map { "\($0.keyword) \($0.rank.map(String.init) ?? "not found")" } == ["保温杯 not found", "水杯 31"])
    }

    @Test("Item settings and activities sheets: each part optional, repeats and bad values named by line")
    func settingsAndActivities() throws {
        let (settings, s) = try parse("商家编码,主推款,交期天数,安全天数\nA-1,是,12,\nA-2,,,3\nA-3,否,,\nA-4,,,\nA-5,也许,400,\n"
            + "A-1,是,12,\nA-2,,,4\n")
        #expect(settings.format.kind == "sku-settings")
        // A-5: two bad cells on one line; A-2 again with other figures: refused, naming the first line; A-1 again: same row.
        #expect(settings.diagnostics.filter { $0.severity == .error }.map { "\($0.line ?? 0) \($0.column ?? "-")" }
                    == ["6 主推款", "6 交期天数", "8 商家编码"])
        // A-4 sets nothing: nothing is stored for it.
        #expect(s.skuSettings.map { "\($0.skuID) \($0.isHero.map(String.init) ?? "-") \($0.leadTimeDays ?? -1) \($0.safetyDays ?? -1)" }
                    == ["A-1 true 12 -1", "A-2 - -1 3", "A-3 false -1 -1"])

        let (plan, a) = try parse("活动名称,活动类型,开始日期,结束日期,状态,目标GMV,费用\n双12,平台活动,2026-12-10,2026-12-12,,300000,5000.50\n"
            + "会员日,自营,2026-11-01,2026-11-30,,,\n清仓,自营,2026-11-20,2026-12-20,已报名,,\n倒挂,,2026-12-05,2026-12-01,,,\n",
                                  today: Day(iso: "2026-11-22"))
        #expect(plan.format.kind == "activities" && plan.errorCount == 1 && plan.diagnostics.first?.line == 5)
        #expect(a.activities.map { "\($0.id) \($0.kind.rawValue) \($0.status.rawValue) \($0.gmvGoal?.minor ?? -1) \($0.cost?.minor ?? -1)" }
                    == ["双12@2026-12-10 platform_event planned 30000000 500050", "会员日@2026-11-01 self_run running -1 -1",
                        "清仓@2026-11-20 self_run registered -1 -1"])
    }

    @Test("Affiliate orders summed per order on its paid day; live sessions with lengths in h:m:s, 小时/分 or minutes")
    func affiliateAndLive() throws {
        // Order 8801 in two sub-orders: 120.00 + 80.00 paid, 6.00 + 4.00 commission; its first row paid 23:50 on the 20th.
        // 8803 lacks its commission (an error); 8804 was never paid (left out).
        let (affiliate, a) = try parse("淘宝父订单编号,付款时间,付款金额,预估佣金\n\t8801,2026-11-20 23:50:00,120.00,6.00\n"
            + "\t8802,2026-11-21 10:00:00,99.00,9.90\n\t8801,2026-11-21 00:10:00,80.00,4.00\n\t8803,2026-11-21 11:00:00,50.00,\n"
            + "\t8804,,60.00,3.00\n")
        #expect(affiliate.format.kind == "affiliate-orders" && affiliate.errorCount == 1 && affiliate.diagnostics.first?.line == 5)
        #expect(a.affiliateCommissions.map { "\($0.orderID) \($0.day.iso) \($0.orderAmount.minor) \($0.commission.minor)" }
                    == ["8801 2026-11-20 20000 1000", "8802 2026-11-21 9900 990"])

        let (live, l) = try parse("直播标题,开播时间,主播,直播时长,观看人数,成交笔数,成交金额\n上新专场,2026-11-21 19:30:00,小美,2:30:00,1200,35,4580.00\n"
            + "清仓,2026-11-21 21:05:00,小美,1小时20分,300,,600\n")
        #expect(live.format.kind == "live-sessions" && live.errorCount == 0, "\(live.diagnostics)")
        #expect(l.liveSessions.map { "\($0.id)|\($0.day.iso) \($0.durationMinutes) \($0.viewers) \($0.orders) \($0.gmv.minor)" }
                    == ["2026-11-21 19:30 上新专场|2026-11-21 150 1200 35 458000", "2026-11-21 21:05 清仓|2026-11-21 80 300 0 60000"])
        let (minutes, m) = try parse("日期,主播,直播时长(分钟),观看人数,成交金额\n2026-11-21,小美,95,800,1000.00\n")
        #expect(minutes.errorCount == 0 && m.liveSessions.map { "\($0.id) \($0.durationMinutes)" } == ["2026-11-21 小美 95"])
    }

    @Test("Complaints and purchase orders sheets: store times, statuses, an arrival closes an order, mistakes named")
    func complaintsAndPurchases() throws {
        let (complaints, c) = try parse("投诉编号,投诉类型,订单编号,扣分,发起时间,处理截止时间,是否已处理\n"
            + "cp-1,延迟发货,\t3001,1,2026-11-20 16:00,2026-11-22 16:00,处理中\ncp-2,描述不符,,,2026-11-01 11:00,,是\n"
            + "cp-3,虚假发货,,2,2026-11-20 16:00,2026-11-19 16:00,\n")
        #expect(complaints.format.kind == "complaints" && complaints.errorCount == 1 && complaints.diagnostics.first?.line == 4)
        // 16:00 in Shanghai is 08:00 UTC.
        #expect(c.complaints.map { "\($0.id) \($0.orderID ?? "-") \($0.penaltyPoints) \($0.openedAt.iso) \($0.dueAt?.iso ?? "-") \($0.resolved)" }
                    == ["cp-1 3001 1 2026-11-20T08:00:00Z 2026-11-22T08:00:00Z false", "cp-2 - 0 2026-11-01T03:00:00Z - true"])

        let (purchases, p) = try parse("采购单号,商家编码,采购数量,采购日期,预计到货日期,到货日期,预售\nPO-1,A-1,200,2026-11-01,2026-11-20,,是\n"
            + "PO-2,A-2,50,2026-11-01,2026-11-10,2026-11-09,\nPO-3,A-3,0,2026-11-01,2026-11-10,,\nPO-4,A-3,5,2026-11-10,2026-11-01,,\n")
        #expect(purchases.format.kind == "purchase-orders" && purchases.errorCount == 2)
        #expect(purchases.diagnostics.map { "\($0.line ?? 0) \($0.column ?? "-")" } == ["4 采购数量", "5 预计到货日期"])
        #expect(p.purchaseOrders.map { "\($0.id) \($0.quantity) \($0.receivedOn?.iso ?? "open") \($0.isPresale)" }
                    == ["PO-1 200 open true", "PO-2 50 2026-11-09 false"])
    }

    @Test("生意参谋 item performance: bounce rate to bounced visitors, an item's two rows of a day summed, a lacking figure unknown")
    func sycmItems() throws {
        let (summary, facts) = try parse("统计日期,商品ID,商品名称,商品访客数,商品浏览量,商品详情页跳出率,商品加购人数,商品收藏人数,支付买家数,支付件数,支付金额\n"
            + "2026-11-21,6512,保温杯,1200,3000,58.25%,96,40,30,33,2970.00\n2026-11-21,6513,水杯,300,450,0.6,12,,6,6,294.00\n"
            + "2026-11-21,6513,水杯,100,150,0.5,4,3,2,2,98.00\n")
        #expect(summary.format.kind == "sycm-items" && summary.errorCount == 0, "\(summary.diagnostics)")
        // 6512: 58.25 % of 1,200 is 699 bounced. 6513: 180 + 50 bounced, 16 adding to cart, favourites unknown (one row lacks it).
        #expect(facts.itemTraffic.map { "\($0.productID) \($0.visitors) \($0.pageViews) \($0.bouncedVisitors ?? -1) \($0.addToCartBuyers ?? -1) "
                    + "\($0.favourites ?? -1) \($0.buyers) \($0.units) \($0.gmv.minor)" }
                    == ["6512 1200 3000 699 96 40 30 33 297000", "6513 400 600 230 16 -1 8 8 39200"])
    }

    @Test("巨量千川 全域 by product and 标准 by plan, the 全部 row skipped; 万相台 plans with their items")
    func qianchuanAndWanxiangtai() throws {
        let (all, a) = try parse("日期,商品ID,商品名称,整体消耗,整体展示次数,整体点击次数,整体成交订单数,整体成交金额,整体支付ROI\n"
            + "全部,-,-,\"1,500.00\",30000,900,40,\"4,800.00\",3.2\n2026-11-21,3581,保温杯,\"1,000.00\",20000,600,30,\"3,600.00\",3.6\n"
            + "2026-11-21,3582,水杯,500.00,10000,300,10,\"1,200.00\",2.4\n")
        #expect(all.format.kind == "qianchuan" && all.errorCount == 0, "\(all.diagnostics)")
        #expect(a.adStats.map { "\($0.campaign) \($0.productID) \($0.channel.rawValue) \($0.spend.minor) \($0.clicks) \($0.orders) \($0.revenue.minor)" }
                    == ["保温杯 3581 other 100000 600 30 360000", "水杯 3582 other 50000 300 10 120000"])
        let (plans, p) = try parse("日期,计划ID,计划名称,消耗(元),展示次数,点击次数,直接成交订单数,直接成交金额(元)\n2026-11-21,71001,新品拉新,300.50,8000,240,6,720.00\n")
        #expect(plans.format.kind == "qianchuan" && plans.errorCount == 0, "\(plans.diagnostics)")
        #expect(p.adStats.map { "\($0.campaign) \($0.spend.minor) \($0.impressions) \($0.revenue.minor)" } == ["新品拉新 30050 8000 72000"])
        let (wxt, w) = try parse("日期,场景ID,场景名字,计划ID,计划名字,主体ID,主体名称,主体类型,花费,展现量,点击量,总成交金额,总成交笔数,直接成交金额\n"
            + "2026-11-21,1,货品全站推,88001,保温杯全站,6512,保温杯,商品,200.00,5000,150,800.00,8,600.00\n")
        #expect(wxt.format.kind == "wanxiangtai" && wxt.errorCount == 0, "\(wxt.diagnostics)")
        #expect(w.adStats.map { "\($0.campaign) \($0.adGroup) \($0.productID) \($0.channel.rawValue) \($0.spend.minor) \($0.directRevenue?.minor ?? -1)" }
                    == ["保温杯全站 保温杯 6512 wxt 20000 60000"])
    }

    @Test("JD orders: the 30 columns of 京东's export, items grouped into orders, (删除) and (锁定) marks read through")
    func jdOrders() throws {
        let header = "订单号,商品ID,商品名称,订购数量,支付方式,下单时间,京东价,订单金额,结算金额,余额支付,应付金额,订单状态,订单类型,下单帐号,"
            + "客户姓名,客户地址,联系电话,订单备注,发票类型,发票抬头,发票内容,商家备注,商家备注等级（等级1-5为由高到低）,运费金额,"
            + "付款确认时间,增值税发票,货号,订单完成时间,订单来源,订单渠道\n"
        func row(_ id: String, _ item: String, _ quantity: Int, _ price: String, _ total: String, _ payable: String, _ status: String,
                 _ paid: String) -> String {
            "\(id),\(item),保温杯,\(quantity),在线支付,2026-11-20 10:00:00,\(price),\(total),\(payable),0.00,\(payable),\(status),销售订单,"
                + "jd_buyer1,张三,浙江省杭州市西湖区,138****0000,,普通发票,个人,明细,,,0.00,\(paid),否,A-\(item),,移动端订单,暂无来源\n"
        }
        let text = header + row("\t31001", "100201", 2, "99.00", "297.00", "279.00", "等待出库", "2026-11-20 10:01:00")
            + row("\t31001", "100202", 1, "99.00", "297.00", "279.00", "等待出库", "2026-11-20 10:01:00")
            + row("\t31002", "100201", 1, "99.00", "99.00", "99.00", "(删除)等待确认收货", "2026-11-20 11:00:00")
            + row("\t31003", "100201", 1, "99.00", "99.00", "99.00", "等待付款", "")
            + row("\t31004", "100201", 1, "99.00", "99.00", "99.00", "(锁定)等待出库", "2026-11-20 12:00:00")
        let (summary, facts) = try parse(text)
        #expect(summary.format.kind == "jd-orders" && summary.errorCount == 0, "\(summary.diagnostics)")
        // 279.00 paid for three items of 99.00 (297.00 before discounts); 31003 is not paid.
        #expect(facts.orders.map { "\($0.id) \($0.status.rawValue) \($0.paidAmount.minor) \($0.units ?? -1) \($0.paidAt != nil)" }
                    == ["31001 paid 27900 3 true", "31002 shipped 9900 1 true", "31003 awaiting_payment 9900 1 false",
                        "31004 paid 9900 1 true"])
        #expect(facts.orderLines.filter { $0.orderID == "31001" }.map { "\($0.productID ?? "-") \($0.skuID ?? "-") \($0.quantity)" }
                    == ["100201 A-100201 2", "100202 A-100202 1"])
        #expect(facts.orders.first?.region == "浙江省")
    }
}
