/// Everything StoreOps computes per customer for a range of days, from the purchases of the store's whole history
/// up to the range's last day: new and returning buyers per day and over the range, comeback rates, cohorts by first
/// purchase with their retention and historical lifetime value, each customer's RFM summary, scores and segment, and
/// the predicted value per customer. Pure; one sort of the purchases, linear work, and the model fits.
public struct CustomerAnalysis: Sendable {
    /// The comeback windows, in days after a first purchase.
    public static let comebackWindows = [1, 3, 7, 30, 60, 90]
    /// The days after a first purchase that historical lifetime value is measured over.
    public static let lifetimeWindows = [30, 90, 180, 365]

    public var range: DayRange
    public var grain: CohortGrain
    /// One per day of the range, oldest first.
    public var days: [CustomerDay]
    public var period: CustomerPeriod
    /// Cohorts of the buyers whose first purchase is in the range, oldest first; periods with no new buyer are left out.
    public var cohorts: [Cohort]
    /// Every customer with a purchase on or before the range's last day, by customer.
    public var customers: [CustomerScore]
    /// Every segment, in `CustomerSegment.allCases` order (also those without customers).
    public var segments: [SegmentSummary]
    /// The first purchase day of the history: "new" means new since then.
    public var historyStart: Day?
    /// Predicted purchases and value per customer (in `customers` order), or why there are none.
    public var forecast: Result<CustomerForecast, CustomerForecast.Gap>

    public init(purchases: some Sequence<Purchase>, range: DayRange, grain: CohortGrain = .month) {
        let end = range.last
        let histories = CustomerHistories(purchases, through: end)
        let summaries = (0..<histories.count).map { index in
            CustomerRFM(customer: histories.customers[index], days: histories.days(of: index), end: end)
        }
        self.range = range
        self.grain = grain
        // The model fits (most of the time on a big store) beside the figures and scores: neither reads the other's.
        let (forecast, figures) = Parallel.both(
            { CustomerForecast.make(histories: histories, summaries: summaries, end: end) },
            { Figures(histories: histories, summaries: summaries, range: range, grain: grain) })
        self.forecast = forecast
        days = figures.days
        period = figures.period
        cohorts = figures.cohorts
        historyStart = figures.historyStart
        customers = figures.customers
        segments = figures.segments
    }

    /// `sum + amount`, nil once either is unknown or the sum passes Int64.
    static func add(_ sum: Int64?, _ amount: Int64?) -> Int64? {
        guard let sum, let amount else { return nil }
        return sum.plus(amount)
    }
}
