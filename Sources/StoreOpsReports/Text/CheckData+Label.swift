import StoreOpsCore

extension CheckData {
    /// The kind of facts, in a few words.
    public func label(_ l: Language) -> String {
        switch self {
        case .orders: l.pick("订单", "orders")
        case .orderLines: l.pick("带商家编码的订单明细", "order lines with SKU codes")
        case .refunds: l.pick("退款", "refunds")
        case .tracking: l.pick("物流跟踪", "shipment tracking")
        case .complaints: l.pick("投诉", "complaints")
        case .stock: l.pick("库存盘点", "stock counts")
        case .purchaseOrders: l.pick("采购单", "purchase orders")
        case .products: l.pick("商品资料", "products")
        case .storeTraffic: l.pick("店铺流量", "store traffic")
        case .itemTraffic: l.pick("单品流量", "item traffic")
        case .ads: l.pick("推广数据", "ads")
        case .adBudgets: l.pick("推广日限额", "ad budgets")
        case .serviceAgents: l.pick("客服绩效", "customer-service performance")
        case .reviews: l.pick("评价", "reviews")
        case .scores: l.pick("店铺评分", "store scores")
        case .competitors: l.pick("竞品", "competitors")
        case .ranks: l.pick("关键词排名", "keyword ranks")
        }
    }

    /// What would bring these facts in: the import or the command.
    public func remedy(_ l: Language) -> String {
        return switch self {
        case .orders:
            l.pick("导入订单报表（淘宝/天猫、抖店、拼多多、Shopify 等）", "import an order export (Taobao/Tmall, Douyin, Pinduoduo, Shopify ...)")
        case .orderLines:
            l.pick("导入宝贝报表（含商家编码），或含明细 SKU 的订单导出",
                   "import the item export (宝贝报表, with 商家编码) or an order export with line SKUs")
        case .refunds: l.pick("导入退款报表", "import the refund export (退款报表)")
        case .stock:
            l.pick("导入库存导出（聚水潭/旺店通、淘宝助理、Shopify 库存、亚马逊 FBA 或 Active Listings），"
                       + "日期在 stock_count_max_age_days 之内",
                   "import a stock export (聚水潭/旺店通, 淘宝助理, Shopify inventory, Amazon FBA or Active Listings) "
                       + "dated within stock_count_max_age_days")
        case .products: l.pick("导入商品资料（宝贝列表、Shopify 商品导出）", "import a products export (item list, Shopify products)")
        case .storeTraffic: l.pick("导入生意参谋店铺概况", "import the 生意参谋 store overview (店铺概况)")
        case .itemTraffic:
            l.pick("导入单品流量（亚马逊 Business Report，或 item_traffic 映射文件）",
                   "import item traffic (Amazon Business Report, or a mapping file of kind item_traffic)")
        case .ads: l.pick("导入直通车报表（或 ad_stats 映射文件）", "import 直通车 reports (or a mapping file of kind ad_stats)")
        case .serviceAgents: l.pick("导入客服绩效报表", "import the customer-service performance export (客服绩效)")
        case .reviews: l.pick("导入评价导出（淘宝/天猫评价、Judge.me）", "import a review export (Taobao/Tmall 评价, Judge.me)")
        case .scores: l.pick("导入每日店铺评分（描述相符、服务态度、物流服务）", "import the daily store scores (描述相符, 服务态度, 物流服务)")
        case .complaints: l.pick("用 storeops complaint add 记录投诉和扣分，或导入投诉表（complaints）",
                                 "record them with storeops complaint add, or import a complaints sheet")
        case .purchaseOrders: l.pick("用 storeops purchase add 记录采购单和预售到货，或导入采购单表（purchase-orders）",
                                     "record them with storeops purchase add, or import a purchase-orders sheet")
        case .tracking:
            l.pick("导入物流跟踪导出（运单号、物流状态、最后更新时间：快递100、ERP 物流跟踪或 AfterShip）",
                   "import a tracking export (运单号, 物流状态, 最后更新时间: 快递100, an ERP's 物流跟踪, or AfterShip)")
        case .adBudgets:
            l.pick("导入日限额表（日期、推广计划、日限额、撞线时间）", "import a daily budgets sheet (日期, 推广计划, 日限额, 撞线时间)")
        case .competitors:
            l.pick("导入竞品清单（竞品店铺、竞品宝贝ID、标题、我方宝贝ID）和每日竞品监控（价格、月销量）",
                   "import a competitor watch list (竞品店铺, 竞品宝贝ID, 标题, 我方宝贝ID) and the daily watch (价格, 月销量)")
        case .ranks: l.pick("导入关键词排名表（日期、关键词、宝贝ID、排名）", "import a keyword rank sheet (日期, 关键词, 宝贝ID, 排名)")
        }
    }
}
