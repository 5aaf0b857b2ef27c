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
        public let previousRevenue: Money

        public init(productID: String, title: String?, units: Int64, revenue: Money, previousRevenue: Money) {
            self.productID = productID
            self.title = title
            self.units = units
            self.revenue = revenue
            self.previousRevenue = previousRevenue
        }

        public var change: Int64 { revenue.minor - previousRevenue.minor }
    }
}
