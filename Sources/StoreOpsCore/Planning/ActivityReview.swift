/// The review of an activity (活动复盘, domain guide §15): the run of days before it (as many as it lasts), its own days
/// and as many days after, each added up from the master table, the days during and after against the days before,
/// the activity's GMV goal against what it made, the items that sold most while it ran and the refunds of its orders.
/// Days still to come are left out: a running activity is reviewed up to the last day with data.
public struct ActivityReview: Sendable {
    public let store: Store
    public let activity: Activity
    /// The last day the review counts (yesterday, or the activity's end).
    public let lastDay: Day
    public let before: PeriodFigures
    /// Nil before the activity starts.
    public let during: PeriodFigures?
    /// Nil until the day after it ends.
    public let after: PeriodFigures?
    /// The items that sold most during it, by revenue (at most five).
    public let topItems: [ItemSales]

    /// An item's sales during the activity.
    public struct ItemSales: Hashable, Sendable {
        public let productID: String
        public let title: String?
        public let units: Int
        public let revenue: Money

        public init(productID: String, title: String?, units: Int, revenue: Money) {
            self.productID = productID
            self.title = title
            self.units = units
            self.revenue = revenue
        }
    }

    public init(
        store: Store, activity: Activity, lastDay: Day, before: PeriodFigures, during: PeriodFigures?,
        after: PeriodFigures?,
        topItems: [ItemSales]
    ) {
        self.store = store
        self.activity = activity
        self.lastDay = lastDay
        self.before = before
        self.during = during
        self.after = after
        self.topItems = topItems
    }

    /// The phases of `activity` seen on `lastDay`: before (as long as the activity, ending the day before it), during
    /// (up to `lastDay`) and after (as long as the activity, up to `lastDay`).
    public static func phases(
        of activity: Activity,
        through lastDay: Day
    ) -> (before: DayRange, during: DayRange?, after: DayRange?) {
        let length = activity.start.distance(to: activity.end) + 1
        let before = DayRange(activity.start.adding(days: -length), activity.start.adding(days: -1))!
        let during = DayRange(activity.start, min(activity.end, lastDay))
        let after = DayRange(activity.end.adding(days: 1), min(activity.end.adding(days: length), lastDay))
        return (before, during, after)
    }

    /// The days of master table the review reads.
    public static func days(of activity: Activity, through lastDay: Day) -> DayRange {
        let p = phases(of: activity, through: lastDay)
        return DayRange(p.before.first, max(p.before.last, p.after?.last ?? p.during?.last ?? p.before.last))!
    }

    /// GMV during the activity over its goal; nil without a goal or before it starts.
    public var attainment: Ratio? {
        guard let goal = activity.gmvGoal, goal.minor > 0, let gmv = during?.gmv else { return nil }
        return Ratio(gmv.minor, goal.minor)
    }

    /// The change of GMV per day during (or after) the activity against the days before, as a share.
    public func gmvChange(of phase: PeriodFigures?) -> Ratio? {
        guard let base = before.dailyGMV, base.minor > 0, let now = phase?.dailyGMV else { return nil }
        return Ratio(now.minor - base.minor, base.minor)
    }
}
