/// Why GMV moved between a baseline and a day: the LMDI parts, the traffic sources that moved visitors, the
/// items that moved GMV and what ads did (domain guide §4).
public struct WhyAnalysis: Hashable, Sendable {
    /// What the day is compared with.
    public enum Baseline: Hashable, Sendable {
        /// The same weekday a week earlier.
        case lastWeek
        /// The average of the 7 days before.
        case trailing7
        /// A chosen day.
        case day(Day)

        /// The days compared with `day`, oldest first (always a run of consecutive days).
        public func days(for day: Day) -> [Day] {
            switch self {
            case .lastWeek: [day.adding(days: -7)]
            case .trailing7: Array(DayRange(ending: day.adding(days: -1), count: 7))
            case .day(let chosen): [chosen]
            }
        }
    }

    public struct SourceChange: Hashable, Sendable {
        public var source: String
        public var visitorsChange: Int64
        public var gmvChange: Int64
        public init(source: String, visitorsChange: Int64, gmvChange: Int64) {
            self.source = source
            self.visitorsChange = visitorsChange
            self.gmvChange = gmvChange
        }
    }

    public struct ItemChange: Hashable, Sendable {
        public var productID: String
        public var title: String
        public var gmvChange: Int64
        /// Whether one of the item's SKUs had no stock at the end of the day.
        public var soldOut: Bool
        public init(productID: String, title: String, gmvChange: Int64, soldOut: Bool) {
            self.productID = productID
            self.title = title
            self.gmvChange = gmvChange
            self.soldOut = soldOut
        }
    }

    /// An item's gross margin on the day and the ROAS its ads need to break even.
    public struct ItemMargin: Hashable, Sendable {
        public var productID: String
        public var title: String
        /// Line value of the day's paid orders, and its cost (units with a cost only).
        public var revenue: Int64
        public var cogs: Int64
        /// Attributed ads revenue / spend of the item's ads that day, if it was advertised.
        public var adROAS: Ratio?
        public init(productID: String, title: String, revenue: Int64, cogs: Int64, adROAS: Ratio?) {
            self.productID = productID
            self.title = title
            self.revenue = revenue
            self.cogs = cogs
            self.adROAS = adROAS
        }

        /// Gross margin rate (revenue − cost) / revenue.
        public var marginRate: Ratio { Ratio(revenue - cogs, revenue) }
        /// Break-even ROAS = 1 / margin rate; nil without a margin.
        public var breakEvenROAS: Ratio? { revenue > cogs ? Ratio(revenue, revenue - cogs) : nil }
    }

    public var day: Day
    public var baseline: Baseline
    /// The baseline's figures (for `trailing7`, 7-day averages) and the day's.
    public var before: GMVDecomposition.Side
    public var after: GMVDecomposition.Side
    public var parts: GMVDecomposition
    /// Sources by the size of their visitor change, largest first.
    public var bySource: [SourceChange]
    /// The items that moved GMV most: the largest falls and rises.
    public var byItem: [ItemChange]
    public var adSpendChange: Int64?
    public var roasBefore: Ratio?
    public var roasAfter: Ratio?
    /// The day's best-selling items with their margin and break-even ROAS.
    public var margins: [ItemMargin] = []

    public init(day: Day, baseline: Baseline, before: GMVDecomposition.Side, after: GMVDecomposition.Side, bySource: [SourceChange],
                byItem: [ItemChange], adSpendChange: Int64? = nil, roasBefore: Ratio? = nil, roasAfter: Ratio? = nil) {
        self.day = day
        self.baseline = baseline
        self.before = before
        self.after = after
        self.parts = GMVDecomposition(baseline: before, current: after)
        self.bySource = bySource
        self.byItem = byItem
        self.adSpendChange = adSpendChange
        self.roasBefore = roasBefore
        self.roasAfter = roasAfter
    }

    /// The baseline as the JSON `baseline_day` value: a day, or `7d`.
    public var baselineLabel: String {
        switch baseline {
        case .lastWeek: day.adding(days: -7).iso
        case .trailing7: "7d"
        case .day(let d): d.iso
        }
    }
}
