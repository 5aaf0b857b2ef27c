import StoreOpsCore
import StoreOpsReports
import Testing

@Suite("Period report sections")
struct PeriodSectionsTests {
    @Test("tasks of a week: made, closed on time or late, open and overdue at its end")
    func tasks() {
        let zone = StoreTimeZone.shanghai
        let week = DayRange(Day(iso: "2026-03-23")!, Day(iso: "2026-03-29")!)!
        func at(_ day: String, _ hour: Int) -> Instant { zone.instant(day: Day(iso: day)!, hour: hour) }
        func task(_ id: String, made: Instant, due: String, closed: Instant?) -> OpsTask {
            OpsTask(store: "s", id: id, title: id, detail: "", role: .operator, due: Day(iso: due)!, status: closed == nil ? .open : .done,
                    createdAt: made, closedAt: closed)
        }
        let tasks = [
            task("a", made: at("2026-03-20", 9), due: "2026-03-24", closed: at("2026-03-24", 18)),  // before, closed on its due day
            task("b", made: at("2026-03-23", 9), due: "2026-03-24", closed: at("2026-03-26", 9)),  // made and closed late
            task("c", made: at("2026-03-25", 9), due: "2026-03-27", closed: nil),  // open, overdue at the end
            task("d", made: at("2026-03-29", 9), due: "2026-04-01", closed: at("2026-03-30", 9)),  // open at the end, closed after
            task("e", made: at("2026-03-30", 9), due: "2026-04-01", closed: nil),  // made after the week
        ]
        let t = PeriodReport.TaskSummary(tasks: tasks, days: week, zone: zone)
        #expect([t.created, t.closedOnTime, t.closedLate, t.open, t.overdue] == [3, 1, 1, 2, 1])
    }

    @Test("stock-outs: the units a day in stock times the days out, at the period's mean price; unknown without a rate")
    func stockOuts() {
        // A week, out 4 days: 149 units in the other 3, 149 x 4 / 3 = 198.67 → 199 units; at 45,000.00 / 149 each.
        let line = PeriodReport.StockOutLine(skuID: "S", title: nil, daysOut: 4, days: 7, units: 149,
                                             revenue: Money(minor: 4_500_000, currency: .cny))
        #expect(line.lostUnits == 199)
        #expect(line.lostRevenue == Money(minor: (4_500_000 * 199 + 74) / 149, currency: .cny))  // 6,010,067.11 fen, rounded
        #expect(line.daysInStock == 3)
        let never = PeriodReport.StockOutLine(skuID: "S", title: nil, daysOut: 7, days: 7, units: 0,
                                              revenue: Money(minor: 0, currency: .cny))
        #expect(never.lostUnits == nil && never.lostRevenue == nil)
    }

    @Test("reviews and a competitor's price cut, counted by hand")
    func reviewsAndMoves() {
        let day = Day(iso: "2026-03-24")!
        func review(_ id: String, _ rating: Int, replied: Bool = false, item: String = "P1") -> Review {
            Review(store: "s", id: id, productID: item, rating: rating, text: "", at: Instant(seconds: 0), day: day, replied: replied)
        }
        let summary = PeriodReport.ReviewSummary(
            reviews: [review("a", 5), review("b", 3), review("c", 1, replied: true), review("d", 2, item: "P2"), review("e", 1)],
            previous: [review("f", 5), review("g", 1)], titles: ["P1": "连衣裙"])
        #expect((summary.total, summary.good, summary.neutral, summary.bad, summary.badReplied) == (5, 1, 1, 3, 1))
        #expect(summary.badShare == Ratio(3, 5) && summary.previousBadShare == Ratio(1, 2))
        #expect(summary.worstItems.map(\.productID) == ["P1", "P2"] && summary.worstItems.first?.title == "连衣裙")
        func snapshot(_ day: String, _ price: Int64, promo: Int64? = nil) -> CompetitorSnapshot {
            CompetitorSnapshot(store: "s", day: Day(iso: day)!, competitorID: "c", itemID: "i", price: Money(minor: price, currency: .cny),
                               promoPrice: promo.map { Money(minor: $0, currency: .cny) }, monthlySales: 100, reviewCount: nil, title: "t")
        }
        let move = PeriodReport.CompetitorMove(competitor: "木子小铺", first: snapshot("2026-03-23", 20_000),
                                               last: snapshot("2026-03-29", 20_000, promo: 16_000))
        #expect(move.priceBefore.minor == 20_000 && move.priceAfter.minor == 16_000 && move.priceChange == Ratio(-4_000, 20_000))
    }
}
