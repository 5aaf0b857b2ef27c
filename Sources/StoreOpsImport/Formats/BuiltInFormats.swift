/// The export formats StoreOps knows, each a column mapping over a target. Detection picks the format whose
/// required columns the header has, preferring the one that maps the most columns.
public enum BuiltInFormats {
    public static let all: [FormatMapping] = [
        taobaoOrders, taobaoItems, taobaoRefunds, sycmOverview, sycmSources, sycmItems, ztcReport, serviceAgents,
        shopifyOrders, shopifyProducts, amazonBusinessReport, douyinOrders, pddOrders, jdOrders, invoiceLines,
        taobaoItemList, shopifyInventory, amazonFBAInventory, amazonActiveListings, taobaoAssistantItems,
        jushuitanStock, wangdiantongStock, taobaoReviews, judgemeReviews, storeScores, amazonOrders, trackingStatus,
        adBudgets, competitorList, competitorSnapshots, keywordRanks, skuSettings, activities,
        amazonSponsoredProducts, qianchuan, wanxiangtai, affiliateOrders, liveSessions, complaints, purchaseOrders,
    ]

    /// The format with this `--kind` name.
    public static func named(_ kind: String) -> FormatMapping? { all.first { $0.kind == kind } }

    /// The full 订单报表 and the cut-down sheets sellers and 生意参谋 produce (订单编号, 总金额, 买家实际支付金额, 收货地址,
    /// 订单创建时间, 订单付款时间, 退款金额): an order id, what was paid and a time are enough; every other column is optional.
    public static let taobaoOrders = FormatMapping(
        kind: "taobao-orders", title: "Taobao/Tmall order export (订单报表)", target: .orders,
        columns: ["order_id": ["订单编号", "订单号", "订单ID", "主订单编号"], "buyer": ["买家会员名", "买家昵称", "买家账号"],
                  "status": ["订单状态", "交易状态"], "created_at": ["订单创建时间", "创建时间", "下单时间"],
                  "paid_at": ["订单付款时间", "付款时间", "支付时间"], "goods_total": ["买家应付货款", "商品总价", "总金额", "订单金额"],
                  "shipping_fee": ["买家应付邮费", "邮费", "运费"],
                  "paid_amount": ["买家实际支付金额", "实付金额", "买家实付金额", "实际支付金额", "买家实付款"],
                  "units": ["宝贝总数量", "商品数量", "宝贝数量", "购买数量"], "refund_amount": ["退款金额"],
                  "address": ["收货地址", "收货人地址"], "tracking_no": ["物流单号", "运单号", "快递单号"],
                  "carrier": ["物流公司", "快递公司"], "shipped_at": ["发货时间"]],
        required: ["order_id", "paid_amount", "created_at|paid_at"])

    public static let taobaoItems = FormatMapping(
        kind: "taobao-items", title: "Taobao/Tmall item export (宝贝报表), joined to orders on 订单编号", target: .orderLines,
        columns: ["order_id": ["订单编号", "订单号"], "line_title": ["标题", "宝贝标题", "商品标题"], "line_price": ["价格", "单价"],
                  "line_quantity": ["购买数量", "数量"],
                  "line_sku": ["商家编码"], "line_sku_fallback": ["外部系统编号"], "line_attributes": ["商品属性"], "line_product_id": ["宝贝ID", "商品ID"]],
        required: ["order_id", "line_price", "line_quantity"])

    public static let taobaoRefunds = FormatMapping(
        kind: "taobao-refunds", title: "Taobao/Tmall refund export (退款报表)", target: .refunds,
        columns: ["refund_id": ["退款编号", "退款单号", "售后单号"], "order_id": ["订单编号", "订单号"], "product_id": ["商品id", "宝贝id"],
                  "sku": ["商品编码", "商家编码"], "amount": ["买家退款金额", "退款金额", "申请退款金额"],
                  "status": ["退款状态", "售后状态"], "needs_return": ["是否需要退货"], "goods_status": ["货物状态"],
                  "reason": ["买家退款原因", "退款原因", "售后原因"],
                  "requested_at": ["退款的申请时间", "申请时间", "退款申请时间"], "completed_at": ["退款完结时间", "退款完成时间", "完结时间"],
                  "due_at": ["超时时间"]],
        required: ["refund_id", "order_id", "amount", "requested_at"])

