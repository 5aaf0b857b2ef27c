/// Why a master-table figure has no value for a day: which input the store lacks. Reports name the figures with no
/// value, grouped by their gap, and what to import or set to fill it.
public enum DataGap: String, Sendable, CaseIterable, Comparable {
    /// No order export covers the day.
    case noOrders = "no_orders"
    /// The day's orders came from an export without a buyer column.
    case noBuyers = "no_buyers"
    /// The day's orders came from an export without units and without item lines.
    case noUnits = "no_units"
    /// No store traffic (生意参谋 店铺概况) for the day.
    case noTraffic = "no_traffic"
    /// The traffic export has no bounce rate.
    case noBounceRate = "no_bounce_rate"
    /// No ads report covers the day.
    case noAds = "no_ads"
    /// No unit costs for the SKUs sold (COGS, and profit from it).
    case noUnitCosts = "no_unit_costs"
    /// No cost settings (`storeops costs set`): shipping, fees and profit.
    case noCostSettings = "no_cost_settings"
    /// No refund data covers the day (no refund export, and no order export with a refund column and refunds).
    case noRefunds = "no_refunds"
    /// Refunds without a completion date (an order export's refund column) may have completed on the day.
    case undatedRefunds = "undated_refunds"
    /// No affiliate (淘宝客) commissions imported.
    case noAffiliate = "no_affiliate"
    /// No livestream sessions imported.
    case noLive = "no_live"
    /// No DSR scores for the day (or the day before, for the change).
    case noScores = "no_scores"
    /// New and returning buyers were not computed for these rows (a table read without the customer history).
    case noCustomerHistory = "no_customer_history"
    /// The figure divides by a count that is zero that day (AOV without buyers, ROAS without spend).
    case nothingToDivide = "nothing_to_divide"

    public static func < (lhs: DataGap, rhs: DataGap) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
