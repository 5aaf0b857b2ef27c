/// The figures of a run of days added up from their master-table rows: GMV, paid orders, buyers, visitors, new buyers,
/// ad spend and the revenue ads brought, and the refunds of the orders paid in it. Rates are of the sums (conversion is
/// buyers over visitors, AOV GMV over buyers, ROAS ad revenue over spend), never averages of daily rates. A figure
/// that any day lacks, or whose sum cannot be counted, is unknown (nil) for the whole run: a part is not a total.
public struct PeriodFigures: Hashable, Sendable {
    public let days: DayRange
    public let gmv: Money?
    public let paidOrders: Int64?
    public let buyers: Int64?
    public let visitors: Int64?
    public let newBuyers: Int64?
    public let adSpend: Money?
    public let adRevenue: Money?
    /// Refunded on the orders paid in the run, whenever completed.
    public let refunds: Money?

    /// Adds up the rows of `days` (rows of other days are ignored; a day without a row makes every figure unknown).
    public init(days: DayRange, rows: [MasterTableRow], currency: Currency) {
        self.days = days
        let byDay = Dictionary(rows.map { ($0.day, $0) }, uniquingKeysWith: { a, _ in a })
        let inRun = days.map { byDay[$0] }
        func sum(_ value: (MasterTableRow) -> Int64?) -> Int64? {
            var total: Int64 = 0
            for row in inRun {
                guard let row, let v = value(row) else { return nil }
                let (next, overflow) = total.addingReportingOverflow(v)
                if overflow { return nil }
                total = next
            }
            return total
        }
        func count(_ field: MasterField) -> (MasterTableRow) -> Int64? {
            { if case .count(let n)? = $0.values[field] { n } else { nil } }
        }
        func money(_ field: MasterField) -> (MasterTableRow) -> Int64? {
            { if case .money(let m)? = $0.values[field] { m.minor } else { nil } }
        }
        // A day's ad revenue is its ROAS times its spend (the row keeps the exact ratio); no spend, no revenue.
        func adRevenue(_ row: MasterTableRow) -> Int64? {
            guard case .money(let spend)? = row.values[.adSpendTotal] else { return nil }
            if spend.minor == 0 { return 0 }
            guard case .rate(let roas)? = row.values[.roas], roas.denominator > 0,
                let product = spend.minor.times(roas.numerator)
            else { return nil }
            return product / roas.denominator
        }
        let minor = { (value: Int64?) in value.map { Money(minor: $0, currency: currency) } }
        gmv = minor(sum(money(.gmv)))
        paidOrders = sum(count(.paidOrders))
        buyers = sum(count(.buyers))
        visitors = sum(count(.visitors))
        newBuyers = sum(count(.newBuyers))
        adSpend = minor(sum(money(.adSpendTotal)))
        self.adRevenue = minor(sum(adRevenue))
        refunds = minor(sum(money(.refundAmountByOrderDay)))
    }

    /// Buyers over visitors.
    public var conversion: Ratio? {
        guard let buyers, let visitors, visitors > 0 else { return nil }
        return Ratio(buyers, visitors)
    }

    /// GMV over buyers.
    public var aov: Money? {
        guard let gmv, let buyers, buyers > 0 else { return nil }
        return Money(minor: Money.divideRounded(gmv.minor, by: buyers), currency: gmv.currency)
    }

    /// Ad revenue over spend.
    public var roas: Ratio? {
        guard let adRevenue, let adSpend, adSpend.minor > 0 else { return nil }
        return Ratio(adRevenue.minor, adSpend.minor)
    }

    /// GMV per day.
    public var dailyGMV: Money? { gmv.map { $0.scaled(by: 1, over: Int64(days.count)) } }
}
