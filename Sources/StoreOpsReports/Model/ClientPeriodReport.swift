import StoreOpsCore

/// A client's report over a week, a month or a range (代运营的客户月报): each of the client's stores with its period
/// report, and the stores together, summed per currency. A total is unknown when a store lacks its figure.
public struct ClientPeriodReport: Sendable {
    /// The stores of one currency together.
    public struct Totals: Sendable, Hashable {
        public let currency: Currency
        public let stores: Int
        public let gmv: Money?
        public let previousGMV: Money?
        /// Nil when a store has no target for the period.
        public let targetGMV: Money?
        public let netProfit: Money?
        public let adSpend: Money?
        public let refundAmount: Money?
        public let visitors: Int64?
        public let buyers: Int64?

        public init(reports: [PeriodReport]) {
            let currency = reports.first?.store.currency ?? .cny
            func sum(_ value: (PeriodReport) -> Int64?) -> Int64? {
                var total: Int64 = 0
                for report in reports {
                    guard let v = value(report), let next = total.plus(v) else { return nil }
                    total = next
                }
                return total
            }
            func money(_ field: MasterField, _ totals: KeyPath<PeriodReport, PeriodTotals> = \.totals) -> Money? {
                sum { if case .money(let m) = $0[keyPath: totals][field] { m.minor } else { nil } }
                    .map { Money(minor: $0, currency: currency) }
            }
            func count(_ field: MasterField) -> Int64? {
                sum { if case .count(let c) = $0.totals[field] { c } else { nil } }
            }
            self.currency = currency
            stores = reports.count
            gmv = money(.gmv)
            previousGMV = money(.gmv, \.previous)
            targetGMV = sum { $0.targetGMV?.minor }.map { Money(minor: $0, currency: currency) }
            netProfit = money(.netProfit)
            adSpend = money(.adSpendTotal)
            refundAmount = money(.refundAmount)
            visitors = count(.visitors)
            buyers = count(.buyers)
        }

        /// GMV / target.
        public var attainment: Ratio? {
            guard let gmv, let target = targetGMV, target.minor > 0 else { return nil }
            return Ratio(gmv.minor, target.minor)
        }
        /// Buyers / visitors.
        public var conversion: Ratio? {
            guard let buyers, let visitors, visitors > 0 else { return nil }
            return Ratio(buyers, visitors)
        }
        /// GMV / buyers.
        public var aov: Money? {
            guard let gmv, let buyers, buyers > 0 else { return nil }
            return Money(minor: Money.divideRounded(gmv.minor, by: buyers), currency: currency)
        }
    }

    public let client: Client
    public let label: String
    /// The stores' reports, most GMV first (unknown last).
    public let reports: [PeriodReport]
    /// One per currency, in the order the currencies first appear in `reports`.
    public let totals: [Totals]

    public init(client: Client, label: String, reports: [PeriodReport]) {
        self.client = client
        self.label = label
        let gmv = { (r: PeriodReport) -> Int64 in if case .money(let m) = r.totals[.gmv] { m.minor } else { -1 } }
        let sorted = reports.sorted { (gmv($0), $1.store.id.rawValue) > (gmv($1), $0.store.id.rawValue) }
        var currencies: [Currency] = []
        for report in sorted where !currencies.contains(report.store.currency) {
            currencies.append(report.store.currency)
        }
        self.reports = sorted
        totals = currencies.map { c in Totals(reports: sorted.filter { $0.store.currency == c }) }
    }
}
