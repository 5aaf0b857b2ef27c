/// The figures an activity review compares for a run of days: GMV, paid orders, buyers, visitors, new buyers, ad
/// spend and the revenue ads brought, and the refunds of the orders paid in it. Read off the run's `PeriodTotals`, so
/// they are added up exactly as the period reports add them: rates are of the sums (conversion is buyers over
/// visitors, AOV GMV over buyers, ROAS ad revenue over spend), never averages of daily rates, and a figure that any
/// day lacks, or whose sum cannot be counted, is unknown (nil) for the whole run: a part is not a total.
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
        self.init(PeriodTotals(days: days, rows: rows, currency: currency))
    }

    /// The figures of `totals`.
    public init(_ totals: PeriodTotals) {
        func money(_ field: MasterField) -> Money? { if case .money(let m) = totals[field] { m } else { nil } }
        func count(_ field: MasterField) -> Int64? { if case .count(let n) = totals[field] { n } else { nil } }
        days = totals.days
        gmv = money(.gmv)
        paidOrders = count(.paidOrders)
        buyers = count(.buyers)
        visitors = count(.visitors)
        newBuyers = count(.newBuyers)
        adSpend = money(.adSpendTotal)
        // The ROAS of the run is its ad revenue (each day's ROAS × spend, exact) over its spend, kept unreduced.
        if case .rate(let roas) = totals[.roas] {
            adRevenue = Money(minor: roas.numerator, currency: totals.currency)
        } else {
            adRevenue = nil
        }
        refunds = money(.refundAmountByOrderDay)
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
