/// The sections of the morning checks (domain guide §2 and §6-§13), in the order an operator walks them.
public enum CheckSection: String, Sendable, CaseIterable, Comparable {
    case afterSales = "after_sales"
    case logistics
    case stock
    case pageHealth = "page_health"
    case ads
    case service
    case reviews
    case competitors
    case listings

    public static func < (lhs: CheckSection, rhs: CheckSection) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Every kind of finding, with its section.
public enum CheckKind: String, Sendable, CaseIterable {
    // after-sales (§9)
    case refundOverdue = "refund_overdue"
    case refundDueSoon = "refund_due_soon"
    case skuRefundRate = "sku_refund_rate"
    case complaint
    // logistics (§9)
    case unshippedOrder = "unshipped_order"
    case stalledShipment = "stalled_shipment"
    case lostShipment = "lost_shipment"
    case returnedShipment = "returned_shipment"
    case bigOrder = "big_order"
    /// Paid orders whose export said nothing of shipping: the unshipped check could not judge them (said once).
    case shippingUnknown = "shipping_unknown"
    // stock (§10)
    case soldOutHero = "sold_out_hero"
    case restock
    case slowMover = "slow_mover"
    case presaleDue = "presale_due"
    // page health (§7, weekly)
    case pageAOVRatio = "page_aov_ratio"
    case pageBounce = "page_bounce"
    case pageDepth = "page_depth"
    // ads (§6)
    case keywordDelete = "keyword_delete"
    case keywordLowerBid = "keyword_lower_bid"
    case keywordRaiseBid = "keyword_raise_bid"
    case campaignBelowBreakEven = "campaign_below_break_even"
    case budgetExhausted = "budget_exhausted"
    case adShare = "ad_share"
    case lowCTR = "low_ctr"
    // service (§8)
    case agentConversion = "agent_conversion"
    case agentResponse = "agent_response"
    // reviews and scores (§9)
    case badReview = "bad_review"
    case unrepliedReview = "unreplied_review"
    case dsrDrop = "dsr_drop"
    // competitors and search rank (§11)
    case competitorPriceCut = "competitor_price_cut"
    case competitorLaunch = "competitor_launch"
    case competitorSalesJump = "competitor_sales_jump"
    case keywordOffPageOne = "keyword_off_page_one"
    case copycat
    // listing hygiene (§13)
    case titleLength = "title_length"
    case priceTypo = "price_typo"

    public var section: CheckSection {
        switch self {
        case .refundOverdue, .refundDueSoon, .skuRefundRate, .complaint: .afterSales
        case .unshippedOrder, .stalledShipment, .lostShipment, .returnedShipment, .bigOrder, .shippingUnknown: .logistics
        case .soldOutHero, .restock, .slowMover, .presaleDue: .stock
        case .pageAOVRatio, .pageBounce, .pageDepth: .pageHealth
        case .keywordDelete, .keywordLowerBid, .keywordRaiseBid, .campaignBelowBreakEven, .budgetExhausted, .adShare, .lowCTR: .ads
        case .agentConversion, .agentResponse: .service
        case .badReview, .unrepliedReview, .dsrDrop: .reviews
        case .competitorPriceCut, .competitorLaunch, .competitorSalesJump, .keywordOffPageOne, .copycat: .competitors
        case .titleLength, .priceTypo: .listings
        }
    }
}