    public static let sycmOverview = FormatMapping(
        kind: "sycm-overview", title: "生意参谋 store overview (店铺概况)", target: .trafficDays,
        columns: ["day": ["统计日期", "日期"], "visitors": ["访客数"], "page_views": ["浏览量"], "bounce_rate": ["跳失率"],
                  "average_stay": ["平均停留时长", "人均停留时长"], "add_to_cart": ["加购人数"]],
        required: ["day", "visitors", "page_views"])

    public static let sycmSources = FormatMapping(
        kind: "sycm-sources", title: "生意参谋 traffic sources (流量来源)", target: .trafficSources,
        columns: ["day": ["统计日期", "日期"], "source": ["流量来源", "一级来源", "来源名称"], "source_detail": ["来源明细", "二级来源"], "visitors": ["访客数"],
                  "buyers": ["支付买家数"], "gmv": ["支付金额"]],
        required: ["source", "visitors"])

    /// 生意参谋 商品效果 (item performance per day): visitors, views, bounce, add-to-cart and favourites, buyers, units, GMV.
    public static let sycmItems = FormatMapping(
        kind: "sycm-items", title: "生意参谋 item performance (商品效果: 商品ID, 商品访客数, 支付金额)", target: .itemTraffic,
        columns: ["day": ["统计日期", "日期"], "product_id": ["商品ID", "宝贝ID"], "title": ["商品名称", "商品标题"],
                  "visitors": ["商品访客数"], "page_views": ["商品浏览量"], "bounce_rate": ["商品详情页跳出率", "跳出率"],
                  "add_to_cart": ["商品加购人数", "加购人数"], "favourites": ["商品收藏人数", "收藏人数"],
                  "buyers": ["支付买家数"], "units": ["支付件数"], "gmv": ["支付金额"]],
        required: ["product_id", "visitors"])

    public static let ztcReport = FormatMapping(
        kind: "ztc", title: "直通车 keyword or campaign report (columns marked (分) are in fen)", target: .adStats,
        columns: ["day": ["日期"], "campaign": ["推广计划名称", "计划名称"], "ad_group": ["宝贝名称", "推广单元"], "product_id": ["商品id", "宝贝id"],
                  "keyword": ["关键词"], "impressions": ["展现量"], "clicks": ["点击量"], "spend": ["花费(分)", "花费"],
                  "average_rank": ["平均展现排名"], "orders": ["总成交笔数"], "revenue": ["总成交金额(分)", "总成交金额"],
                  "direct_revenue": ["直接成交金额(分)", "直接成交金额"], "favourites": ["总收藏数"], "carts": ["总购物车数"]],
        required: ["day", "campaign", "spend", "clicks"], channel: "ztc")

    public static let serviceAgents = FormatMapping(
        kind: "service", title: "Customer-service performance (客服绩效)", target: .serviceAgents,
        columns: ["day": ["日期", "统计日期"], "agent": ["客服昵称", "旺旺"], "inquiries": ["咨询人数"], "served": ["接待人数"], "inquirers": ["询单人数"],
                  "ordered": ["下单人数"], "paid": ["付款人数"], "paid_amount": ["付款金额", "销售额", "询单付款金额"],
                  "first_response": ["首次响应时长"], "average_response": ["平均响应时长", "全天平响时长"], "answered_3min": ["3分钟回复率"]],
        required: ["agent", "inquirers", "paid"])

    public static let shopifyOrders = FormatMapping(
        kind: "shopify-orders", title: "Shopify orders export (one row per line item)", target: .orders,
        columns: ["order_id": ["Name"], "buyer": ["Email"], "status": ["Financial Status"], "created_at": ["Created at"], "paid_at": ["Paid at"],
                  "goods_total": ["Subtotal"], "shipping_fee": ["Shipping"], "discount": ["Discount Amount"], "paid_amount": ["Total"],
                  "refund_amount": ["Refunded Amount"], "region": ["Shipping Country", "Billing Country"], "shipped_at": ["Fulfilled at"],
                  "line_title": ["Lineitem name"], "line_sku": ["Lineitem sku"], "line_price": ["Lineitem price"], "line_quantity": ["Lineitem quantity"],
                  "currency": ["Currency"]],
        required: ["order_id", "paid_amount", "line_quantity", "line_price", "created_at"])

