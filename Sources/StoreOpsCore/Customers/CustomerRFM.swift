/// One customer's purchase history summarised as the `lifetimes` package's `summary_data_from_transaction_data`
/// does with daily periods: purchases on the same day are one purchase (their amounts added up), and only
/// purchases on or before the end day count.
public struct CustomerRFM: Hashable, Sendable {
    public var customer: String
    /// The first purchase day.
    public var first: Day
    /// The number of days with a purchase, minus one: the repeat purchases.
    public var frequency: Int
    /// Days from the first to the last purchase day (0 without repeats).
    public var recency: Int
    /// T: days from the first purchase day to the end day.
    public var tenure: Int
    /// The repeat days' totals added up, in minor units; nil when the sum passes Int64 (never with real exports,
    /// whose order totals are bounded at import).
    public var repeatTotalMinor: Int64?
    /// All purchase days' totals added up, in minor units; nil when the sum passes Int64.
    public var totalMinor: Int64?

    /// The mean of the repeat days' totals, in minor units; 0 without repeats (as `lifetimes` has it), nil when a
    /// sum passed Int64.
    public var monetaryValue: Double? {
        guard frequency > 0 else { return 0 }
        return repeatTotalMinor.map { Double($0) / Double(frequency) }
    }

    /// The summary of every customer with a purchase on or before `end`, by customer in UTF-8 byte order. Work is
    /// O(n log n) and memory linear in the purchases.
    public static func summaries(of purchases: some Sequence<Purchase>, through end: Day) -> [CustomerRFM] {
        let histories = CustomerHistories(purchases, through: end)
        return (0..<histories.count).map { CustomerRFM(customer: histories.customers[$0], days: histories.days(of: $0), end: end) }
    }

    /// The summary of one customer from their purchase days (oldest first, at least one, none after `end`).
    init(customer: String, days: ArraySlice<CustomerHistories.PurchaseDay>, end: Day) {
        let first = days[days.startIndex], last = days[days.endIndex - 1]
        var repeatTotal: Int64? = 0
        for day in days.dropFirst() { repeatTotal = repeatTotal.flatMap { sum in day.totalMinor.flatMap { sum.plus($0) } } }
        self.customer = customer
        self.first = first.day
        frequency = days.count - 1
        recency = first.day.distance(to: last.day)
        tenure = first.day.distance(to: end)
        repeatTotalMinor = repeatTotal
        totalMinor = repeatTotal.flatMap { sum in first.totalMinor.flatMap { sum.plus($0) } }
    }
}
