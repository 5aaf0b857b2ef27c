/// What kind of facts a format's rows become. A mapping file names one of these as its `kind`.
public enum ImportTarget: String, Sendable, CaseIterable, Codable {
    /// Orders, one row per order or per order line (rows of one order follow each other; order fields may be
    /// only on the first). Lines with a negative quantity are returns.
    case orders
    /// Order lines joined to orders by order number (Taobao 宝贝报表).
    case orderLines = "order_lines"
    case refunds
    /// Whole-store traffic per day (生意参谋 店铺概况).
    case trafficDays = "traffic_days"
    /// Traffic per source per day (生意参谋 流量来源).
    case trafficSources = "traffic_sources"
    /// Paid-ads performance (直通车 and other channels).
    case adStats = "ad_stats"
    /// Customer-service performance per agent per day.
    case serviceAgents = "service_agents"
    /// Traffic and sales per item per day (Amazon Business Report).
    case itemTraffic = "item_traffic"
    /// Products, variants (SKUs) and unit costs.
    case products
    /// Any transaction file of (customer, time, amount [, quantity, order id]): a mapping file's shorthand for
    /// orders whose rows are lines (rows with one order id are one order; without an order id each row is one).
    case transactions
    /// Stock per SKU at one time (a platform's or an ERP's inventory export): sellable units and units on the way,
    /// summed over the rows of one SKU (one row per location or per variant sharing a code).
    case stock
    /// Buyer reviews of items (Taobao/Tmall 评价 exports, Shopify review apps).
    case reviews
    /// Store scores (DSR) per day.
    case scores
    /// Parcel tracking (物流跟踪 exports): one row per parcel with its latest report, or one per tracking event.
    case tracking
    /// Campaigns' daily budgets and when they ran out (a sheet the ads specialist keeps; 直通车 日限额 / 撞线时间).
    case adBudgets = "ad_budgets"
    /// The competitor items an operator tracks (竞品清单): shop, item, title, our matching item.
    case competitors
    /// Competitor items as they looked on a day (竞品监控: price, promotion price, monthly sales, reviews, title).
    case competitorSnapshots = "competitor_snapshots"
    /// Our items' organic ranks for tracked search keywords per day (关键词排名).
    case keywordRanks = "keyword_ranks"
    /// Hand-kept settings per SKU: hero item, lead time, safety days.
    case skuSettings = "sku_settings"
    /// Platform events and own promotions with their days.
    case activities
    /// Affiliate (淘宝客) commissions per order.
    case affiliate
    /// Live sessions (直播场次) with viewers and GMV.
    case liveSessions = "live_sessions"
    /// Complaints and penalty points (投诉/违规).
    case complaints
    /// Purchase orders and pre-sale arrivals (采购单).
    case purchaseOrders = "purchase_orders"

    /// Whether each row is a figure of one day (from a day column, or the file's day).
    public var isDaily: Bool {
        switch self {
        case .trafficDays, .trafficSources, .adStats, .serviceAgents, .itemTraffic, .scores, .adBudgets, .competitorSnapshots,
             .keywordRanks: true
        case .orders, .orderLines, .refunds, .products, .transactions, .stock, .reviews, .tracking, .competitors, .skuSettings,
             .activities, .affiliate, .liveSessions, .complaints, .purchaseOrders: false
        }
    }

