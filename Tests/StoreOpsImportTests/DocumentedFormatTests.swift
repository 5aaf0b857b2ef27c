import StoreOpsCore
@testable import StoreOpsImport
import Testing

/// Parses CSV text with the built-in formats.
func parse(_ text: String, fileName: String = "t.csv", defaultDay: Day? = nil) throws -> (ParseSummary, FactBatch) {
    var bytes = Array(text.utf8)[...]
    let reader = CSVReader(fileName: fileName) {
        guard !bytes.isEmpty else { return nil }
        defer { bytes = bytes.dropFirst(5) }
        return Array(bytes.prefix(5))
    }
    let context = ImportContext(store: Store(id: "s", name: "s", platform: .tmall), fileName: fileName, defaultDay: defaultDay, pseudonymise: { "p:" + $0 })
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
    }
}
