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
        self.range = range
        self.grain = grain
        days = range.map { CustomerDay(day: $0) }
        period = CustomerPeriod()
        var cohortsByIndex: [Int: Cohort] = [:]
        let lastIndex = grain.index(of: end)
        var summaries: [CustomerRFM] = []
        summaries.reserveCapacity(histories.count)
        // Per cohort and lifetime window: the buyers' values added up, or nil once one is not yet known or too large.
        var lifetimeSums: [Int: [Int64?]] = [:]
        var comebacks = Self.comebackWindows.map { CustomerPeriod.Comeback(days: $0, eligible: 0, returned: 0) }
        for index in 0..<histories.count {
            let history = histories.days(of: index)
            let first = history[history.startIndex]
            summaries.append(CustomerRFM(customer: histories.customers[index], days: history, end: end))
            historyStart = min(historyStart ?? first.day, first.day)
            var daysInRange = 0
            for purchase in history where range.contains(purchase.day) {
                daysInRange += 1
                let isFirst = purchase.day == first.day
                days[range.first.distance(to: purchase.day)].add(purchase, isFirst: isFirst)
                if !isFirst { period.repeatGMVMinor = Self.add(period.repeatGMVMinor, purchase.totalMinor) }
                period.orders += purchase.orders
                period.gmvMinor = Self.add(period.gmvMinor, purchase.totalMinor)
            }
            guard daysInRange > 0 else { continue }
            period.buyers += 1
            if daysInRange >= 2 { period.repeatBuyers += 1 }
            guard range.contains(first.day) else {
                period.returningBuyers += 1
                continue
            }
            period.newBuyers += 1
            let second = history.dropFirst().first?.day
            for w in comebacks.indices where first.day.distance(to: end) >= comebacks[w].days {
                comebacks[w].eligible += 1
                if let second, first.day.distance(to: second) <= comebacks[w].days { comebacks[w].returned += 1 }
            }
            // The cohort of the first purchase: buyers and amounts per period after it.
            let cohortIndex = grain.index(of: first.day)
            var cohort = cohortsByIndex[cohortIndex]
                ?? Cohort(start: grain.start(ofIndex: cohortIndex), periods: Array(repeating: Cohort.Period(), count: lastIndex - cohortIndex + 1))
            cohort.size += 1
            var lastPeriod = -1
            for purchase in history {
                let k = grain.index(of: purchase.day) - cohortIndex
                if k != lastPeriod { cohort.periods[k].buyers += 1 }
                lastPeriod = k
                cohort.periods[k].gmvMinor = Self.add(cohort.periods[k].gmvMinor, purchase.totalMinor)
            }
            cohortsByIndex[cohortIndex] = cohort
            var sums = lifetimeSums[cohortIndex] ?? Array(repeating: 0, count: Self.lifetimeWindows.count)
            for (w, window) in Self.lifetimeWindows.enumerated() {
                let known = first.day.distance(to: end) >= window - 1
                var value: Int64? = 0
                for purchase in history where first.day.distance(to: purchase.day) < window { value = Self.add(value, purchase.totalMinor) }
                sums[w] = known ? Self.add(sums[w], value) : nil
            }
            lifetimeSums[cohortIndex] = sums
        }
        for (index, sums) in lifetimeSums {
            for (w, sum) in sums.enumerated() {
                guard let sum, let size = cohortsByIndex[index]?.size, size > 0 else { continue }
                cohortsByIndex[index]?.lifetimeValueMinor[Self.lifetimeWindows[w]] = Money.divideRounded(sum, by: Int64(size))
            }
        }
        period.comebacks = comebacks
        cohorts = cohortsByIndex.keys.sorted().compactMap { cohortsByIndex[$0] }
        forecast = CustomerForecast.make(histories: histories, summaries: summaries, end: end)
        let scored = CustomerScore.scores(of: summaries)
        customers = scored
        var bySegment = Dictionary(uniqueKeysWithValues: CustomerSegment.allCases.map { ($0, SegmentSummary(segment: $0)) })
        var allTotal: Int64? = 0
        for customer in scored {
            bySegment[customer.segment]!.customers += 1
            bySegment[customer.segment]!.totalMinor = Self.add(bySegment[customer.segment]!.totalMinor, customer.rfm.totalMinor)
            allTotal = Self.add(allTotal, customer.rfm.totalMinor)
        }
        segments = CustomerSegment.allCases.map { segment in
            var summary = bySegment[segment]!
            summary.customerShare = Ratio(Int64(summary.customers), Int64(scored.count))
            if let part = summary.totalMinor, let whole = allTotal, whole > 0 { summary.totalShare = .basisPoints(part, of: whole) }
            return summary
        }
    }

    /// `sum + amount`, nil once either is unknown or the sum passes Int64.
    static func add(_ sum: Int64?, _ amount: Int64?) -> Int64? {
        guard let sum, let amount else { return nil }
        return sum.plus(amount)
    }
}