    public static let shopifyProducts = FormatMapping(
        kind: "shopify-products", title: "Shopify products export (variants as continuation rows)", target: .products,
        columns: ["product_id": ["Handle"], "title": ["Title"], "category": ["Type", "Product Category"], "sku": ["Variant SKU"],
                  "price": ["Variant Price"], "cost": ["Cost per item"], "grams": ["Variant Grams"], "attributes": ["Option1 Value"]],
        required: ["product_id", "title", "price"])

    public static let amazonBusinessReport = FormatMapping(
        kind: "amazon-business-report", title: "Amazon Business Report by child item", target: .itemTraffic,
        columns: ["product_id": ["(Child) ASIN"], "title": ["Title"], "visitors": ["Sessions - Total", "Sessions"],
                  "page_views": ["Page views - Total", "Page Views"], "units": ["Units ordered", "Units Ordered"],
                  "gmv": ["Ordered Product Sales"], "buyers": ["Total order items", "Total Order Items"], "day": ["Date"]],
        required: ["product_id", "visitors", "units"])

    public static let douyinOrders = FormatMapping(
        kind: "douyin-orders", title: "Douyin shop orders (抖店订单, one row per sub-order)", target: .orders,
        columns: ["order_id": ["主订单编号"], "line_id": ["子订单编号"], "line_title": ["选购商品"], "line_attributes": ["商品规格"],
                  "line_quantity": ["商品数量"], "line_sku": ["商家编码"], "line_amount": ["订单应付金额"], "shipping_fee": ["运费"],
                  "created_at": ["订单提交时间"], "paid_at": ["支付完成时间"], "status": ["订单状态"], "after_sale": ["售后状态"], "buyer": ["买家昵称"],
                  "address": ["收件地址", "省"], "ship_by": ["承诺发货时间", "预计发货时间"]],
        required: ["order_id", "line_id", "line_amount", "created_at"])

    public static let pddOrders = FormatMapping(
        kind: "pdd-orders", title: "Pinduoduo orders (拼多多订单)", target: .orders,
        columns: ["order_id": ["订单号"], "goods_total": ["商品总价(元)"], "paid_amount": ["用户实付金额(元)"], "units": ["商品数量(件)"],
                  "shipping_fee": ["邮费(元)"], "refund_amount": ["退款金额(元)"], "after_sale": ["售后状态"], "paid_at": ["订单成交时间", "支付时间"],
                  "created_at": ["订单成交时间"], "status": ["订单状态"], "line_title": ["商品"], "line_sku": ["商家编码-SKU维度", "商家编码"],
                  "buyer": ["买家昵称"], "address": ["收货地址", "省"], "ship_by": ["承诺发货时间"]],
        required: ["order_id", "paid_amount", "paid_at"])

    /// JD's order export (京东商家后台 订单导出): one row per item, the order's fields on each row. 应付金额 is what the
    /// buyer pays, 订单金额 the goods before discounts, 付款确认时间 the payment.
    public static let jdOrders = FormatMapping(
        kind: "jd-orders", title: "JD order export (京东订单: 订单号, 商品ID, 订购数量, 应付金额)", target: .orders,
        columns: ["order_id": ["订单号"], "line_product_id": ["商品ID"], "line_title": ["商品名称"], "line_quantity": ["订购数量"],
                  "created_at": ["下单时间"], "line_price": ["京东价"], "goods_total": ["订单金额"], "paid_amount": ["应付金额"],
                  "status": ["订单状态"], "buyer": ["下单帐号"], "address": ["客户地址"], "shipping_fee": ["运费金额"],
                  "paid_at": ["付款确认时间"], "line_sku": ["商家SKUID", "货号"]],
        required: ["order_id", "paid_amount", "created_at", "line_product_id"])

