extension CustomerAnalysis {
    /// Everything but the forecast, from the histories and their summaries (in the same order).
    struct Figures: Sendable {
        var days: [CustomerDay]
        var period = CustomerPeriod()
        var cohorts: [Cohort] = []
        var historyStart: Day?
        var customers: [CustomerScore] = []
        var segments: [SegmentSummary] = []

        init(histories: CustomerHistories, summaries: [CustomerRFM], range: DayRange, grain: CohortGrain) {
            let end = range.last, add = CustomerAnalysis.add, windows = CustomerAnalysis.lifetimeWindows
            days = range.map { CustomerDay(day: $0) }
            var cohortsByIndex: [Int: Cohort] = [:]
            let lastIndex = grain.index(of: end)
            // Per cohort and lifetime window: the buyers' values added up, or nil once one is not yet known or too
            // large.
            var lifetimeSums: [Int: [Int64?]] = [:]
            var comebacks = CustomerAnalysis.comebackWindows.map {
                CustomerPeriod.Comeback(days: $0, eligible: 0, returned: 0)
            }
            for index in 0..<histories.count {
                let history = histories.days(of: index)
                let first = history[history.startIndex]
                historyStart = min(historyStart ?? first.day, first.day)
                var daysInRange = 0
                for purchase in history where range.contains(purchase.day) {
                    daysInRange += 1
                    let isFirst = purchase.day == first.day
                    days[range.first.distance(to: purchase.day)].add(purchase, isFirst: isFirst)
                    if !isFirst { period.repeatGMVMinor = add(period.repeatGMVMinor, purchase.totalMinor) }
                    period.orders += purchase.orders
                    period.gmvMinor = add(period.gmvMinor, purchase.totalMinor)
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
                    ?? Cohort(start: grain.start(ofIndex: cohortIndex),
                              periods: Array(repeating: Cohort.Period(), count: lastIndex - cohortIndex + 1))
                cohort.size += 1
                var lastPeriod = -1
                for purchase in history {
                    let k = grain.index(of: purchase.day) - cohortIndex
                    if k != lastPeriod { cohort.periods[k].buyers += 1 }
                    lastPeriod = k
                    cohort.periods[k].gmvMinor = add(cohort.periods[k].gmvMinor, purchase.totalMinor)
                }
                cohortsByIndex[cohortIndex] = cohort
                var sums = lifetimeSums[cohortIndex] ?? Array(repeating: 0, count: windows.count)
                for (w, window) in windows.enumerated() {
                    let known = first.day.distance(to: end) >= window - 1
                    var value: Int64? = 0
                    for purchase in history where first.day.distance(to: purchase.day) < window {
                        value = add(value, purchase.totalMinor)
                    }
                    sums[w] = known ? add(sums[w], value) : nil
                }
                lifetimeSums[cohortIndex] = sums
            }
            for (index, sums) in lifetimeSums {
                for (w, sum) in sums.enumerated() {
                    guard let sum, let size = cohortsByIndex[index]?.size, size > 0 else { continue }
                    cohortsByIndex[index]?.lifetimeValueMinor[windows[w]] = Money.divideRounded(sum, by: Int64(size))
                }
            }
            period.comebacks = comebacks
            cohorts = cohortsByIndex.keys.sorted().compactMap { cohortsByIndex[$0] }
            let scored = CustomerScore.scores(of: summaries)
            customers = scored
            var bySegment = Dictionary(uniqueKeysWithValues: CustomerSegment.allCases.map {
                ($0, SegmentSummary(segment: $0))
            })
            var allTotal: Int64? = 0
            for customer in scored {
                bySegment[customer.segment]!.customers += 1
                bySegment[customer.segment]!.totalMinor = add(bySegment[customer.segment]!.totalMinor, customer.rfm.totalMinor)
                allTotal = add(allTotal, customer.rfm.totalMinor)
            }
            segments = CustomerSegment.allCases.map { segment in
                var summary = bySegment[segment]!
                summary.customerShare = Ratio(Int64(summary.customers), Int64(scored.count))
                if let part = summary.totalMinor, let whole = allTotal, whole > 0 {
                    summary.totalShare = .basisPoints(part, of: whole)
                }
                return summary
            }
        }
    }
}
