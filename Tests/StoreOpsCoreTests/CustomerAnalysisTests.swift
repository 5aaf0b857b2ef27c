import StoreOpsCore
import Testing

/// The customer figures of a range: hand-computed on a small history, and the cohort tables adding up on a large
/// generated one.
@Suite("Customer analysis")
struct CustomerAnalysisTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }
    static func buy(_ customer: String, _ iso: String, _ amount: Int64) -> Purchase { Purchase(customer: customer, day: day(iso), amountMinor: amount) }

    /// a: returning (bought before the range); b: new, back the next day and in April; c: new at the end of March;
    /// d: new on the last day; e: bought only before the range.
    static let history = [
        buy("a", "2026-02-20", 100), buy("a", "2026-03-05", 50), buy("a", "2026-03-05", 30),
        buy("b", "2026-03-01", 200), buy("b", "2026-03-02", 100), buy("b", "2026-04-10", 300),
        buy("c", "2026-03-31", 40), buy("d", "2026-04-30", 70), buy("e", "2026-01-01", 10),
        buy("d", "2026-05-01", 999),  // after the range: left out
    ]
    static let range = DayRange(day("2026-03-01"), day("2026-04-30"))!

    @Test("new and returning buyers per day and over the range, repurchase and comebacks, by hand")
    func byHand() throws {
        let a = CustomerAnalysis(purchases: Self.history, range: Self.range)
        let byDay = Dictionary(uniqueKeysWithValues: a.days.map { ($0.day.iso, $0) })
        #expect(a.days.count == 61 && a.historyStart == Self.day("2026-01-01"))
        #expect(byDay["2026-03-01"].map { ($0.newBuyers, $0.newOrders, $0.newGMVMinor, $0.returningBuyers) } ?? (0, 0, nil, 0) == (1, 1, 200, 0))
        #expect(byDay["2026-03-02"].map { ($0.returningBuyers, $0.returningGMVMinor, $0.newBuyers) } ?? (0, nil, 0) == (1, 100, 0))
        #expect(byDay["2026-03-05"].map { ($0.returningBuyers, $0.returningOrders, $0.returningGMVMinor) } ?? (0, 0, nil) == (1, 2, 80),
                "two orders on one day: one buyer, two orders")
        #expect(byDay["2026-04-30"].map { ($0.newBuyers, $0.newGMVMinor) } ?? (0, nil) == (1, 70))
        #expect(a.days.reduce(0) { $0 + $1.newBuyers + $1.returningBuyers } == 6)

        let p = a.period
        #expect((p.buyers, p.newBuyers, p.returningBuyers, p.repeatBuyers, p.orders) == (4, 3, 1, 1, 7))
        #expect(p.gmvMinor == 790 && p.repeatGMVMinor == 480)
        #expect(p.repurchaseRate == Ratio(1, 4) && p.returningShare == Ratio(1, 4))
        #expect(p.repeatGMVShare == Ratio(6_076, 10_000))
        #expect(p.comebacks.map { "\($0.days):\($0.returned)/\($0.eligible)" } == ["1:1/2", "3:1/2", "7:1/2", "30:1/2", "60:1/1", "90:0/0"])
    }

    @Test("cohorts by first month: sizes, retention, revenue and historical lifetime value, by hand")
    func cohortsByHand() throws {
        let a = CustomerAnalysis(purchases: Self.history, range: Self.range)
        #expect(a.cohorts.map(\.start) == [Self.day("2026-03-01"), Self.day("2026-04-01")])
        let march = a.cohorts[0], april = a.cohorts[1]
        #expect(march.size == 2 && march.periods.map(\.buyers) == [2, 1] && march.periods.map(\.gmvMinor) == [340, 300])
        #expect(march.retention(1) == Ratio(1, 2))
        #expect(march.lifetimeValueMinor == [30: 170], "b 300 and c 40 within 30 days; 90 days not yet seen for b")
        #expect(april.size == 1 && april.periods.map(\.buyers) == [1] && april.lifetimeValueMinor.isEmpty)
    }

    @Test("RFM scores and segments, by hand")
    func segmentsByHand() throws {
        let a = CustomerAnalysis(purchases: Self.history, range: Self.range)
        let scores = a.customers.map { "\($0.rfm.customer) \($0.recencyScore)\($0.frequencyScore)\($0.monetaryScore ?? 0) \($0.segment.rawValue)" }
        #expect(scores == ["a 224 hibernating", "b 445 loyal", "c 312 about_to_sleep", "d 513 new", "e 111 hibernating"])
        let a0 = try #require(a.customers.first)
        #expect((a0.rfm.frequency, a0.rfm.recency, a0.rfm.tenure, a0.daysSinceLast, a0.rfm.totalMinor) == (1, 13, 69, 56, 180))
        let hibernating = try #require(a.segments.first { $0.segment == .hibernating })
        #expect(hibernating.customers == 2 && hibernating.totalMinor == 190 && hibernating.totalShare == Ratio(2_111, 10_000))
        #expect(a.segments.count == CustomerSegment.allCases.count && a.segments.reduce(0) { $0 + $1.customers } == 5)
    }

    @Test("the segment grid: every recency and frequency score has a segment, the corners as usual")
    func grid() {
        #expect(CustomerSegment(recency: 5, frequency: 5) == .champions)
        #expect(CustomerSegment(recency: 1, frequency: 1) == .hibernating)
        #expect(CustomerSegment(recency: 1, frequency: 5) == .cannotLose)
        #expect(CustomerSegment(recency: 5, frequency: 1) == .new)
        #expect(CustomerSegment(recency: 2, frequency: 3) == .atRisk)
        #expect(CustomerSegment(recency: 3, frequency: 3) == .needAttention)
        let all = Set((1...5).flatMap { r in (1...5).map { CustomerSegment(recency: r, frequency: $0) } })
        #expect(all == Set(CustomerSegment.allCases))
    }

    @Test("weeks start on Monday, months on the 1st, before 1970 too")
    func grains() {
        #expect(CohortGrain.week.start(of: Self.day("2026-03-05")) == Self.day("2026-03-02"))
        #expect(CohortGrain.week.start(of: Self.day("2026-03-02")) == Self.day("2026-03-02"))
        #expect(CohortGrain.week.start(of: Self.day("2026-03-01")) == Self.day("2026-02-23"))
        #expect(CohortGrain.week.start(of: Self.day("1969-12-31")) == Self.day("1969-12-29"))
        #expect(CohortGrain.month.start(of: Self.day("1969-12-15")) == Self.day("1969-12-01"))
        #expect(CohortGrain.month.index(of: Self.day("2027-01-01")) - CohortGrain.month.index(of: Self.day("2026-12-31")) == 1)
    }

    @Test("cohort tables add up: each cohort's first period is the new buyers of that period", arguments: CohortGrain.allCases)
    func cohortsAddUp(_ grain: CohortGrain) {
        var state: UInt64 = 12
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let d0 = Self.day("2025-01-01")
        var purchases: [Purchase] = []
        for customer in 0..<5_000 {
            let start = next(400)
            for _ in 0...next(next(4) == 0 ? 8 : 1) {
                purchases.append(Purchase(customer: "c\(customer)", day: d0.adding(days: start + next(120)), amountMinor: Int64(next(9_000) + 1)))
            }
        }
        let range = DayRange(d0.adding(days: 100), d0.adding(days: 430))!
        let a = CustomerAnalysis(purchases: purchases, range: range, grain: grain)
        for cohort in a.cohorts {
            let newBuyers = a.days.filter { grain.start(of: $0.day) == cohort.start }.reduce(0) { $0 + $1.newBuyers }
            #expect(cohort.size == newBuyers && cohort.periods[0].buyers == cohort.size, "\(cohort.start.iso)")
            #expect(cohort.periods.dropFirst().allSatisfy { $0.buyers <= cohort.size })
        }
        #expect(a.cohorts.reduce(0) { $0 + $1.size } == a.period.newBuyers)
        #expect(a.period.newBuyers + a.period.returningBuyers == a.period.buyers)
        #expect(a.days.reduce(0) { $0 + $1.newBuyers } == a.period.newBuyers, "a buyer is new on one day only")
        let gmv = a.days.reduce(Int64(0)) { $0 + $1.newGMVMinor! + $1.returningGMVMinor! }
        #expect(gmv == a.period.gmvMinor && a.cohorts.flatMap(\.periods).reduce(Int64(0)) { $0 + $1.gmvMinor! } <= gmv)
    }
}
