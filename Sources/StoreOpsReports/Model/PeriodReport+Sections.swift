import StoreOpsCore

extension PeriodReport {
    /// One campaign's ads over the period.
    public struct CampaignLine: Hashable, Sendable {
        public let channel: AdChannel
        public let campaign: String
        public let spend: Money
        public let revenue: Money
        public let orders: Int64
        public let clicks: Int64

        public init(channel: AdChannel, campaign: String, spend: Money, revenue: Money, orders: Int64, clicks: Int64) {
            self.channel = channel
            self.campaign = campaign
            self.spend = spend
            self.revenue = revenue
            self.orders = orders
            self.clicks = clicks
        }

        /// Attributed revenue over spend; nil without spend.
        public var roas: Ratio? { spend.minor > 0 ? Ratio(revenue.minor, spend.minor) : nil }
    }

    /// One customer-service agent over the period.
    public struct AgentLine: Hashable, Sendable {
        public let agent: String
        public let inquirers: Int64
        public let paid: Int64
        public let paidAmount: Money

        public init(agent: String, inquirers: Int64, paid: Int64, paidAmount: Money) {
            self.agent = agent
            self.inquirers = inquirers
            self.paid = paid
            self.paidAmount = paidAmount
        }

        /// Inquirers who paid over inquirers (询单转化率).
        public var conversion: Ratio? { inquirers > 0 ? Ratio(paid, inquirers) : nil }
    }

    /// One item's line revenue over the period and the period before.
    public struct ItemLine: Hashable, Sendable {
        public let productID: String
        public let title: String?
        public let units: Int64
        public let revenue: Money
        /// Nil when the period before has no order data (it lies before the store's history).
        public let previousRevenue: Money?

        public init(productID: String, title: String?, units: Int64, revenue: Money, previousRevenue: Money?) {
            self.productID = productID
            self.title = title
            self.units = units
            self.revenue = revenue
            self.previousRevenue = previousRevenue
        }

        /// Revenue against the period before; nil when that is unknown.
        public var change: Int64? { previousRevenue.map { revenue.minor - $0.minor } }
    }

    /// The tasks of the period: made in it, closed in it (on time: by their due day), and at its end still open and
    /// overdue.
    public struct TaskSummary: Hashable, Sendable {
        public let created: Int
        public let closedOnTime: Int
        public let closedLate: Int
        public let open: Int
        public let overdue: Int

        /// Counts `tasks` over `days` in `zone`.
        public init(tasks: [OpsTask], days: DayRange, zone: StoreTimeZone) {
            let end = zone.end(of: days.last)
            created = tasks.filter { days.contains(zone.day(of: $0.createdAt)) }.count
            let closed = tasks.filter { task in task.closedAt.map { days.contains(zone.day(of: $0)) } ?? false }
            closedOnTime = closed.filter { zone.day(of: $0.closedAt!) <= $0.due }.count
            closedLate = closed.count - closedOnTime
            // Open at the period's end: made before it ended and not closed by then.
            let openAtEnd = tasks.filter { $0.createdAt < end && ($0.closedAt.map { $0 >= end } ?? true) }
            open = openAtEnd.count
            overdue = openAtEnd.filter { $0.due < days.last }.count
        }
    }

    /// The target of the period after this one and what it needs per day.
    public struct NextTarget: Hashable, Sendable {
        public let days: DayRange
        public let gmv: Money

        public init(days: DayRange, gmv: Money) {
            self.days = days
            self.gmv = gmv
        }

        public var perDay: Money { gmv.scaled(by: 1, over: Int64(days.count)) }
    }
}
