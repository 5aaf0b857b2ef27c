/// The thresholds of the checks, with the domain guide's defaults (§6, §8, §9, §10, §11).
public struct CheckSettings: Hashable, Sendable {
    /// Days of ads and service data a judgement looks back over (the checked day included).
    public var windowDays = 7
    /// A keyword needs this many clicks in the window to be judged; fewer means "watch".
    public var keywordMinClicks = 30
    /// Raise the bid at ROAS >= this x break-even with an average rank worse than `raiseBidRankWorseThan`.
    public var raiseBidROASFactor = Ratio(3, 2)
    public var raiseBidRankWorseThan = 10
    /// Lower the bid at ROAS between these factors of break-even.
    public var lowerBidFrom = Ratio(7, 10)
    public var lowerBidTo = Ratio(1, 1)
    /// Delete a keyword that spent more than this many times the allowed cost per order without an order.
    public var deleteSpendFactor = 2
    /// Agents below this inquiry conversion always get training.
    public var agentConversionFloor = Ratio(1, 2)
    /// Agents whose conversion is below this share of the team's get a training task too (normal spread between
    /// agents is not a finding).
    public var agentBelowTeamShare = Ratio(4, 5)
    /// A keyword's CTR below this share of its campaign's, after `keywordMinImpressions`, means delete.
    public var deleteCTRShare = Ratio(1, 3)
    public var keywordMinImpressions = 1_000
    /// A keyword's CPC above this multiple of its campaign's means lower the bid.
    public var lowerBidCPCFactor = Ratio(3, 2)
    /// Paid orders must ship within this many hours when the order has no promised time.
    public var shipWithinHours = 48
    /// A parcel with no tracking update for this many hours is stalled.
    public var stalledAfterHours = 72
    /// Days of cover are computed from the average daily units over this many days.
    public var coverWindowDays = 14
    /// Restock when days of cover < lead time + these safety days (lead time defaults to `defaultLeadTimeDays`).
    public var safetyDays = 7
    public var defaultLeadTimeDays = 15
    /// Target cover for the suggested restock quantity, beyond the lead time.
    public var targetCoverDays = 30
    /// Bad and neutral reviews are checked on this many top items by traffic.
    public var topItemsByTraffic = 5
    /// A competitor's core item price cut of at least this share is reported.
    public var priceCutShare = Ratio(5, 100)

    public init() {}
}
