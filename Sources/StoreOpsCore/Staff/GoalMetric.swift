/// A figure a person's goal is set on (domain guide §14): the operator's GMV and profit, the ads specialist's ROAS
/// and spend, the designer's click-through and conversion rates, customer service's own inquiry conversion and
/// response time.
public enum GoalMetric: String, Sendable, Codable, CaseIterable {
    case gmv
    case netProfit = "net_profit"
    /// Ad spend within the target (a budget): lower is better.
    case adSpend = "ad_spend"
    case roas
    /// Clicks / impressions of the store's ads (the main image's pull).
    case ctr
    /// The store's buyers / visitors.
    case conversionRate = "conversion_rate"
    /// The person's own inquirers who paid / inquirers (customer service).
    case inquiryConversion = "inquiry_conversion"
    /// The person's own mean first response time in seconds: lower is better.
    case responseSeconds = "response_seconds"

    /// How a target is kept: money in minor units, a rate in ten-thousandths (ROAS 3.5 = 35,000; 2.5 % = 250), or
    /// whole seconds.
    public enum Unit: Sendable {
        case money, rate, seconds
    }

    public var unit: Unit {
        switch self {
        case .gmv, .netProfit, .adSpend: .money
        case .roas, .ctr, .conversionRate, .inquiryConversion: .rate
        case .responseSeconds: .seconds
        }
    }

    /// Whether less than the target is attainment above 100 % (a budget, a response time).
    public var lowerIsBetter: Bool { self == .adSpend || self == .responseSeconds }

    /// Whether the figure is the person's own (their agent's in the service exports) rather than the store's.
    public var isPersonal: Bool { self == .inquiryConversion || self == .responseSeconds }
}