    /// The fields this target reads, with what each means (for docs and mapping files).
    public var fields: [(key: String, meaning: String)] {
        switch self {
        case .orders:
            [("order_id", "order number (required)"), ("buyer", "buyer account; pseudonymised on import"), ("status", "order status"),
             ("created_at", "when the order was placed"), ("paid_at", "when it was paid (paid orders count in GMV)"),
             ("goods_total", "goods total"), ("shipping_fee", "shipping fee charged to the buyer"), ("discount", "order discount"),
             ("paid_amount", "what the buyer paid (default: goods − discount + shipping, or the lines' sum)"), ("units", "units (default: the lines' sum)"),
             ("refund_amount", "amount refunded on the order"), ("address", "delivery address (only its province is kept)"),
             ("region", "province or country"), ("tracking_no", "tracking number"), ("carrier", "carrier"), ("shipped_at", "when it was shipped"),
             ("ship_by", "the promised shipping time (default: paid + the store's ship_within_hours)"),
             ("line_id", "sub-order number"), ("line_title", "item title"), ("line_sku", "SKU / merchant code"), ("line_product_id", "item id"),
             ("line_price", "unit price"), ("line_quantity", "quantity (negative: a return)"), ("line_attributes", "variant attributes"),
             ("line_amount", "what the buyer pays for the line (sub-order)"), ("after_sale", "after-sale status"),
             ("currency", "the amounts' currency code; a file in another currency than the store's is refused")]
        case .orderLines:
            [("order_id", "order number (required)"), ("line_title", "item title"), ("line_price", "unit price (required)"),
             ("line_quantity", "quantity (required)"), ("line_sku", "merchant code"), ("line_sku_fallback", "external code, used when the merchant code is empty"),
             ("line_product_id", "item id"), ("line_attributes", "variant attributes")]
        case .refunds:
            [("refund_id", "refund number (required)"), ("order_id", "order number (required)"), ("product_id", "item id"), ("sku", "SKU code"),
             ("amount", "amount refunded (required)"), ("status", "refund status"), ("needs_return", "whether goods are returned"),
             ("goods_status", "goods status"), ("reason", "buyer's reason"), ("requested_at", "when requested (required)"),
             ("completed_at", "when completed"), ("due_at", "seller's deadline")]
        case .trafficDays:
            [("day", "day (required)"), ("visitors", "visitors (required)"), ("page_views", "page views"), ("bounce_rate", "bounce rate"),
             ("average_stay", "average stay"), ("add_to_cart", "add-to-cart buyers")]
        case .trafficSources:
            [("day", "day (or --date)"), ("source", "traffic source (required)"), ("source_detail", "source detail"),
             ("visitors", "visitors (required)"), ("buyers", "paying buyers"), ("gmv", "paid amount")]
        case .adStats:
            [("day", "day (required)"), ("campaign", "campaign (required)"), ("ad_group", "ad group or item name"), ("product_id", "item id"),
             ("keyword", "keyword"), ("match_type", "match type, kept with the keyword (`kw [exact]`)"),
             ("impressions", "impressions"), ("clicks", "clicks"), ("spend", "spend (required)"),
             ("average_rank", "average rank"), ("orders", "attributed orders"), ("revenue", "attributed revenue"),
             ("direct_revenue", "direct revenue"), ("favourites", "favourites"), ("carts", "add-to-carts"),
             ("currency", "the amounts' currency code; a file in another currency than the store's is refused")]
        case .serviceAgents:
            [("day", "day (or --date)"), ("agent", "agent nickname (required)"), ("inquiries", "people who contacted"), ("served", "people served"),
             ("inquirers", "pre-sale inquirers (required)"), ("ordered", "inquirers who ordered"), ("paid", "inquirers who paid (required)"),
             ("paid_amount", "what they paid"), ("first_response", "first response time"), ("average_response", "average response time"),
             ("answered_3min", "share answered within 3 minutes")]
        case .itemTraffic:
            [("day", "day (or --date, or a date in the file name)"), ("product_id", "item id (required)"), ("title", "item title"),
             ("visitors", "visitors / sessions (required)"), ("page_views", "page views"), ("units", "units ordered"), ("gmv", "sales"),
             ("buyers", "orders or buyers"), ("bounce_rate", "the item page's bounce rate"),
             ("add_to_cart", "add-to-cart buyers"),
             ("favourites", "buyers who saved it")]
        case .transactions:
            [("customer", "customer id (required); pseudonymised on import"), ("time", "date or date and time of the purchase (required)"),
             ("amount", "what the row paid (required; with a quantity, the row's total)"), ("quantity", "units (default 1; negative: a return)"),
             ("order_id", "order or invoice number: rows with one number are one order (without it each row is one order)"),
             ("currency", "the amounts' currency code; a file in another currency than the store's is refused")]
        case .stock:
            [("sku", "SKU / merchant code, as the order lines name it (required)"),
             ("on_hand", "sellable units (required); empty or `not stocked`: unknown, the row is not stored; "
                 + "negative: oversold"),
             ("incoming", "units on order (purchase orders on the way)"),
             ("incoming_planned", "units of an inbound shipment not yet sent (added to incoming)"),
             ("incoming_shipped", "units shipped or transferred to the warehouse, on the way (added to incoming)"),
             ("incoming_receiving", "units arrived and being received, not yet sellable (added to incoming)"),
             ("day", "the day of the count (or --date, or a date in the file name; default: the day of the import)"),
             ("tracked", "whether the row's count applies (No/否: the SKU is not stocked there; the row is not stored)")]
        case .reviews:
            [("product_id", "item id or handle (required)"), ("rating", "1-5 stars, or 好评/中评/差评 (5, 3, 1) (required)"),
             ("reviewed_at", "when the review was written (required)"), ("text", "the review"),
             ("order_id", "order number"),
             ("review_id", "review number (default: the order and item, else a digest of item, time and text)"),
             ("reply", "the seller's reply (not empty: replied)"), ("replied", "whether the seller replied")]
        case .scores:
            [("day", "day (or --date)"), ("description", "描述相符, 0-5 (required)"), ("service", "服务态度, 0-5 (required)"),
             ("logistics", "物流服务, 0-5 (required)")]
        case .tracking:
            [("tracking_no", "tracking number (required)"),
             ("status", "the carrier's status: 揽收, 在途, 派件, 疑难 (on the way), 签收 (delivered), 退回/退签/拒签 (returned), "
                 + "丢失 (lost), 暂无轨迹 (no report yet), or AfterShip's tags (required)"),
             ("updated_at", "time of the report (required unless there is no report yet)"), ("event", "the report's text"),
             ("order_id", "order number (default: the order whose export named the tracking number)"), ("carrier", "carrier"),
             ("shipped_at", "when it was shipped")]
        case .adBudgets:
            [("day", "day (or --date)"), ("campaign", "campaign, as the ads report names it (required)"),
             ("budget", "daily budget (日限额) (required)"),
             ("exhausted_at", "when the budget ran out (撞线时间): a time of the day (10:30) or a date and time; empty: it lasted"),
             ("channel", "ztc, display, feed, brand, wxt, other or 直通车, 引力魔方 ... (default: the mapping's channel, else other)")]
        case .competitors:
            [("competitor", "the competitor's shop (required)"), ("item_id", "its item id or address (required)"),
             ("title", "the item's title (required)"), ("our_product_id", "our item it competes with"),
             ("core", "whether it is a core competitor item (default yes)"), ("tier", "bigger (大店) or peer (同级; default)"),
             ("platform", "its platform (default: the store's)"), ("listed_on", "the day it was listed")]
        case .competitorSnapshots:
            [("day", "day (or --date)"), ("competitor", "the competitor's shop (required)"),
             ("item_id", "its item id or address (required)"), ("price", "price (required)"), ("promo_price", "promotion price"),
             ("monthly_sales", "monthly sales, 月销量 (required)"), ("reviews", "number of reviews"),
             ("title", "the item's title that day (required)"), ("main_image", "a name or digest of the main image")]
        case .keywordRanks:
            [("day", "day (or --date)"), ("keyword", "search keyword (required)"), ("product_id", "our item id or address (required)"),
             ("rank", "organic position from 1, or 未找到 / not found past the tracked pages (required)")]
        case .skuSettings:
            [("sku", "SKU / merchant code, as the order lines and stock name it (required)"),
             ("hero", "whether it is a hero item (是/否, yes/no); a SKU set as not one takes the catalog's flag off its item"),
             ("lead_days", "days from ordering to sellable stock (0-365)"),
             ("safety_days", "days of cover kept on top of the lead time (0-365)")]
        case .activities:
            [("name", "the activity's name, e.g. 双12 (required)"), ("start", "first day (required)"), ("end", "last day (required)"),
             ("kind", "平台活动 / platform, or 自营 / own (default: platform)"),
             ("status", "计划中/已报名/进行中/已结束 or planned/registered/running/ended (default: from the import's day and its days)"),
             ("gmv_goal", "GMV goal"), ("cost", "what it costs"), ("activity_id", "its id (default: its name and first day)")]
        case .affiliate:
            [("order_id", "order number (required); the rows of one order are summed"),
             ("paid_at", "when the order was paid: its day is the commission's day"), ("day", "day (or --date), without paid_at"),
             ("order_amount", "what the buyer paid"), ("commission", "commission owed (预估 or 结算佣金) (required)")]
        case .liveSessions:
            [("session_id", "session id (default: its start or day and title or host)"), ("title", "session title"),
             ("started_at", "when it started (its day is the session's day)"), ("day", "day (or --date), without started_at"),
             ("host", "host"), ("duration", "length as 2:30:00 or 2小时30分"), ("duration_minutes", "length in minutes"),
             ("viewers", "viewers (required)"), ("orders", "orders paid"), ("gmv", "GMV paid (required)")]
        case .complaints:
            [("complaint_id", "complaint number (required)"), ("kind", "what it is about, e.g. 延迟发货 (required)"),
             ("opened_at", "when it was opened (required)"), ("order_id", "the order it concerns"),
             ("points", "penalty points at stake (default 0)"), ("due_at", "deadline to respond or appeal"),
             ("resolved", "whether it is resolved (是/否; or a status: 已处理/处理中)")]
        case .purchaseOrders:
            [("po_id", "purchase order number (required)"), ("sku", "SKU / merchant code (required)"),
             ("quantity", "units ordered (required)"), ("ordered_on", "day it was ordered (required)"),
             ("expected_on", "day it is expected (required)"), ("received_on", "day it arrived (empty: still open)"),
             ("presale", "whether its units are sold as pre-sale (是/否)")]
        case .products:
            [("product_id", "product id or handle (required)"), ("title", "title"), ("category", "category"), ("sku", "variant SKU"),
             ("price", "variant price"), ("cost", "unit cost"), ("grams", "weight in grams"), ("attributes", "option values")]
        }
    }
}
