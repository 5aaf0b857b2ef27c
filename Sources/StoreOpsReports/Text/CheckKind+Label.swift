import StoreOpsCore

extension CheckSection {
    /// The section's heading.
    public func label(_ l: Language) -> String {
        switch self {
        case .afterSales: l.pick("售后", "After-sales")
        case .logistics: l.pick("订单与物流", "Orders and logistics")
        case .stock: l.pick("库存", "Stock")
        case .pageHealth: l.pick("页面健康", "Page health")
        case .ads: l.pick("推广", "Ads")
        case .service: l.pick("客服", "Customer service")
        case .reviews: l.pick("评价", "Reviews")
        case .competitors: l.pick("竞品", "Competitors")
        case .listings: l.pick("商品规范", "Listing hygiene")
        }
    }
}

extension CheckKind {
    /// What the finding is, in a few words.
    public func label(_ l: Language) -> String {
        switch self {
        case .refundOverdue: l.pick("退款超时未处理", "Refund past its deadline")
        case .refundDueSoon: l.pick("退款即将超时", "Refund due soon")
        case .skuRefundRate: l.pick("SKU退款率高", "High SKU refund rate")
        case .complaint: l.pick("投诉待处理", "Open complaint")
        case .unshippedOrder: l.pick("超时未发货", "Unshipped past promise")
        case .stalledShipment: l.pick("物流停滞", "Parcel stalled")
        case .lostShipment: l.pick("包裹丢失", "Parcel lost")
        case .returnedShipment: l.pick("包裹退回", "Parcel returned")
        case .bigOrder: l.pick("大额订单核对", "Big order to check")
        case .shippingUnknown: l.pick("缺少发货数据", "No shipping data")
        case .soldOutHero: l.pick("主推款售罄", "Hero item sold out")
        case .restock: l.pick("需要补货", "Restock")
        case .slowMover: l.pick("滞销", "Slow mover")
        case .presaleDue: l.pick("预售到货", "Pre-sale arrival due")
        case .pageAOVRatio: l.pick("客单价比偏低", "Low store/hero AOV ratio")
        case .pageBounce: l.pick("跳失率高", "High bounce rate")
        case .pageDepth: l.pick("访问深度低", "Low visit depth")
        case .keywordDelete: l.pick("删除关键词", "Delete keyword")
        case .keywordLowerBid: l.pick("降低出价", "Lower bid")
        case .keywordRaiseBid: l.pick("提高出价", "Raise bid")
        case .campaignBelowBreakEven: l.pick("计划低于保本", "Campaign below break-even")
        case .budgetExhausted: l.pick("预算提前用完", "Budget used up early")
        case .adShare: l.pick("推广占比超限", "Ad share over limit")
        case .lowCTR: l.pick("点击率下降", "CTR fell")
        case .agentConversion: l.pick("询单转化低", "Low inquiry conversion")
        case .agentResponse: l.pick("响应慢", "Slow response")
        case .badReview: l.pick("新中差评", "New neutral/bad review")
        case .unrepliedReview: l.pick("评价未回复", "Unreplied review")
        case .dsrDrop: l.pick("DSR下降", "DSR fell")
        case .competitorPriceCut: l.pick("竞品降价", "Competitor price cut")
        case .competitorLaunch: l.pick("竞品上新", "Competitor launch")
        case .competitorSalesJump: l.pick("竞品销量激增", "Competitor sales jump")
        case .keywordOffPageOne: l.pick("关键词掉出首页", "Keyword off page one")
        case .copycat: l.pick("同款盗图", "Copycat listing")
        case .titleLength: l.pick("标题长度", "Title length")
        case .priceTypo: l.pick("价格异常", "Price typo")
        }
    }
}

extension TaskRole {
    public func label(_ l: Language) -> String {
        switch self {
        case .operator: l.pick("运营", "operator")
        case .ads: l.pick("推广", "ads")
        case .designer: l.pick("美工", "designer")
        case .service: l.pick("客服", "service")
        case .content: l.pick("内容", "content")
        }
    }
}

extension Finding.Severity {
    /// How urgent, in a word.
    public func label(_ l: Language) -> String {
        switch self {
        case .critical: l.pick("严重", "critical")
        case .warning: l.pick("警告", "warning")
        case .info: l.pick("提示", "info")
        }
    }
}
