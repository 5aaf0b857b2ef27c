import StoreOpsCore

extension DemoFileWriter {
    /// 生意参谋: the store overview, traffic sources and item performance per day.
    func traffic(_ b: FactBatch) -> [DemoFile] {
        let overview = b.trafficDays.map { t in
            [
                t.day.iso, String(t.visitors), String(t.pageViews), rate(t.bouncedVisitors, of: t.visitors),
                count(t.averageStaySeconds),
                count(t.addToCartBuyers),
            ]
        }
        let sources = b.trafficSources.map { s in
            [s.day.iso, s.source, String(s.visitors), String(s.buyers), money(s.gmv)]
        }
        let items = b.itemTraffic.map { i in
            [
                i.day.iso, i.productID, String(i.visitors), String(i.pageViews),
                rate(i.bouncedVisitors, of: i.visitors),
                count(i.addToCartBuyers), count(i.favourites), String(i.buyers), String(i.units), money(i.gmv),
            ]
        }
        return [
            DemoFile(
                "sycm-overview.csv", csv(["统计日期", "访客数", "浏览量", "跳失率", "平均停留时长", "加购人数"], overview),
                kind: "sycm-overview"),
            DemoFile("sycm-sources.csv", csv(["统计日期", "流量来源", "访客数", "支付买家数", "支付金额"], sources), kind: "sycm-sources"),
            DemoFile(
                "sycm-items.csv",
                csv(
                    [
                        "统计日期", "商品ID", "商品访客数", "商品浏览量", "商品详情页跳出率", "商品加购人数", "商品收藏人数",
                        "支付买家数", "支付件数", "支付金额",
                    ], items), kind: "sycm-items"),
        ]
    }

    /// The 直通车 keyword report, and each other channel's campaign report under a mapping that names its channel.
    func ads(_ b: FactBatch) -> [DemoFile] {
        let header = [
            "日期", "推广计划名称", "推广单元", "商品id", "关键词", "展现量", "点击量", "花费", "平均展现排名", "总成交笔数",
            "总成交金额", "直接成交金额", "总收藏数", "总购物车数",
        ]
        func rows(_ stats: [AdStat]) -> [[String]] {
            stats.map { s in
                [
                    s.day.iso, s.campaign, s.adGroup, s.productID, s.keyword, String(s.impressions), String(s.clicks),
                    money(s.spend),
                    s.averageRankTenths.map { "\($0 / 10).\($0 % 10)" } ?? "", String(s.orders), money(s.revenue),
                    money(s.directRevenue),
                    String(s.favourites), String(s.carts),
                ]
            }
        }
        var files: [DemoFile] = []
        let channels = AdChannel.allCases.filter { c in b.adStats.contains { $0.channel == c } }
        for channel in channels {
            let stats = b.adStats.filter { $0.channel == channel }
            if channel == .ztc {
                files.append(DemoFile("ztc.csv", csv(header, rows(stats)), kind: "ztc"))
            } else {
                let fields = [
                    "day", "campaign", "ad_group", "product_id", "keyword", "impressions", "clicks", "spend",
                    "average_rank",
                    "orders", "revenue", "direct_revenue", "favourites", "carts",
                ]
                files.append(
                    DemoFile(
                        "ads-\(channel.rawValue).csv", csv(header, rows(stats)), kind: nil,
                        mapping: mapping(
                            "ad_stats", "\(channel.chineseName)报表", Array(zip(fields, header)),
                            channel: channel.rawValue)))
            }
        }
        let budgets = b.adBudgets.map { d in
            [d.day.iso, d.campaign, money(d.budget), d.exhaustedAt.map(clock) ?? "", d.channel.chineseName]
        }
        files.append(DemoFile("ad-budgets.csv", csv(["日期", "推广计划", "日限额", "撞线时间", "渠道"], budgets), kind: "ad-budgets"))
        return files
    }

    /// 客服绩效 per day.
    func service(_ b: FactBatch) -> DemoFile {
        let rows = b.serviceAgentDays.map { a in
            [
                a.day.iso, a.agent, String(a.inquiries), String(a.served), String(a.inquirers), String(a.ordered),
                String(a.paid),
                money(a.paidAmount), count(a.firstResponseSeconds), count(a.averageResponseSeconds),
                a.answeredWithin3MinPermille.map { rate($0, of: 1_000) } ?? "",
            ]
        }
        return DemoFile(
            "service.csv",
            csv(
                [
                    "日期", "客服昵称", "咨询人数", "接待人数", "询单人数", "下单人数", "付款人数", "付款金额",
                    "首次响应时长", "平均响应时长", "3分钟回复率",
                ], rows), kind: "service")
    }

