/// The kinds of facts the checks read. A check runs only when the store has brought in every kind it needs;
/// otherwise it is listed as not run, with the file or command that would feed it, and never guesses.
public enum CheckData: String, Sendable, CaseIterable {
    case orders
    /// Order lines with SKU codes: sales per SKU.
    case orderLines = "order_lines"
    case refunds
    /// Shipments and their tracking events.
    case tracking
    case complaints
    /// A stock count of the day checked, of the next morning or of at most `stockCountMaxAgeDays` before.
    case stock
    case purchaseOrders = "purchase_orders"
    case products
    /// Whole-store traffic per day (visitors, page views, bounces).
    case storeTraffic = "store_traffic"
    /// Traffic and sales per item per day.
    case itemTraffic = "item_traffic"
    case ads
    case adBudgets = "ad_budgets"
    case serviceAgents = "service_agents"
    case reviews
    /// Store scores (DSR).
    case scores
    case competitors
    /// Tracked search keywords and their ranks.
    case ranks
}

extension CheckKind {
    /// The kinds of facts the check reads.
    public var needs: [CheckData] {
        switch self {
        case .refundOverdue, .refundDueSoon: [.refunds]
        case .skuRefundRate: [.refunds, .orderLines]
        case .complaint: [.complaints]
        case .unshippedOrder, .bigOrder, .shippingUnknown: [.orders]
        case .stalledShipment, .lostShipment, .returnedShipment: [.tracking]
        case .soldOutHero: [.stock, .orderLines]
        case .restock, .slowMover: [.stock, .orderLines]
        case .presaleDue: [.purchaseOrders]
        case .pageAOVRatio: [.orders, .itemTraffic]
        case .pageBounce, .pageDepth: [.storeTraffic]
        case .keywordDelete, .keywordLowerBid, .keywordRaiseBid, .campaignBelowBreakEven, .lowCTR: [.ads]
        case .adShare: [.ads, .orders]
        case .budgetExhausted: [.adBudgets]
        case .agentConversion, .agentResponse: [.serviceAgents]
        case .badReview: [.reviews, .itemTraffic]
        case .unrepliedReview: [.reviews]
        case .dsrDrop: [.scores]
        case .competitorPriceCut, .competitorLaunch, .competitorSalesJump, .copycat: [.competitors]
        case .keywordOffPageOne: [.ranks]
        case .titleLength: [.products]
        case .priceTypo: [.orderLines, .products]
        }
    }
}