    public static let invoiceLines: FormatMapping = {
        var format = FormatMapping(
            kind: "invoice-lines", title: "Invoice lines (UCI Online Retail style: one row per line, C-invoices are returns)", target: .orders,
            columns: ["order_id": ["InvoiceNo", "Invoice"], "line_sku": ["StockCode"], "line_title": ["Description"], "line_quantity": ["Quantity"],
                      "created_at": ["InvoiceDate"], "paid_at": ["InvoiceDate"], "line_price": ["UnitPrice", "Price"],
                      "buyer": ["CustomerID", "Customer ID"], "region": ["Country"]],
            required: ["order_id", "line_quantity", "line_price", "created_at"], groupsAreAdjacent: false)
        format.returnsAsNegativeLines = true
        return format
    }()

    public static let taobaoItemList = FormatMapping(
        kind: "taobao-item-list", title: "Taobao item list (宝贝ID, 标题, 价格 ...)", target: .products,
        columns: ["product_id": ["宝贝ID", "商品ID"], "title": ["标题", "宝贝标题", "商品标题"], "price": ["价格", "一口价"], "category": ["类目", "玩具类型", "宝贝类目"],
                  "sku": ["商家编码"]],
        required: ["product_id", "title", "price"])

    /// Shopify admin "Export inventory": one row per variant and location; `Available` is what can be sold
    /// (on hand less committed and unavailable; negative when oversold).
    public static let shopifyInventory = FormatMapping(
        kind: "shopify-inventory", title: "Shopify inventory export (one row per variant and location)", target: .stock,
        columns: ["sku": ["SKU"], "on_hand": ["Available (not editable)", "Available"],
                  "incoming": ["Incoming (not editable)", "Incoming"]],
        required: ["sku", "on_hand"])

    /// Amazon "Manage FBA Inventory": fulfillable units, and the three stages of inbound shipments as incoming.
    /// A row whose SKU is not listed for FBA (`afn-listing-exists` No) is not an FBA count.
    public static let amazonFBAInventory = FormatMapping(
        kind: "amazon-fba-inventory", title: "Amazon Manage FBA Inventory report", target: .stock,
        columns: ["sku": ["sku"], "on_hand": ["afn-fulfillable-quantity"],
                  "incoming_planned": ["afn-inbound-working-quantity"], "incoming_shipped": ["afn-inbound-shipped-quantity"],
                  "incoming_receiving": ["afn-inbound-receiving-quantity"], "tracked": ["afn-listing-exists"]],
        required: ["sku", "on_hand"])

    /// Amazon "Active Listings" report: the merchant-fulfilled quantity (empty for FBA listings, whose stock the FBA
    /// report gives).
    public static let amazonActiveListings = FormatMapping(
        kind: "amazon-active-listings", title: "Amazon Active Listings report (merchant-fulfilled quantity)",
        target: .stock,
        columns: ["sku": ["seller-sku"], "on_hand": ["quantity"]],
        required: ["sku", "on_hand"])

    /// 淘宝助理 item export: English field names, then the same names in Chinese; `num` is the item's stock and
    /// `outer_id` its merchant code (商家编码).
    public static let taobaoAssistantItems: FormatMapping = {
        var format = FormatMapping(
            kind: "taobao-assistant-items", title: "淘宝助理 item export (宝贝数量 by 商家编码)", target: .stock,
            columns: ["sku": ["outer_id"], "on_hand": ["num"]],
            required: ["sku", "on_hand"])
        format.secondHeaderLine = true
        return format
    }()

    /// 聚水潭 ERP stock exports (商品库存, 库存视角): 可用数 is what can be sold (actual stock less what orders
    /// hold); purchase and transfer orders on the way, and the receiving warehouse, are incoming.
    public static let jushuitanStock = FormatMapping(
        kind: "jushuitan-stock", title: "聚水潭 stock export (商品库存 / 库存视角)", target: .stock,
        columns: ["sku": ["商品编码"], "on_hand": ["可用数"], "incoming": ["采购在途数"], "incoming_shipped": ["调拨在途数"],
                  "incoming_receiving": ["进货仓库存"]],
        required: ["sku", "on_hand"])

