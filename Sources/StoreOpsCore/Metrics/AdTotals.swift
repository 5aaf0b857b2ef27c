/// Paid-ads totals of one channel (or all channels) for one day.
public struct AdTotals: Hashable, Sendable {
    public var spend: Money
    public var revenue: Money
    public var impressions: Int64
    public var clicks: Int64
    public var orders: Int64

    public init(spend: Money, revenue: Money, impressions: Int64 = 0, clicks: Int64 = 0, orders: Int64 = 0) {
        self.spend = spend
        self.revenue = revenue
        self.impressions = impressions
        self.clicks = clicks
        self.orders = orders
    }

    public static func zero(_ currency: Currency) -> AdTotals { AdTotals(spend: .zero(currency), revenue: .zero(currency)) }

    /// ROAS (投入产出比) = attributed revenue / spend.
    public var roas: Ratio { Ratio(revenue.minor, spend.minor) }

    public static func + (lhs: AdTotals, rhs: AdTotals) -> AdTotals {
        AdTotals(spend: lhs.spend + rhs.spend, revenue: lhs.revenue + rhs.revenue, impressions: lhs.impressions + rhs.impressions,
                 clicks: lhs.clicks + rhs.clicks, orders: lhs.orders + rhs.orders)
    }
}
