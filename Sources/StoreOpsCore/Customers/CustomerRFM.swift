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

    /// The summary of every customer with a purchase on or before `end`, ordered by customer. Work and memory are
    /// linear in the purchases.
    public static func summaries(of purchases: some Sequence<Purchase>, through end: Day) -> [CustomerRFM] {
        var days: [String: [Day: Int64]] = [:]
        // Customers one of whose day totals passed Int64: their sums are unknown.
        var overflowed: Set<String> = []
        for purchase in purchases where purchase.day <= end {
            let sum = days[purchase.customer]?[purchase.day] ?? 0
            guard let next = sum.plus(purchase.amountMinor) else {
                overflowed.insert(purchase.customer)
                continue
            }
            days[purchase.customer, default: [:]][purchase.day] = next
        }
        return days.map { customer, totals in
            let ordered = totals.keys.sorted()
            let first = ordered[0], last = ordered[ordered.count - 1]
            var repeatTotal: Int64? = overflowed.contains(customer) ? nil : 0
            for day in ordered.dropFirst() { repeatTotal = repeatTotal.flatMap { $0.plus(totals[day, default: 0]) } }
            return CustomerRFM(customer: customer, first: first, frequency: ordered.count - 1, recency: first.distance(to: last),
                               tenure: first.distance(to: end), repeatTotalMinor: repeatTotal,
                               totalMinor: repeatTotal.flatMap { $0.plus(totals[first, default: 0]) })
        }.sorted { $0.customer < $1.customer }
    }
}
