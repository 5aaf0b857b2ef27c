import StoreOpsCore
import Testing

@Suite("GMV decomposition (LMDI)")
struct GMVDecompositionTests {
    @Test("the three parts add up to the change, to the fen, for random inputs including zeros")
    func propertySumsExactly() {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int64) -> Int64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((state >> 33) % UInt64(bound))
        }
        for round in 0..<5_000 {
            func side() -> GMVDecomposition.Side {
                let visitors = round % 7 == 0 ? 0 : next(50_000)
                let buyers = visitors == 0 || round % 11 == 0 ? 0 : min(visitors, next(3_000))
                let gmv = buyers == 0 ? (round % 13 == 0 ? next(1_000) : 0) : buyers * (1 + next(90_000))
                return .init(gmv: gmv, visitors: visitors, buyers: buyers)
            }
            let before = round % 5 == 0 ? GMVDecomposition.Side(gmv: 0, visitors: 0, buyers: 0) : side()
            let after = side()
            let d = GMVDecomposition(baseline: before, current: after)
            #expect(d.visitors + d.conversion + d.aov == after.gmv - before.gmv, "round \(round): \(before) → \(after)")
            #expect(d.change == after.gmv - before.gmv)
        }
    }

    @Test("a hand-computed case: visitors fall, conversion and AOV hold")
    func visitorsOnly() {
        // 1,000 visitors x 3 % x 100.00 = 3,000.00 → 800 x 3 % x 100.00 = 2,400.00: all of -600.00 is visitors.
        let d = GMVDecomposition(baseline: .init(gmv: 300_000, visitors: 1_000, buyers: 30), current: .init(gmv: 240_000, visitors: 800, buyers: 24))
        #expect(d.visitors == -60_000 && d.conversion == 0 && d.aov == 0)
    }

    @Test("LMDI weights: doubling visitors and halving AOV cancel")
    func cancel() {
        let d = GMVDecomposition(baseline: .init(gmv: 100_000, visitors: 100, buyers: 10), current: .init(gmv: 100_000, visitors: 200, buyers: 20))
        // GMV flat: L = 100,000; visitors +ln 2 x L = +69,314.72; AOV -69,314.72; conversion 0.
        #expect(d.change == 0 && d.conversion == 0 && d.visitors == 69_315 && d.aov == -69_315)
    }

    @Test("zero baselines put the change on the factor that was zero")
    func zeros() {
        #expect(GMVDecomposition(baseline: .init(gmv: 0, visitors: 0, buyers: 0), current: .init(gmv: 5_000, visitors: 10, buyers: 1)).visitors == 5_000)
        #expect(GMVDecomposition(baseline: .init(gmv: 0, visitors: 10, buyers: 0), current: .init(gmv: 5_000, visitors: 10, buyers: 1)).conversion == 5_000)
        #expect(GMVDecomposition(baseline: .init(gmv: 0, visitors: 0, buyers: 0), current: .init(gmv: 0, visitors: 0, buyers: 0)).change == 0)
    }
}

@Suite("Target pacing")
struct TargetPacingTests {
    let target = Target.month(store: "s", year: 2026, month: 11, gmv: Money(minor: 3_000_000_00, currency: .cny))!

    @Test("an even spread adds up to the target exactly")
    func evenSpread() {
        let spread = TargetPacing.spread(1_000, over: DayRange(Day(iso: "2026-11-01")!, Day(iso: "2026-11-03")!)!, weights: [:])
        #expect(spread.values.reduce(0, +) == 1_000 && Set(spread.values) == [333, 334])
        let month = TargetPacing.spread(target.gmv.minor, over: target.days, weights: [:])
        #expect(month.values.allSatisfy { $0 == 100_000_00 })
    }

    @Test("attainment, month to date, projection and need per day, by hand")
    func pacing() {
        // Even: 100,000.00 a day. Actuals Nov 1-10: 90,000.00 a day → MTD 900,000.00 of 1,000,000.00 (90 %).
        // Run rate 90,000.00 (flat weekday weights) x 20 remaining days = 1,800,000.00 → projection 2,700,000.00.
        // Needed: (3,000,000.00 - 900,000.00) / 20 = 105,000.00.
        let days = TargetPacing.spread(target.gmv.minor, over: target.days, weights: [:])
        let actuals = Dictionary(uniqueKeysWithValues: DayRange(Day(iso: "2026-11-01")!, Day(iso: "2026-11-10")!)!.map { ($0, Int64(90_000_00)) })
        let flat = Dictionary(uniqueKeysWithValues: (1...7).map { ($0, 1.0) })
        let p = TargetPacing(target: target, dayTargets: days, day: Day(iso: "2026-11-10")!, actuals: actuals, weekdayWeights: flat)
        #expect(p.dayTarget == 100_000_00 && p.attainment == Ratio(90_000_00, 100_000_00))
        #expect(p.mtdActual == 900_000_00 && p.mtdTarget == 1_000_000_00)
        #expect(p.projection == 2_700_000_00)
        #expect(p.neededPerDay == 105_000_00 && p.remainingDays == 20)
    }

    @Test("weekday weights follow the history's rhythm")
    func weekdays() {
        // Mondays 200, other days 100 over two weeks: mean of weekday means = 800/7; Monday weight 200 / (800/7) = 1.75.
        var history: [Day: Int64] = [:]
        for day in DayRange(Day(iso: "2026-10-05")!, Day(iso: "2026-10-18")!)! { history[day] = day.weekday == 1 ? 200 : 100 }
        let weights = TargetPacing.weekdayWeights(history: history)
        #expect(abs(weights[1]! - 1.75) < 1e-9 && abs(weights[2]! - 0.875) < 1e-9)
    }
}

@Suite("Event-day targets")
struct EventDayTargetTests {
    @Test("an event day keeps its own target; the rest of the month is spread over the other days")
    func eventDay() {
        // November: 3,000,000.00 with 双11 at 600,000.00 → the other 29 days share 2,400,000.00 evenly:
        // 82,758.62 x 29 = 2,399,999.98, two days get one more fen.
        let target = Target.month(store: "s", year: 2026, month: 11, gmv: Money(minor: 3_000_000_00, currency: .cny))!
        let d11 = Day(iso: "2026-11-11")!
        let days = TargetPacing.spread(target.gmv.minor, over: target.days, weights: [:], fixed: [d11: 600_000_00])
        #expect(days[d11] == 600_000_00)
        #expect(days.values.reduce(0, +) == 3_000_000_00)
        #expect(days.filter { $0.key != d11 }.values.allSatisfy { $0 == 82_758_62 || $0 == 82_758_63 })
        #expect(days.count == 30)
    }
}