    /// 旺店通 ERP stock detail export (库存明细): 可发库存 is what can be shipped; purchases and transfers on the way
    /// are incoming.
    public static let wangdiantongStock = FormatMapping(
        kind: "wangdiantong-stock", title: "旺店通 stock detail export (库存明细)", target: .stock,
        columns: ["sku": ["商家编码"], "on_hand": ["可发库存"], "incoming": ["采购在途", "采购在途量"], "incoming_shipped": ["调拨在途"]],
        required: ["sku", "on_hand"])

    /// Taobao/Tmall review export (评价): one row per reviewed order line; 评价等级 gives the class (好评/中评/差评)
    /// where the export has no stars.
    public static let taobaoReviews = FormatMapping(
        kind: "taobao-reviews", title: "Taobao/Tmall review export (评价)", target: .reviews,
        columns: ["review_id": ["评价ID", "评价编号"], "order_id": ["订单编号", "订单号", "子订单编号"],
                  "product_id": ["宝贝ID", "商品ID", "商品id"], "rating": ["评价等级", "评价结果", "星级", "评分"],
                  "text": ["评价内容", "评论内容", "初评内容"], "reviewed_at": ["评价时间", "评论时间", "初评时间"],
                  "reply": ["回复内容", "解释内容", "商家回复"], "replied": ["是否回复", "是否已回复"]],
        required: ["product_id", "rating", "reviewed_at"])

    /// Judge.me's review export (Shopify): products by handle, as the Shopify products export names them.
    public static let judgemeReviews = FormatMapping(
        kind: "judgeme-reviews", title: "Judge.me review export (Shopify)", target: .reviews,
        columns: ["product_id": ["product_handle"], "rating": ["rating"], "text": ["body"],
                  "reviewed_at": ["review_date"], "reply": ["reply"]],
        required: ["product_id", "rating", "reviewed_at"])

    /// The store scores per day (店铺评分: 描述相符, 服务态度, 物流服务), as 生意参谋 and the seller centre show them.
    public static let storeScores = FormatMapping(
        kind: "store-scores", title: "Store scores per day (店铺评分 DSR)", target: .scores,
        columns: ["day": ["日期", "统计日期"], "description": ["描述相符", "宝贝与描述相符"],
                  "service": ["服务态度", "卖家的服务态度", "卖家服务态度"], "logistics": ["物流服务", "物流服务的质量", "卖家发货的速度"]],
        required: ["description", "service", "logistics"])

    /// A tracking-status export (快递100 批量查询, ERP 物流跟踪, AfterShip): one row per parcel with its latest report,
    /// or one per report.
    public static let trackingStatus = FormatMapping(
        kind: "tracking-status", title: "Parcel tracking export (物流跟踪: 运单号, 物流状态, 最后更新时间)", target: .tracking,
        columns: ["tracking_no": ["运单号", "快递单号", "物流单号", "Tracking Number"],
                  "carrier": ["快递公司", "物流公司", "Courier", "Carrier"],
                  "status": ["物流状态", "快递状态", "运单状态", "Status", "Tag"],
                  "updated_at": ["最后更新时间", "最新物流时间", "物流更新时间", "轨迹时间", "Last Updated At", "Last Checkpoint Time"],
                  "event": ["最新轨迹", "最新物流信息", "物流信息", "轨迹详情", "Last Checkpoint Message"],
                  "order_id": ["订单号", "订单编号", "线上订单号", "Order ID", "Order Number"],
                  "shipped_at": ["发货时间", "Shipment Pickup Date"]],
        required: ["tracking_no", "status"])

