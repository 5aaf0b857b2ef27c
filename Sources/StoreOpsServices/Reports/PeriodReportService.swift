import StoreOpsCore
import StoreOpsReports
import StoreOpsStorage

/// Weekly, monthly and period reports (周报, 月报) from the master table, the targets and their day spreading.
public struct PeriodReportService: Sendable {
    let storage: any StoreOpsStore
    let clock: @Sendable () -> Instant

    public init(storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant) {
        self.storage = storage
        self.clock = clock
    }

    /// The ISO week `2026-W48`.
    public func week(store id: StoreID, _ text: String) async throws -> PeriodReport {
        guard let (_, start, end) = TargetService.period(text), start.weekday == 1, start.distance(to: end) == 6 else {
            throw ServiceError(.invalidInput, "--week \"\(text)\" is not an ISO week: write it like 2026-W48.")
        }
        let lastYear = DayRange(start.adding(days: -364), end.adding(days: -364))!
        return try await report(store: id, kind: .week, label: text, days: DayRange(start, end)!, lastYear: lastYear)
    }

    /// The month `2026-11`.
    public func month(store id: StoreID, _ text: String) async throws -> PeriodReport {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (2000...2100).contains(year),
            let start = Day(year: year, month: month, day: 1),
            let lastYearStart = Day(year: year - 1, month: month, day: 1)
        else {
            throw ServiceError(.invalidInput, "--month \"\(text)\" is not a month: write it like 2026-11.")
        }
        let days = DayRange(start, start.adding(days: Day.daysIn(year: year, month: month) - 1))!
        let lastYear = DayRange(
            lastYearStart, lastYearStart.adding(days: Day.daysIn(year: year - 1, month: month) - 1))!
        let before = start.adding(days: -1)
        let previous = DayRange(Day(year: before.year, month: before.month, day: 1)!, before)!
        return try await report(
            store: id, kind: .month, label: text, days: days, previous: previous, lastYear: lastYear)
    }

    /// Any run of days (up to three years).
    public func period(store id: StoreID, days: DayRange) async throws -> PeriodReport {
        guard days.count <= 1_100 else {
            throw ServiceError(.invalidInput, "A period report covers three years at most.")
        }
        return try await report(
            store: id, kind: .period, label: "\(days.first.iso)~\(days.last.iso)", days: days,
            lastYear: DayRange(days.first.adding(days: -364), days.last.adding(days: -364))!)
    }

    /// The report of `days` against `previous` (default: as many days just before) and `lastYear`.
    func report(
        store id: StoreID, kind: PeriodReport.Kind, label: String, days: DayRange, previous: DayRange? = nil,
        lastYear: DayRange
    ) async throws -> PeriodReport {
        let store = try await storage.requireStore(id)
        let previous = previous ?? DayRange(days.first.adding(days: -days.count), days.first.adding(days: -1))!
        async let rows = storage.masterTable(store: id, days: DayRange(previous.first, days.last)!, customers: true)
        async let yearRows = storage.masterTable(store: id, days: lastYear, customers: true)
        let (all, year) = try await (rows, yearRows)
        let totals = PeriodTotals(days: days, rows: all, currency: store.currency)
        var report = PeriodReport(
            store: store, kind: kind, label: label, totals: totals,
            previous: PeriodTotals(days: previous, rows: all, currency: store.currency),
            lastYear: PeriodTotals(days: lastYear, rows: year, currency: store.currency),
            daily: all.filter { days.contains($0.day) })
        report.targetGMV = try await target(of: store, days: days)
        return report
    }

    /// The sum of the day targets of `days`, from the targets of the months (weeks, quarters, years) covering them.
    func target(of store: Store, days: DayRange) async throws -> Money? {
        let briefing = BriefingService(storage: storage, clock: clock)
        var total: Int64 = 0
        var day = days.first
        while day <= days.last {
            guard let pacing = try await briefing.pacing(store: store, day: day) else { return nil }
            var next = day
            while next <= days.last, let target = pacing.dayTargets[next] {
                let (sum, overflow) = total.addingReportingOverflow(target)
                if overflow { return nil }
                total = sum
                next = next.adding(days: 1)
            }
            guard next > day else { return nil }
            day = next
        }
        return Money(minor: total, currency: store.currency)
    }
}
