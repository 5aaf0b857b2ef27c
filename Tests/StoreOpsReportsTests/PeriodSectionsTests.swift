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
}