    /// The daily budgets sheet an ads specialist keeps (no platform exports when a budget ran out): 日期, 推广计划,
    /// 日限额, 撞线时间 (empty: the budget lasted), 渠道.
    public static let adBudgets = FormatMapping(
        kind: "ad-budgets", title: "Daily budgets sheet (日期, 推广计划, 日限额, 撞线时间)", target: .adBudgets,
        columns: ["day": ["日期", "Date"], "campaign": ["推广计划", "推广计划名称", "计划名称", "Campaign"],
                  "budget": ["日限额", "日预算", "Daily Budget"], "exhausted_at": ["撞线时间", "预算耗尽时间", "Ran Out At"],
                  "channel": ["渠道", "推广渠道", "Channel"]],
        required: ["campaign", "budget", "exhausted_at"])

    /// The competitor watch list an operator keeps (竞品清单): shop, item (id or address), title, our matching item.
    public static let competitorList = FormatMapping(
        kind: "competitor-list", title: "Competitor watch list (竞品店铺, 竞品宝贝ID, 标题, 我方宝贝ID)", target: .competitors,
        columns: ["competitor": ["竞品店铺", "Competitor"], "item_id": ["竞品宝贝ID", "竞品链接", "Item ID", "Item URL"],
                  "title": ["标题", "宝贝标题", "Title"], "our_product_id": ["我方宝贝ID", "对标宝贝ID", "Our Item ID"],
                  "core": ["核心竞品", "Core"], "tier": ["竞品层级", "层级", "Tier"], "platform": ["平台", "Platform"],
                  "listed_on": ["上架日期", "Listed On"]],
        required: ["competitor", "item_id", "title"])

    /// The daily competitor watch sheet (竞品监控): each tracked item's price, promotion price, monthly sales, reviews.
    public static let competitorSnapshots = FormatMapping(
        kind: "competitor-snapshots", title: "Competitor watch per day (日期, 竞品店铺, 竞品宝贝ID, 价格, 月销量)",
        target: .competitorSnapshots,
        columns: ["day": ["日期", "Date"], "competitor": ["竞品店铺", "Competitor"],
                  "item_id": ["竞品宝贝ID", "竞品链接", "Item ID", "Item URL"], "price": ["价格", "一口价", "Price"],
                  "promo_price": ["活动价", "券后价", "到手价", "Promo Price"], "monthly_sales": ["月销量", "Monthly Sales"],
                  "reviews": ["评价数", "累计评价", "Reviews"], "title": ["标题", "宝贝标题", "Title"],
                  "main_image": ["主图", "Main Image"]],
        required: ["competitor", "item_id", "price", "monthly_sales", "title"])

    /// The keyword rank sheet (关键词排名): our items' organic positions for tracked search keywords per day.
    public static let keywordRanks = FormatMapping(
        kind: "keyword-ranks", title: "Keyword ranks per day (日期, 关键词, 宝贝ID, 排名)", target: .keywordRanks,
        columns: ["day": ["日期", "Date"], "keyword": ["关键词", "搜索词", "Keyword"],
                  "product_id": ["宝贝ID", "商品ID", "宝贝链接", "Item ID"], "rank": ["排名", "自然排名", "Rank"]],
        required: ["keyword", "product_id", "rank"])

    /// The item-settings sheet an operator keeps (主推款, 交期, 安全天数 per SKU): what no platform exports.
    public static let skuSettings = FormatMapping(
        kind: "sku-settings", title: "Item settings per SKU (商家编码, 主推款, 交期天数, 安全天数)", target: .skuSettings,
        columns: ["sku": ["商家编码", "SKU编码", "SKU"], "hero": ["主推款", "是否主推", "Hero"],
                  "lead_days": ["交期天数", "采购周期", "Lead Days"], "safety_days": ["安全天数", "安全库存天数", "Safety Days"]],
        required: ["sku"])

    /// The activities sheet an operator keeps (活动排期): name, kind, days, status, GMV goal, cost.
    public static let activities = FormatMapping(
        kind: "activities", title: "Activities sheet (活动名称, 活动类型, 开始日期, 结束日期, 目标GMV)", target: .activities,
        columns: ["name": ["活动名称", "活动", "Activity"], "kind": ["活动类型", "类型", "Kind"],
                  "start": ["开始日期", "开始时间", "Start"], "end": ["结束日期", "结束时间", "End"],
                  "status": ["状态", "活动状态", "Status"], "gmv_goal": ["目标GMV", "目标销售额", "GMV Goal"],
                  "cost": ["费用", "活动费用", "Cost"], "activity_id": ["活动ID", "活动编号", "Activity ID"]],
        required: ["name", "start", "end"])

