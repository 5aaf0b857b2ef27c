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
    // logistics (§9)
    case unshippedOrder = "unshipped_order"
    case stalledShipment = "stalled_shipment"
    case lostShipment = "lost_shipment"
    case returnedShipment = "returned_shipment"
    // stock (§10)
    case soldOutHero = "sold_out_hero"
    case restock
    // ads (§6)
    case keywordDelete = "keyword_delete"
    case keywordLowerBid = "keyword_lower_bid"
    case keywordRaiseBid = "keyword_raise_bid"
    // service (§8)
    case agentConversion = "agent_conversion"
    // reviews (§9)
    case badReview = "bad_review"
    // competitors (§11)
    case competitorPriceCut = "competitor_price_cut"

    public var section: CheckSection {
        switch self {
        case .unshippedOrder, .stalledShipment, .lostShipment, .returnedShipment: .logistics
        case .soldOutHero, .restock: .stock
        case .keywordDelete, .keywordLowerBid, .keywordRaiseBid: .ads
        case .agentConversion: .service
        case .badReview: .reviews
        case .competitorPriceCut: .competitors
        }
    }
}
