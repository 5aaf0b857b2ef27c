/// The usual RFM segments, named from a customer's recency and frequency scores (1 to 5) with the widespread grid:
/// recency 5 with frequency 4-5 are champions, recency 1-2 with frequency 1-2 are hibernating, and so on.
public enum CustomerSegment: String, Sendable, CaseIterable {
    case champions, loyal, potentialLoyalists = "potential_loyalists", new, promising, needAttention = "need_attention"
    case aboutToSleep = "about_to_sleep", atRisk = "at_risk", cannotLose = "cannot_lose", hibernating

    /// What the operator does for such customers.
    public enum Action: String, Sendable {
        /// VIP care: early access, member gifts, a personal thank-you.
        case vipCare = "vip_care"
        /// A membership or a higher tier, bundles and add-ons.
        case membership
        /// A coupon for the second or next purchase.
        case coupon
        /// A limited-time offer while they still remember the store.
        case limitedOffer = "limited_offer"
        /// Re-activation: a message with a strong coupon before they are gone.
        case reactivation
        /// Personal outreach: they were worth a lot and have stopped buying.
        case personalOutreach = "personal_outreach"
        /// Only cheap mass campaigns (member day), if any.
        case lowCost = "low_cost"
    }

    /// The segment of a recency score `r` and frequency score `f`, both 1...5.
    public init(recency r: Int, frequency f: Int) {
        switch (r, f) {
        case (5, 4...5): self = .champions
        case (3...4, 4...5): self = .loyal
        case (4...5, 2...3): self = .potentialLoyalists
        case (5, _): self = .new
        case (4, _): self = .promising
        case (3, 3): self = .needAttention
        case (3, _): self = .aboutToSleep
        case (_, 5): self = .cannotLose
        case (_, 3...4): self = .atRisk
        default: self = .hibernating
        }
    }

    public var action: Action {
        switch self {
        case .champions: .vipCare
        case .loyal, .potentialLoyalists: .membership
        case .new, .promising: .coupon
        case .needAttention: .limitedOffer
        case .aboutToSleep, .atRisk: .reactivation
        case .cannotLose: .personalOutreach
        case .hibernating: .lowCost
        }
    }
}
