import StoreOpsCore

extension MasterField {
    /// The field's name as operators know it, in `language`.
    public func label(_ language: Language) -> String {
        switch self {
        case .gmv: language.pick("支付金额", "GMV")
        case .paidOrders: language.pick("支付订单数", "Paid orders")
        case .buyers: language.pick("支付买家数", "Buyers")
        case .units: language.pick("支付件数", "Units")
        case .visitors: language.pick("访客数", "Visitors")
        case .pageViews: language.pick("浏览量", "Page views")
        case .conversionRate: language.pick("支付转化率", "Conversion")
        case .aov: language.pick("客单价", "AOV")
        case .uvValue: language.pick("UV价值", "UV value")
        case .bounceRate: language.pick("跳失率", "Bounce rate")
        case .visitDepth: language.pick("访问深度", "Visit depth")
        case .newBuyers: language.pick("新客数", "New buyers")
        case .returningBuyers: language.pick("老客数", "Returning buyers")
        case .newBuyerGMV: language.pick("新客成交额", "New buyers' GMV")
        case .returningBuyerGMV: language.pick("老客成交额", "Returning buyers' GMV")
        case .returningBuyerShare: language.pick("老客占比", "Returning share")
        case .adSpendZtc, .adSpendDisplay, .adSpendFeed, .adSpendBrand, .adSpendWxt, .adSpendOther:
            language.pick("推广花费·", "Ad spend · ") + channelName(language)
        case .adSpendTotal: language.pick("推广总花费", "Ad spend total")
        case .adShare: language.pick("推广占比", "Ad share")
        case .roasZtc, .roasDisplay, .roasFeed, .roasBrand, .roasWxt, .roasOther:
            language.pick("投入产出比·", "ROAS · ") + channelName(language)
        case .roas: language.pick("投入产出比", "ROAS")
        case .affiliateCommission: language.pick("淘客佣金", "Affiliate commission")
        case .liveViewers: language.pick("直播观看人数", "Live viewers")
        case .liveGMV: language.pick("直播成交额", "Live GMV")
        case .cogs: language.pick("商品成本", "COGS")
        case .shippingCost: language.pick("发货成本", "Shipping cost")
        case .platformFees: language.pick("平台扣点", "Platform fees")
        case .grossProfit: language.pick("毛利", "Gross profit")
        case .netProfit: language.pick("净利", "Net profit")
        case .breakEvenROAS: language.pick("保本投产比", "Break-even ROAS")
        case .refundAmount: language.pick("退款金额(按退款日)", "Refunds (by refund day)")
        case .refundAmountByOrderDay: language.pick("退款金额(按下单日)", "Refunds (by order day)")
        case .refundOrders: language.pick("退款单量", "Refund orders")
        case .refundRate: language.pick("退款率", "Refund rate")
        case .dsrDescription: language.pick("描述相符", "DSR description")
        case .dsrDescriptionChange: language.pick("描述相符变化", "DSR description change")
        case .dsrService: language.pick("服务态度", "DSR service")
        case .dsrServiceChange: language.pick("服务态度变化", "DSR service change")
        case .dsrLogistics: language.pick("物流服务", "DSR logistics")
        case .dsrLogisticsChange: language.pick("物流服务变化", "DSR logistics change")
        }
    }

    private func channelName(_ language: Language) -> String {
        let channel = AdChannel(rawValue: String(key.split(separator: ".").last ?? "")) ?? .other
        return language.pick(channel.chineseName, channel.englishName)
    }

    /// The group heading of the field in the master table.
    public var group: MasterFieldGroup {
        switch self {
        case .gmv, .paidOrders, .buyers, .units, .visitors, .pageViews, .conversionRate, .aov, .uvValue, .bounceRate, .visitDepth: .sales
        case .adSpendZtc, .adSpendDisplay, .adSpendFeed, .adSpendBrand, .adSpendWxt, .adSpendOther, .adSpendTotal, .adShare, .roasZtc,
             .roasDisplay, .roasFeed, .roasBrand, .roasWxt, .roasOther, .roas: .ads
        case .newBuyers, .returningBuyers, .newBuyerGMV, .returningBuyerGMV, .returningBuyerShare: .customers
        case .affiliateCommission, .liveViewers, .liveGMV: .other
        case .cogs, .shippingCost, .platformFees, .grossProfit, .netProfit, .breakEvenROAS: .profit
        case .refundAmount, .refundAmountByOrderDay, .refundOrders, .refundRate: .refunds
        case .dsrDescription, .dsrDescriptionChange, .dsrService, .dsrServiceChange, .dsrLogistics, .dsrLogisticsChange: .scores
        }
    }
}

/// The groups of the master table (domain guide §3).
public enum MasterFieldGroup: String, Sendable, CaseIterable {
    case sales, customers, ads, other, profit, refunds, scores

    public func label(_ language: Language) -> String {
        switch self {
        case .sales: language.pick("销售", "Sales")
        case .customers: language.pick("新老客", "New and returning")
        case .ads: language.pick("推广", "Ads")
        case .other: language.pick("其他", "Other")
        case .profit: language.pick("成本与利润", "Cost & profit")
        case .refunds: language.pick("退款", "Refunds")
        case .scores: language.pick("店铺评分", "Store scores")
        }
    }
}
