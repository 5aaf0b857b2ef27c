/// The fields of the master table (总表, domain guide §3) in their documented order; the raw value is the JSON/CSV key.
public enum MasterField: String, Sendable, CaseIterable {
    case gmv, paidOrders = "paid_orders", buyers, units, visitors, pageViews = "page_views"
    case conversionRate = "conversion_rate", aov, uvValue = "uv_value", bounceRate = "bounce_rate", visitDepth = "visit_depth"
    case newBuyers = "new_buyers", returningBuyers = "returning_buyers", newBuyerGMV = "new_buyer_gmv"
    case returningBuyerGMV = "returning_buyer_gmv", returningBuyerShare = "returning_buyer_share"
    case adSpendZtc = "ad_spend.ztc", adSpendDisplay = "ad_spend.display", adSpendFeed = "ad_spend.feed"
    case adSpendBrand = "ad_spend.brand", adSpendWxt = "ad_spend.wxt", adSpendOther = "ad_spend.other"
    case adSpendTotal = "ad_spend_total", adShare = "ad_share"
    case roasZtc = "roas.ztc", roasDisplay = "roas.display", roasFeed = "roas.feed", roasBrand = "roas.brand"
    case roasWxt = "roas.wxt", roasOther = "roas.other", roas
    case affiliateCommission = "affiliate_commission", liveViewers = "live_viewers", liveGMV = "live_gmv"
    case cogs, shippingCost = "shipping_cost", platformFees = "platform_fees", grossProfit = "gross_profit", netProfit = "net_profit"
    case breakEvenROAS = "break_even_roas"
    case refundAmount = "refund_amount", refundAmountByOrderDay = "refund_amount_by_order_day", refundOrders = "refund_orders"
    case refundRate = "refund_rate"
    case dsrDescription = "dsr_description", dsrDescriptionChange = "dsr_description_change"
    case dsrService = "dsr_service", dsrServiceChange = "dsr_service_change"
    case dsrLogistics = "dsr_logistics", dsrLogisticsChange = "dsr_logistics_change"

    /// The key used in JSON and CSV.
    public var key: String { rawValue }

    /// The field for the spend of one ad channel.
    public static func adSpend(_ channel: AdChannel) -> MasterField {
        switch channel {
        case .ztc: .adSpendZtc
        case .display: .adSpendDisplay
        case .feed: .adSpendFeed
        case .brand: .adSpendBrand
        case .wxt: .adSpendWxt
        case .other: .adSpendOther
        }
    }

    /// The field for the ROAS of one ad channel.
    public static func roas(_ channel: AdChannel) -> MasterField {
        switch channel {
        case .ztc: .roasZtc
        case .display: .roasDisplay
        case .feed: .roasFeed
        case .brand: .roasBrand
        case .wxt: .roasWxt
        case .other: .roasOther
        }
    }

    /// Whether a higher value is good news (GMV up) or bad news (refunds up); nil when neither.
    public var higherIsBetter: Bool? {
        switch self {
        case .gmv, .paidOrders, .buyers, .units, .visitors, .pageViews, .conversionRate, .aov, .uvValue, .visitDepth, .roas,
             .roasZtc, .roasDisplay, .roasFeed, .roasBrand, .roasWxt, .roasOther, .liveViewers, .liveGMV, .grossProfit, .netProfit,
             .dsrDescription, .dsrService, .dsrLogistics, .dsrDescriptionChange, .dsrServiceChange, .dsrLogisticsChange,
             .newBuyers, .returningBuyers, .newBuyerGMV, .returningBuyerGMV, .returningBuyerShare:
            true
        case .bounceRate, .adShare, .refundAmount, .refundAmountByOrderDay, .refundOrders, .refundRate, .cogs, .shippingCost,
             .platformFees, .breakEvenROAS:
            false
        default:
            nil
        }
    }
}
