import StoreOpsCore

/// A week's, a month's or any period's report (周报, 月报): every master-table figure over the period against the period
/// before it and the same days a year earlier, the GMV target of its days, why GMV moved against the period before
/// (visitors x conversion x AOV over the totals), and its best and worst days.
public struct PeriodReport: Sendable {
    /// How the period was asked for: a week (`2026-W48`), a month (`2026-11`) or a range.
    public enum Kind: String, Sendable {
        case week, month, period
    }

    public let store: Store
    public let kind: Kind
    /// `2026-W48`, `2026-11`, or `2026-11-01~2026-11-15`.
    public let label: String
    public let totals: PeriodTotals
    /// The period before: the week before, the month before, or as many days just before a range.
    public let previous: PeriodTotals
    /// The same weekdays 52 weeks earlier (a week or a range), or the same month a year earlier.
    public let lastYear: PeriodTotals
    /// The period's daily rows.
    public let daily: [MasterTableRow]
    /// The sum of the day targets of the period's days; nil when a day has none.
    public var targetGMV: Money?
    /// Ads by campaign, most spent first.
    public var campaigns: [CampaignLine] = []
    /// Customer-service agents, best inquiry conversion first.
    public var agents: [AgentLine] = []
    /// Refunds requested in the period by reason (Pareto), when the store has refund data.
    public var returnReasons: ReturnReasons?
    /// The five items with the most line revenue, and the five that fell most against the period before.
    public var topItems: [ItemLine] = []
    public var fallingItems: [ItemLine] = []
    /// The reviews of the period, when the store has review data for it.
    public var reviews: ReviewSummary?
    /// SKUs out of stock on some days of the period, most lost revenue first (up to ten).
    public var stockOuts: [StockOutLine] = []
    /// Days of the period with a stock snapshot; nil when the store has none in it.
    public var stockKnownDays: Int?
    /// Competitor items whose price or monthly sales moved, largest price change first (up to ten).
    public var competitorMoves: [CompetitorMove] = []
    /// The items that played a role in the period (traffic, profit, converter, rising), most revenue first (up to 20).
    public var itemRoles: [ItemRoleLine] = []
    /// The findings of the period that became tasks, by check.
    public var findings: [FindingKindLine] = []
    /// The keyword tasks closed in the period and what followed, in the order they were closed.
    public var keywordActions: [KeywordActionLine] = []
    /// The tasks the checks made and people closed over the period.
    public var tasks: TaskSummary?
    /// The next week's, month's or run's target; nil when its days have none.
    public var nextTarget: NextTarget?

    public init(
        store: Store, kind: Kind, label: String, totals: PeriodTotals, previous: PeriodTotals, lastYear: PeriodTotals,
        daily: [MasterTableRow], targetGMV: Money? = nil
    ) {
        self.store = store
        self.kind = kind
        self.label = label
        self.totals = totals
        self.previous = previous
        self.lastYear = lastYear
        self.daily = daily
        self.targetGMV = targetGMV
    }

    /// GMV over the target.
    public var attainment: Ratio? {
        guard let target = targetGMV, target.minor > 0, case .money(let gmv) = totals[.gmv] else { return nil }
        return Ratio(gmv.minor, target.minor)
    }

    /// GMV's change against the period before, split into visitors, conversion and AOV; nil without sales and traffic
    /// on both sides.
    public var why: GMVDecomposition? {
        func side(_ t: PeriodTotals) -> GMVDecomposition.Side? {
            guard case .money(let gmv) = t[.gmv], case .count(let visitors) = t[.visitors],
                case .count(let buyers) = t[.buyers]
            else {
                return nil
            }
            return GMVDecomposition.Side(gmv: gmv.minor, visitors: visitors, buyers: buyers)
        }
        guard let before = side(previous), let now = side(totals) else { return nil }
        return GMVDecomposition(baseline: before, current: now)
    }

    /// The days with the most and the least GMV (the earlier day on a tie); nil without sales.
    public var bestAndWorstDays: (best: MasterTableRow, worst: MasterTableRow)? {
        let sold = daily.compactMap { row -> (MasterTableRow, Int64)? in
            if case .money(let gmv) = row[.gmv] { (row, gmv.minor) } else { nil }
        }
        guard let best = sold.max(by: { ($0.1, $1.0.day) < ($1.1, $0.0.day) }),
            let worst = sold.min(by: { ($0.1, $0.0.day) < ($1.1, $1.0.day) })
        else { return nil }
        return (best.0, worst.0)
    }

    /// The figures worth showing: those with data in any of the three periods; ad channels only when they spent.
    public var shownFields: [MasterField] { MasterField.worthShowing { [totals[$0], previous[$0], lastYear[$0]] } }
}
