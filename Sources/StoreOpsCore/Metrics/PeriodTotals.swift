/// Every master-table figure of a run of days (a week, a month, any period), from its daily rows: amounts and counts
/// are sums; rates are of the sums (conversion = Σ buyers / Σ visitors, ROAS = Σ ad revenue / Σ spend, where a day's
/// ad revenue is its ROAS × spend, kept exact); scores are the last day's, their changes over the whole run. A figure
/// that any day of the run lacks is unknown for the run, with the first such day: a part is never shown as the total.
public struct PeriodTotals: Hashable, Sendable {
    public let days: DayRange
    public let currency: Currency
    public let values: [MasterField: MetricValue]
    /// The first day of the run without the figure, for each unknown figure.
    public let firstDayMissing: [MasterField: Day]

    public init(days: DayRange, rows: [MasterTableRow], currency: Currency) {
        self.days = days
        self.currency = currency
        let byDay = Dictionary(rows.map { ($0.day, $0) }, uniquingKeysWith: { a, _ in a })
        let run = days.map { (day: $0, row: byDay[$0]) }
        var missing: [MasterField: Day] = [:]
        /// The sum of `value` over the run in 128 bits, or nil (noting the first day without it).
        func sum(_ field: MasterField, _ value: (MasterTableRow) -> Int128?) -> Int128? {
            var total: Int128 = 0
            for (day, row) in run {
                guard let row, let v = value(row) else {
                    missing[field] = missing[field] ?? day
                    return nil
                }
                total += v
            }
            return total
        }
        func plain(_ field: MasterField) -> (MasterTableRow) -> Int128? {
            { row in
                switch row[field] {
                case .money(let m): Int128(m.minor)
                case .count(let n): Int128(n)
                case .score(let s): Int128(s)
                default: nil
                }
            }
        }
        /// A rate's numerator on a day: rate × its denominator's value that day (exact when the rate is a ratio of them).
        func part(of rate: MasterField, over whole: MasterField) -> (MasterTableRow) -> Int128? {
            { row in
                guard let w = plain(whole)(row) else { return nil }
                if w == 0 { return 0 }
                guard case .rate(let r) = row[rate], r.denominator > 0 else { return nil }
                return w * Int128(r.numerator) / Int128(r.denominator)
            }
        }
        var v: [MasterField: MetricValue] = [:]
        var sums: [MasterField: Int128] = [:]
        let additive = PeriodTotals.additiveFields
        let counts: Set<MasterField> = [
            .paidOrders, .buyers, .units, .visitors, .pageViews, .newBuyers, .returningBuyers, .liveViewers,
            .refundOrders,
        ]
        let scores: Set<MasterField> = [.dsrDescriptionChange, .dsrServiceChange, .dsrLogisticsChange]
        for field in additive {
            guard let total = sum(field, plain(field)), let fits = Int64(exactly: total) else { continue }
            sums[field] = total
            v[field] =
                scores.contains(field)
                ? .score(Int(fits))
                : counts.contains(field)
                    ? .count(fits)
                    : .money(Money(minor: fits, currency: currency))
        }
        // Rates of the sums; the hidden numerators (bounced visitors, ad revenue) are rebuilt day by day.
        func rate(_ field: MasterField, _ numerator: Int128?, _ denominator: Int128?) {
            guard let numerator, let denominator, let n = Int64(exactly: numerator), let d = Int64(exactly: denominator)
            else {
                missing[field] = missing[field] ?? days.first
                return
            }
            v[field] = .rate(Ratio(n, d))
        }
        func mean(_ field: MasterField, _ numerator: MasterField, _ denominator: MasterField) {
            guard let n = sums[numerator], let d = sums[denominator], d > 0, let fits = Int64(exactly: n) else {
                return
            }
            let value = Int64(exactly: d).map { Money.divideRounded(fits, by: $0) }
            if let value { v[field] = .money(Money(minor: value, currency: currency)) }
        }
        mean(.aov, .gmv, .buyers)
        mean(.uvValue, .gmv, .visitors)
        rate(.conversionRate, sums[.buyers], sums[.visitors])
        rate(.visitDepth, sums[.pageViews], sums[.visitors])
        rate(.bounceRate, sum(.bounceRate, part(of: .bounceRate, over: .visitors)), sums[.visitors])
        if let new = sums[.newBuyers], let returning = sums[.returningBuyers] {
            rate(.returningBuyerShare, returning, new + returning)
        }
        rate(.adShare, sums[.adSpendTotal], sums[.gmv])
        for channel in AdChannel.allCases {
            let roas = MasterField.roas(channel)
            let spend = MasterField.adSpend(channel)
            rate(roas, sum(roas, part(of: roas, over: spend)), sums[spend])
        }
        rate(.roas, sum(.roas, part(of: .roas, over: .adSpendTotal)), sums[.adSpendTotal])
        if let gross = sums[.grossProfit], gross > 0 { rate(.breakEvenROAS, sums[.gmv], gross) }
        rate(.refundRate, sums[.refundAmount], sums[.gmv])
        // Scores: the last day's.
        if let last = run.last?.row {
            for field in [MasterField.dsrDescription, .dsrService, .dsrLogistics] {
                if case .score = last[field] { v[field] = last[field] } else { missing[field] = days.last }
            }
        }
        for field in MasterField.allCases where v[field] == nil {
            v[field] = .noData
            if missing[field] == nil { missing[field] = run.first { $0.row == nil }?.day ?? days.first }
        }
        values = v
        firstDayMissing = missing.filter { v[$0.key] == .noData }
    }

    /// The figures that add up over days (amounts, counts, score changes); the others are rates or the last day's.
    public static let additiveFields: [MasterField] = [
        .gmv, .paidOrders, .buyers, .units, .visitors, .pageViews, .newBuyers, .returningBuyers, .newBuyerGMV,
        .returningBuyerGMV,
        .adSpendZtc, .adSpendDisplay, .adSpendFeed, .adSpendBrand, .adSpendWxt, .adSpendOther, .adSpendTotal,
        .affiliateCommission,
        .liveViewers, .liveGMV, .cogs, .shippingCost, .platformFees, .grossProfit, .netProfit, .refundAmount,
        .refundAmountByOrderDay,
        .refundOrders, .dsrDescriptionChange, .dsrServiceChange, .dsrLogisticsChange,
    ]

    /// The value of one field.
    public subscript(field: MasterField) -> MetricValue { values[field] ?? .noData }

    /// An additive figure per day of the run (amounts rounded to the minor unit); nil for rates, scores and unknowns.
    public func dailyMean(_ field: MasterField) -> MetricValue? {
        let changes: Set<MasterField> = [.dsrDescriptionChange, .dsrServiceChange, .dsrLogisticsChange]
        guard PeriodTotals.additiveFields.contains(field), !changes.contains(field) else { return nil }
        let n = Int64(days.count)
        switch self[field] {
        case .money(let m): return .money(Money(minor: Money.divideRounded(m.minor, by: n), currency: m.currency))
        case .count(let c): return .rate(Ratio(c, n))
        default: return nil
        }
    }
}