    /// Amazon Sponsored Products campaign and targeting (keyword) reports: one row per day and campaign, or per day,
    /// campaign, ad group and target. A target is kept with its match type (`knee pain oil [exact]`): the report lists
    /// one keyword under several match types. Sales and orders are the 14-day (or 7-day) attributed ones; the daily
    /// budget is not read (the report does not say whether it ran out). Search ads: channel `ztc`.
    public static let amazonSponsoredProducts = FormatMapping(
        kind: "amazon-sponsored-products", title: "Amazon Sponsored Products campaign or targeting report", target: .adStats,
        columns: ["day": ["Date"], "campaign": ["Campaign Name"], "ad_group": ["Ad Group Name"],
                  "keyword": ["Targeting", "Keyword"], "match_type": ["Match Type"], "impressions": ["Impressions"],
                  "clicks": ["Clicks"], "spend": ["Spend"],
                  "orders": ["14 Day Total Orders (#)", "7 Day Total Orders (#)"],
                  "revenue": ["14 Day Total Sales (₹)", "14 Day Total Sales ($)", "14 Day Total Sales (£)", "14 Day Total Sales (€)",
                              "14 Day Total Sales", "7 Day Total Sales (₹)", "7 Day Total Sales ($)", "7 Day Total Sales (£)",
                              "7 Day Total Sales (€)", "7 Day Total Sales"],
                  "currency": ["Currency"]],
        required: ["day", "campaign", "spend", "clicks"], channel: "ztc")

    /// 巨量千川 (Douyin ads) reports: 全域推广 by product or account (整体消耗, 整体成交金额 ...) and 标准推广 by plan (消耗(元),
    /// 直接成交金额(元) ...), in yuan; the 全部 row under the header is a total. A report without plans is by product: its
    /// product name stands for the campaign. Channel `other` (其他推广).
    public static let qianchuan = FormatMapping(
        kind: "qianchuan", title: "巨量千川 report (日期, 计划名称 or 商品名称, 整体消耗, 整体成交金额)", target: .adStats,
        columns: ["day": ["日期"], "campaign": ["计划名称", "商品名称", "抖音号名称"], "product_id": ["商品ID"],
                  "spend": ["整体消耗", "整体消耗(元)", "消耗(元)", "消耗"],
                  "impressions": ["整体展示次数", "整体展现次数", "展示次数"], "clicks": ["整体点击次数", "点击次数"],
                  "orders": ["整体成交订单数", "直接成交订单数"], "revenue": ["整体成交金额", "整体成交金额(元)", "直接成交金额(元)", "直接成交金额"]],
        required: ["day", "campaign", "spend"], channel: "other")

    /// 万相台无界 marketing reports (营销场景/营销明细数据): a plan (计划名字), its subject (主体, an item) and the day's spend
    /// and attributed sales.
    public static let wanxiangtai = FormatMapping(
        kind: "wanxiangtai", title: "万相台 report (日期, 场景名字, 计划名字, 花费, 总成交金额)", target: .adStats,
        columns: ["day": ["日期"], "campaign": ["计划名字", "计划名称"], "ad_group": ["主体名称"], "product_id": ["主体ID"],
                  "spend": ["花费"], "impressions": ["展现量"], "clicks": ["点击量"], "orders": ["总成交笔数"],
                  "revenue": ["总成交金额"], "direct_revenue": ["直接成交金额"]],
        required: ["day", "campaign", "spend"], channel: "wxt")