    /// 店铺评分 per day.
    func scores(_ b: FactBatch) -> DemoFile {
        func score(_ n: Int) -> String { "\(n / 10_000)." + String(String(n % 10_000 + 10_000).dropFirst()) }
        let rows = b.dsrScores.map { [$0.day.iso, score($0.description), score($0.service), score($0.logistics)] }
        return DemoFile("store-scores.csv", csv(["日期", "描述相符", "服务态度", "物流服务"], rows), kind: "store-scores")
    }

    /// The ERP's daily stock counts (聚水潭's columns, with the day of each count under a mapping).
    func stock(_ b: FactBatch) -> DemoFile {
        let rows = b.inventory.map { [$0.day.iso, $0.skuID, String($0.onHand), String($0.incoming)] }
        return DemoFile(
            "stock.csv", csv(["日期", "商品编码", "可用数", "采购在途数"], rows), kind: nil,
            mapping: mapping(
                "stock", "聚水潭每日库存",
                [
                    ("day", "日期"), ("sku", "商品编码"), ("on_hand", "可用数"),
                    ("incoming", "采购在途数"),
                ]))
    }

    /// The ERP's purchase orders.
    func purchaseOrders(_ b: FactBatch) -> DemoFile {
        let rows = b.purchaseOrders.map { p in
            [
                p.id, p.skuID, String(p.quantity), p.orderedOn.iso, p.expectedOn.iso, p.receivedOn?.iso ?? "",
                p.isPresale ? "是" : "否",
            ]
        }
        return DemoFile(
            "purchase-orders.csv", csv(["采购单号", "商家编码", "采购数量", "采购日期", "预计到货日期", "到货日期", "预售"], rows),
            kind: "purchase-orders")
    }

    /// Our tracked keywords' ranks, the competitor watch list and its daily sheet.
    func market(_ b: FactBatch) -> [DemoFile] {
        let shops = Dictionary(b.competitors.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let list = b.competitorItems.map { i -> [String] in
            let shop = shops[i.competitorID]
            return [
                i.competitorID, i.itemID, i.title, i.ourProductID ?? "", i.isCore ? "是" : "否",
                shop?.tier == .bigger ? "大店" : "同级", shop?.platform.rawValue ?? "", i.listedOn?.iso ?? "",
            ]
        }
        let watch = b.competitorSnapshots.map { s in
            [
                s.day.iso, s.competitorID, s.itemID, money(s.price), money(s.promoPrice), String(s.monthlySales),
                count(s.reviewCount),
                s.title, s.mainImage ?? "",
            ]
        }
        let ranks = b.keywordRanks.map { [$0.day.iso, $0.keyword, $0.productID, $0.rank.map(String.init) ?? "未找到"] }
        return [
            DemoFile("keyword-ranks.csv", csv(["日期", "关键词", "宝贝ID", "排名"], ranks), kind: "keyword-ranks"),
            DemoFile(
                "competitor-list.csv", csv(["竞品店铺", "竞品宝贝ID", "标题", "我方宝贝ID", "核心竞品", "竞品层级", "平台", "上架日期"], list),
                kind: "competitor-list"),
            DemoFile(
                "competitor-watch.csv", csv(["日期", "竞品店铺", "竞品宝贝ID", "价格", "活动价", "月销量", "评价数", "标题", "主图"], watch),
                kind: "competitor-snapshots"),
        ]
    }

    /// The activities sheet.
    func activities(_ b: FactBatch) -> DemoFile {
        let rows = b.activities.map { a -> [String] in
            let status =
                switch a.status {
                case .planned: "计划中"
                case .registered: "已报名"
                case .running: "进行中"
                case .ended: "已结束"
                }
            return [
                a.id, a.name, a.kind == .platformEvent ? "平台活动" : "自营", a.start.iso, a.end.iso, status,
                money(a.gmvGoal),
                money(a.cost),
            ]
        }
        return DemoFile(
            "activities.csv", csv(["活动ID", "活动名称", "活动类型", "开始日期", "结束日期", "状态", "目标GMV", "费用"], rows),
            kind: "activities")
    }

    /// The complaints sheet.
    func complaints(_ b: FactBatch) -> DemoFile {
        let rows = b.complaints.map { c in
            [
                c.id, c.kind, c.orderID.map(id) ?? "", String(c.penaltyPoints), time(c.openedAt),
                c.dueAt.map(time) ?? "",
                c.resolved ? "已处理" : "处理中",
            ]
        }
        return DemoFile(
            "complaints.csv", csv(["投诉编号", "投诉类型", "订单编号", "扣分", "发起时间", "处理截止时间", "是否已处理"], rows),
            kind: "complaints")
    }
}
