/// One paid-search keyword over the check window and what to do with it (domain guide §6): its totals, ROAS against
/// the advertised item's break-even ROAS, and the recommended action with its reason. Every keyword with spend or
/// clicks gets one: those with too few clicks are watched, those without a known break-even cannot be judged.
public struct KeywordVerdict: Sendable {
    /// What the operator should do with the keyword.
    public enum Action: String, Hashable, Sendable, CaseIterable {
        case delete
        case lowerBid = "lower_bid"
        case raiseBid = "raise_bid"
        /// It earns its cost: keep it as it is.
        case keep
        /// Too few clicks in the window to judge: watch it.
        case watch
        /// The item's break-even ROAS is unknown (no unit cost or price): it cannot be judged.
        case unknown

        /// The action in the reader's language.
        public func label(zh: Bool) -> String {
            switch self {
            case .delete: zh ? "删除" : "Delete"
            case .lowerBid: zh ? "降低出价" : "Lower the bid"
            case .raiseBid: zh ? "提高出价" : "Raise the bid"
            case .keep: zh ? "保持" : "Keep"
            case .watch: zh ? "观察（点击太少）" : "Watch (too few clicks)"
            case .unknown: zh ? "无法判断（缺保本投产比）" : "Cannot judge (no break-even)"
            }
        }
    }

    public var channel: AdChannel
    public var campaign: String
    public var keyword: String
    public var productID: String
    public var impressions: Int
    public var clicks: Int
    public var orders: Int
    public var spend: Money
    public var revenue: Money
    /// Revenue / spend; unknown without spend.
    public var roas: Ratio
    /// The advertised item's break-even ROAS (or the store's), nil when unknown.
    public var breakEven: Ratio?
    /// The average position over the days that reported one.
    public var averageRank: Int?
    public var action: Action
    /// Why, in Chinese and in English; nil for keep, watch and unknown.
    public var reasonZh: String?
    public var reasonEn: String?
    /// Spend beyond what the revenue's margin pays for; nil when it pays or the break-even is unknown.
    public var loss: Money?
    /// The figures the verdict was made from (campaign averages, CTR, CPC), for the finding; empty when not judged.
    public var evidence: [Evidence] = []
}
