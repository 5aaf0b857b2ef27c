/// The thresholds of the checks, with the domain guide's defaults (§6-§13). A store overrides any of them by name
/// (`storeops settings set`); see `CheckSettings.Name` for the names, units and meanings.
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
    public var priceCutShare = Ratio(1, 20)

    /// Days of refunds and sales behind the refund rates (after-sales, §9).
    public var afterSalesWindowDays = 30
    /// A refund waiting on the seller is reported this many hours before its deadline (and when past it).
    public var refundDueSoonHours = 12
    /// SKUs whose refund rate is above this multiple of the store's are reported, once they have at least
    /// `skuRefundMinRefunds` refunds in the window.
    public var skuRefundRateFactor = Ratio(2, 1)
    public var skuRefundMinRefunds = 3
    /// ... and when that many refunds would be this unlikely at the store's rate, across all the SKUs tested (a
    /// Poisson tail with a Bonferroni correction): small SKUs with two or three unlucky refunds are not findings.
    public var skuRefundSignificance = Ratio(1, 20)
    /// An open complaint is critical this many hours before its deadline.
    public var complaintDueSoonHours = 24
    /// Paid orders of at least this amount (minor units of the store's currency) are double-checked before shipping.
    public var bigOrderMinor: Int64 = 300_000
    /// A SKU with at least `slowMoverMinUnits` on hand and no sale in this many days is a slow mover.
    public var slowMoverDays = 30
    public var slowMoverMinUnits = 20
    /// The stock checks of a day use each SKU's latest count from this many days before it up to the next morning
    /// (a count taken before the morning routine); an older count is not used.
    public var stockCountMaxAgeDays = 7
    /// Pre-sale purchase orders expected within this many days (or overdue) are reported.
    public var presaleDueDays = 3
    /// Page health is reviewed weekly, on this ISO weekday (1 = Monday), over the 7 days before it.
    public var pageHealthWeekday = 1
    /// Page health pass marks (§7): store AOV / hero-item AOV, bounce rate, visit depth.
    public var pageAOVRatioFloor = Ratio(13, 10)
    public var bounceRateCeiling = Ratio(7, 10)
    public var visitDepthFloor = Ratio(5, 2)
    /// A campaign budget used up before this hour (store time) is reported.
    public var budgetHour = 18
    /// The day's ad spend / GMV above this is reported.
    public var adShareLimit = Ratio(1, 5)
    /// A channel's CTR over the window below this share of its CTR in the four weeks before means the main image
    /// needs work (a task for the designer).
    public var lowCTRShare = Ratio(4, 5)
    /// Agents slower than this average first response (seconds) or answering fewer than `answeredWithin3MinFloor`
    /// within 3 minutes are reported.
    public var firstResponseLimitSeconds = 30
    public var answeredWithin3MinFloor = Ratio(9, 10)
    /// A DSR score falling by at least this much (in 1/10000 points, 200 = 0.02) over the window is reported.
    public var dsrDropTenThousandths = 200
    /// Neutral and bad reviews still unreplied this many hours after they were posted are reported.
    public var replyWithinHours = 24
    /// A competitor core item whose monthly sales grew by this share over the window is reported.
    public var salesJumpShare = Ratio(3, 10)
    /// Competitor items listed within this many days are new launches.
    public var launchWithinDays = 14
    /// Organic search results per page: a tracked keyword's rank above this is off page one.
    public var pageOneSize = 44
    /// Title length bounds in bytes (a Chinese character counts 2, as Taobao counts): at most 60, flag under 24.
    public var titleMaxBytes = 60
    public var titleMinBytes = 24
    /// A line sold at or below this share of the list price is a price typo ("a missing zero").
    public var priceFloorShare = Ratio(1, 10)
    /// A store that flags no hero item has as heroes the fewest items whose GMV over the after-sales window makes at
    /// least this share of the store's (domain guide §10).
    public var heroGMVShare = Ratio(1, 2)

    /// Ratios are kept in lowest terms, so that a value read back from its text equals the default.
    public init() {}
}