    /// Affiliate (淘宝客) orders with their commissions, as 阿里妈妈's order detail or a kept sheet names them: one row per
    /// order or sub-order.
    public static let affiliateOrders = FormatMapping(
        kind: "affiliate-orders", title: "Affiliate (淘宝客) orders and commissions (订单编号, 付款时间, 付款金额, 佣金)",
        target: .affiliate,
        columns: ["order_id": ["淘宝父订单编号", "淘宝订单编号", "订单编号", "Order ID"],
                  "paid_at": ["付款时间", "订单付款时间", "Paid At"], "day": ["日期", "Date"],
                  "order_amount": ["付款金额", "实付金额", "Order Amount"],
                  "commission": ["预估佣金", "结算佣金", "佣金金额", "支出佣金", "佣金", "Commission"]],
        required: ["order_id", "commission"])

    /// Live sessions (直播数据), as the live back-end's session list or a kept sheet names them.
    public static let liveSessions = FormatMapping(
        kind: "live-sessions", title: "Live sessions (直播场次: 开播时间, 主播, 观看人数, 成交金额)", target: .liveSessions,
        columns: ["session_id": ["场次ID", "直播ID", "Session ID"], "title": ["直播标题", "标题", "Title"],
                  "started_at": ["开播时间", "开始时间", "Started At"], "day": ["日期", "直播日期", "Date"],
                  "host": ["主播", "主播昵称", "Host"], "duration": ["直播时长", "Duration"],
                  "duration_minutes": ["直播时长(分钟)", "直播时长（分钟）", "Minutes"],
                  "viewers": ["观看人数", "场观", "观看人次", "Viewers"], "orders": ["成交笔数", "成交订单数", "Orders"],
                  "gmv": ["成交金额", "引导成交金额", "直播间成交金额", "GMV"]],
        required: ["viewers", "gmv"])

    /// The complaints sheet (投诉/违规记录): number, kind, order, points, opened and due times, resolved.
    public static let complaints = FormatMapping(
        kind: "complaints", title: "Complaints sheet (投诉编号, 投诉类型, 订单编号, 扣分, 发起时间, 处理截止时间, 是否已处理)",
        target: .complaints,
        columns: ["complaint_id": ["投诉编号", "投诉单号", "违规编号", "Complaint ID"], "kind": ["投诉类型", "投诉原因", "违规类型", "Kind"],
                  "order_id": ["订单编号", "订单号", "Order ID"], "points": ["扣分", "扣分分值", "Points"],
                  "opened_at": ["发起时间", "投诉时间", "Opened At"], "due_at": ["处理截止时间", "申诉截止时间", "Due At"],
                  "resolved": ["是否已处理", "处理状态", "Resolved"]],
        required: ["complaint_id", "kind", "opened_at"])

    /// The purchase orders sheet (采购单), as an ERP lists them: number, SKU, units, ordered, expected and arrival days.
    public static let purchaseOrders = FormatMapping(
        kind: "purchase-orders", title: "Purchase orders (采购单号, 商家编码, 采购数量, 采购日期, 预计到货日期)",
        target: .purchaseOrders,
        columns: ["po_id": ["采购单号", "PO"], "sku": ["商家编码", "商品编码", "SKU"], "quantity": ["采购数量", "数量", "Quantity"],
                  "ordered_on": ["采购日期", "下单日期", "Ordered On"], "expected_on": ["预计到货日期", "预计到货", "Expected On"],
                  "received_on": ["到货日期", "入库日期", "Received On"], "presale": ["预售", "是否预售", "Pre-sale"]],
        required: ["po_id", "sku", "quantity", "ordered_on", "expected_on"])

    /// Amazon's All Orders report (flat file, by order date): one row per order item, order fields on every row.
    /// `item-price` is the line's total before promotion discounts; shipping is charged per item and left out, so
    /// GMV is the items' price. Pending orders are not paid; cancelled ones are closed.
    public static let amazonOrders = FormatMapping(
        kind: "amazon-orders", title: "Amazon All Orders report (one row per order item)", target: .orders,
        columns: ["order_id": ["amazon-order-id"], "created_at": ["purchase-date"], "status": ["order-status"],
                  "line_title": ["product-name"], "line_sku": ["sku"], "line_product_id": ["asin"],
                  "line_quantity": ["quantity"],
                  "line_amount": ["item-price"], "region": ["ship-country"], "currency": ["currency"]],
        required: ["order_id", "created_at", "line_amount"])
}
