import StoreOpsCore
import Testing

@Suite("Year plans")
struct YearPlanTests {
    static func yuan(_ minor: Int64) -> Money { Money(minor: minor, currency: .cny) }

    /// Last year (2026): 1,000.00 a day, November 2,000.00 a day with 双11 at 10,000.00, 618 at 5,000.00.
    static var lastYear: [Day: Int64] {
        var history: [Day: Int64] = [:]
        for day in DayRange(Day(iso: "2026-01-01")!, Day(iso: "2026-12-31")!)! {
            history[day] = day.month == 11 ? 200_000 : 100_000
        }
        history[Day(iso: "2026-11-11")!] = 1_000_000
        history[Day(iso: "2026-06-18")!] = 500_000
        return history
    }

    /// The day targets of every month of the plan.
    static func days(of plan: YearPlan, history: [Day: Int64]) -> [Day: Int64] {
        let events = Dictionary(uniqueKeysWithValues: plan.eventDays.map { ($0.start, $0.gmv.minor) })
        var days: [Day: Int64] = [:]
        for month in plan.months {
            let spread = TargetPacing.dayTargets(
                of: month, eventDays: events, history: history, asOf: Day(iso: "2026-12-31")!
            ).days
            #expect(spread.values.reduce(0, +) == month.gmv.minor, "\(month.periodName)")
            days.merge(spread) { a, _ in a }
        }
        return days
    }

    @Test("last year's curve: months take last year's shares, 双11 its own day, every level adds up to the fen")
    func lastYearCurve() throws {
        // Last year's total is 40,700,000 fen (334 x 1,000.00 + 5,000.00 + 29 x 2,000.00 + 10,000.00); the plan is ten
        // times that, so each month is ten times last year's.
        let plan = try #require(
            YearPlan(
                store: "s", year: 2027, gmv: Self.yuan(407_000_000), profit: Self.yuan(40_700_001),
                adBudget: Self.yuan(12_345_678), history: Self.lastYear))
        #expect(plan.curve == .lastYear && plan.eventsWithoutHistory.isEmpty)
        #expect(
            plan.months.map(\.gmv.minor) == [
                31_000_000, 28_000_000, 31_000_000, 30_000_000, 31_000_000, 34_000_000,
                31_000_000, 31_000_000, 30_000_000, 31_000_000, 68_000_000, 31_000_000,
            ])
        #expect(plan.quarters.map(\.gmv.minor) == [90_000_000, 95_000_000, 92_000_000, 130_000_000])
        #expect(plan.months.allSatisfy { $0.spread == .lastYear })
        for figure in [\Target.profit, \Target.adBudget] {
            let months = plan.months.compactMap { $0[keyPath: figure]?.minor }
            #expect(months.count == 12 && months.reduce(0, +) == plan.year[keyPath: figure]?.minor)
            #expect(
                plan.quarters.compactMap { $0[keyPath: figure]?.minor }.reduce(0, +)
                    == plan.year[keyPath: figure]?.minor)
        }
        // November 2027 weighs its days as last year's: 28 days at 2,000.00 (11-10 by its own date, not last year's
        // 双11 a weekday later), 11-30 as 2026-12-01 at 1,000.00, and 11-11 at 10,000.00: a share of 10/67 of 680,000.00.
        let eleven = try #require(plan.eventDays.first { $0.start == Day(iso: "2027-11-11")! })
        #expect(abs(eleven.gmv.minor - 68_000_000 * 10 / 67) <= 1)
        let six = try #require(plan.eventDays.first { $0.start == Day(iso: "2027-06-18")! })
        #expect(abs(six.gmv.minor - 34_000_000 * 5 / 34) <= 1)
        let days = Self.days(of: plan, history: Self.lastYear)
        #expect(days.count == 365 && days.values.reduce(0, +) == 407_000_000)
        #expect(days[Day(iso: "2027-11-11")!] == eleven.gmv.minor)
        #expect(days[Day(iso: "2027-11-10")!] == days[Day(iso: "2027-11-12")!])
    }

    @Test("planned in December: the month not yet over takes its curve from the year before")
    func beforeTheYearEnds() throws {
        // 2025 at 1,000.00 a day with December at 3,000.00; 2026 as above up to 30 November.
        var history = Self.lastYear.filter { $0.key < Day(iso: "2026-12-01")! }
        for day in DayRange(Day(iso: "2025-01-01")!, Day(iso: "2025-12-31")!)! {
            history[day] = day.month == 12 ? 300_000 : 100_000
        }
        // 2026 without December is 37,600,000 fen; with December 2025 (9,300,000) the curve sums to 46,900,000.
        let plan = try #require(YearPlan(store: "s", year: 2027, gmv: Self.yuan(469_000_000), history: history))
        #expect(plan.curve == .lastYear)
        #expect(plan.months[0].gmv.minor == 31_000_000 && plan.months[10].gmv.minor == 68_000_000)
        #expect(plan.months[11].gmv.minor == 93_000_000)
        let days = Self.days(of: plan, history: history)
        #expect(days.count == 365 && days.values.reduce(0, +) == 469_000_000)
    }

    @Test("no history: months by their days, events spread as ordinary days and said so")
    func noHistory() throws {
        let plan = try #require(
            YearPlan(store: "s", year: 2027, gmv: Self.yuan(36_500_000), profit: Self.yuan(3_650_000), history: [:]))
        #expect(plan.curve == .weekday && plan.eventDays.isEmpty)
        #expect(plan.eventsWithoutHistory.map(\.name) == ["38节", "618", "双11", "双12"])
        #expect(
            plan.months.map(\.gmv.minor)
                == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31].map { Int64($0) * 100_000 })
        #expect(
            plan.months.map { $0.profit?.minor }
                == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31].map { Int64($0) * 10_000 })
        #expect(plan.months.allSatisfy { $0.adBudget == nil } && plan.year.adBudget == nil)
        let days = Self.days(of: plan, history: [:])
        #expect(Set(days.values) == [100_000])
    }

    @Test("the weekday rhythm lifts an event day as much as last year's lift")
    func weekdayLift() throws {
        // Only the last quarter of 2026 is known: not a full year, so the months follow the weekday rhythm, and 双11's
        // lift over the other November days (10,000.00 against 2,000.00) carries over; 38节 and 618 have no figure.
        let history = Self.lastYear.filter { $0.key >= Day(iso: "2026-10-01")! }
        let plan = try #require(YearPlan(store: "s", year: 2027, gmv: Self.yuan(365_000_000), history: history))
        #expect(plan.curve == .weekday && plan.eventsWithoutHistory.map(\.name) == ["38节", "618"])
        let days = Self.days(of: plan, history: history)
        #expect(days.values.reduce(0, +) == 365_000_000)
        let november = DayRange(Day(iso: "2027-11-01")!, Day(iso: "2027-11-30")!)!.filter { $0.dayOfMonth != 11 }
        let mean = Double(november.reduce(0) { $0 + days[$1]! }) / Double(november.count)
        let lift = Double(days[Day(iso: "2027-11-11")!]!) / mean
        #expect(lift > 4.5 && lift < 5.5, "lift \(lift)")
    }

    @Test("amounts out of range make no plan")
    func outOfRange() {
        #expect(YearPlan(store: "s", year: 1999, gmv: Self.yuan(1), history: [:]) == nil)
        #expect(YearPlan(store: "s", year: 2027, gmv: Self.yuan(-1), history: [:]) == nil)
        #expect(YearPlan(store: "s", year: 2027, gmv: Self.yuan(YearPlan.maximumMinor + 1), history: [:]) == nil)
    }
}
