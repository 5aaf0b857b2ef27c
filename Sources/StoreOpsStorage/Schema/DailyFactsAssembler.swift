import StoreOpsCore

/// Combines the rows of the `AggregateSQL.Read` queries into one `DailyFacts` per day. Pure, shared by every backend.
public struct DailyFactsAssembler {
    public let store: StoreID
    public let currency: Currency
    public let days: DayRange

    public init(store: StoreID, currency: Currency, days: DayRange) {
        self.store = store
        self.currency = currency
        self.days = days
    }

    /// Builds the facts of every day of the range from each read's rows.
    public func assemble(_ rows: [AggregateSQL.Read: [[SQLValue]]]) throws -> [DailyFacts] {
        func reader(_ values: [SQLValue]) -> RowReader { RowReader(values: values, store: store, currency: currency, table: "aggregates") }

        var coverage: [String: DayRange] = [:]
        // From this day on, refunds without a completion date may have completed on any day: by-refund-day is unknown.
        var undatedFrom: Day?
        for values in rows[.coverage] ?? [] {
            var r = reader(values)
            let kind = try r.text()
            let first = try r.optionalDay(), last = try r.optionalDay()
            if kind == "undated_refunds" { undatedFrom = first; continue }
            if let first, let last, let range = DayRange(first, last) { coverage[kind] = range }
        }
        func covered(_ kind: String, _ day: Day) -> Bool { coverage[kind]?.contains(day) ?? false }

        var sales: [Day: DailyFacts.Sales] = [:]
        // Days with paid orders whose export said nothing of refunds.
        var refundsUnknown = Set<Day>()
        for values in rows[.sales] ?? [] {
            var r = reader(values)
            let day = try r.day()
            sales[day] = .init(gmv: try r.money(), paidOrders: try r.int64(), buyers: try r.optionalInt(), units: try r.optionalInt(), cogs: try r.money(),
                               costMissingUnits: try r.int64(), costMissingValue: try r.money())
            if try r.int64() > 0 { refundsUnknown.insert(day) }
        }
        for values in rows[.shipping] ?? [] {
            var r = reader(values)
            let day = try r.day()
            let band = ShippingBand(region: try r.text(), band: try r.int(), orders: try r.int64())
            sales[day]?.shippingBands.append(band)
        }
        var refunds: [Day: DailyFacts.Refunds] = [:]
        for values in rows[.refunds] ?? [] {
            var r = reader(values)
            let day = try r.day()
            refunds[day] = .init(amount: try r.money(), orders: try r.int64(), amountByOrderDay: try r.money(), notReturnedToStock: try r.money())
        }
        // A day whose orders' refunds are partly unknown has no complete refund figures, rows or not, unless the refund
        // export covers it.
        for day in refundsUnknown where refunds[day] != nil && !covered("refunds", day) { refunds[day] = nil }
        if let undatedFrom {
            for day in refunds.keys where day >= undatedFrom {
                refunds[day]!.amount = nil
                refunds[day]!.orders = nil
                refunds[day]!.notReturnedToStock = nil
            }
        }
        var ads: [Day: [AdChannel: AdTotals]] = [:]
        for values in rows[.ads] ?? [] {
            var r = reader(values)
            let day = try r.day()
            let channel = try r.value(AdChannel.self)
            ads[day, default: [:]][channel] = AdTotals(spend: try r.money(), revenue: try r.money(), impressions: try r.int64(),
                                                       clicks: try r.int64(), orders: try r.int64())
        }
        var traffic: [Day: DailyFacts.Traffic] = [:]
        for values in rows[.traffic] ?? [] {
            var r = reader(values)
            let day = try r.day()
            traffic[day] = .init(visitors: try r.int64(), pageViews: try r.int64(), bouncedVisitors: try r.optionalInt())
        }
        var affiliate: [Day: Money] = [:]
        for values in rows[.affiliate] ?? [] {
            var r = reader(values)
            affiliate[try r.day()] = try r.money()
        }
        var live: [Day: DailyFacts.Live] = [:]
        for values in rows[.live] ?? [] {
            var r = reader(values)
            let day = try r.day()
            live[day] = .init(viewers: try r.int64(), gmv: try r.money())
        }
        var dsr: [Day: DSRScore] = [:]
        for values in rows[.dsr] ?? [] {
            var r = reader(values)
            let day = try r.day()
            dsr[day] = DSRScore(store: store, day: day, description: try r.int(), service: try r.int(), logistics: try r.int())
        }

        let zero = Money.zero(currency)
        return days.map { day in
            DailyFacts(
                store: store, day: day, currency: currency,
                sales: sales[day] ?? (covered("sales", day)
                    ? .init(gmv: zero, paidOrders: 0, buyers: 0, units: 0, cogs: zero, costMissingUnits: 0, costMissingValue: zero) : nil),
                traffic: traffic[day],
                ads: ads[day] ?? (covered("ads", day) ? [:] : nil),
                affiliateCommission: affiliate[day] ?? (covered("affiliate", day) ? zero : nil),
                live: live[day] ?? (covered("live", day) ? .init(viewers: 0, gmv: zero) : nil),
                // A day without refund rows has none when a refund export covers it, or when every order paid that day
                // came from an export that says what was refunded.
                refunds: refunds[day] ?? ((covered("refunds", day) || covered("sales", day) && !refundsUnknown.contains(day))
                    ? (undatedFrom.map { day >= $0 } ?? false
                        ? .init(amount: nil, orders: nil, amountByOrderDay: zero, notReturnedToStock: nil)
                        : .init(amount: zero, orders: 0, amountByOrderDay: zero, notReturnedToStock: zero)) : nil),
                dsr: dsr[day], previousDSR: dsr[day.adding(days: -1)])
        }
    }
}
