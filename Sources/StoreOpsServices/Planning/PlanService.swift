import StoreOpsCore
import StoreOpsReports
import StoreOpsStorage

/// Year plans broken down to days, their edits, and the pacing of GMV, profit and ad spend against them (domain
/// guide §4, §14). A plan is kept as targets: the year, its quarters and months, and event days with their own.
///
/// Editing the year plans it again (edits included); editing a quarter re-spreads it over its months by their
/// current shares; editing a month re-spreads only its own days. In those three the levels above change by the
/// difference. Editing a week or a day fixes its days and keeps its month's total: the month's other days take the
/// rest.
public struct PlanService: Sendable {
    let storage: any StoreOpsStore
    let clock: @Sendable () -> Instant

    public init(storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant) {
        self.storage = storage
        self.clock = clock
    }

    /// The service as `context`'s user: every read and write limited to what their grants reach.
    public init(_ context: AccessContext, clock: @escaping @Sendable () -> Instant) {
        self.init(storage: context.storage, clock: clock)
    }

    /// Plans `year` from its GMV (and optionally profit and ad budget) target, replacing the year's targets.
    @discardableResult
    public func setYear(
        store id: StoreID, year: Int, gmv: String, profit: String? = nil,
        adBudget: String? = nil
    ) async throws -> YearPlan {
        let store = try await storage.requireStore(id)
        guard (2000...2100).contains(year), let days = PlanService.days(of: year) else {
            throw ServiceError(.invalidInput, "--year \(year) is not a year from 2000 to 2100.")
        }
        let amount = { (text: String?, option: String) in
            try TargetService.amount(text, option: option, currency: store.currency)
        }
        // Two years back: a month not yet over this year takes its curve from the year before.
        let history = try await gmvByDay(
            store: id, days: DayRange(days.first.adding(days: -731 - 56), days.first.adding(days: -1))!)
        guard
            let plan = YearPlan(
                store: id, year: year, gmv: try amount(gmv, "gmv")!, profit: try amount(profit, "profit"),
                adBudget: try amount(adBudget, "ad-budget"), history: history)
        else { throw ServiceError(.invalidInput, "The plan for \(year) cannot be made from these amounts.") }
        let planned = [plan.year] + plan.quarters + plan.months + plan.eventDays
        var batch = FactBatch()
        batch.targets = planned
        try await storage.write(batch, to: id)
        let kept = Set(planned.map { "\($0.period.rawValue) \($0.start.iso)" })
        let stale = try await storage.read(Target.self, store: id, days: days)
            .filter {
                days.contains($0.start) && days.contains($0.end)
                    && !kept.contains("\($0.period.rawValue) \($0.start.iso)")
            }
        try await storage.removeTargets(store: id, stale.map { ($0.period, $0.start) })
        return plan
    }

    /// Edits one period of the plan (`2027-Q4`, `2027-11`, `2027-W45`, `2027-11-11`; a year plans it anew) and returns
    /// the targets written.
    @discardableResult
    public func edit(
        store id: StoreID, period text: String, gmv: String, profit: String? = nil,
        adBudget: String? = nil
    ) async throws -> [Target] {
        let store = try await storage.requireStore(id)
        guard let (kind, start, end) = TargetService.period(text) else {
            throw ServiceError(
                .invalidInput, "\"\(text)\" is not a period: use 2027, 2027-Q4, 2027-11, 2027-W45 or 2027-11-11.")
        }
        if kind == .year {
            let plan = try await setYear(store: id, year: start.year, gmv: gmv, profit: profit, adBudget: adBudget)
            return [plan.year] + plan.quarters + plan.months + plan.eventDays
        }
        let amount = { (text: String?, option: String) in
            try TargetService.amount(text, option: option, currency: store.currency)
        }
        let newGMV = try amount(gmv, "gmv")!
        let (newProfit, newBudget) = (try amount(profit, "profit"), try amount(adBudget, "ad-budget"))
        let period = DayRange(start, end)!
        let existing = try await storage.read(Target.self, store: id, days: period)
        var written: [Target]
        switch kind {
        case .year: written = []
        case .quarter:
            written = try await editQuarter(
                store: store, period: period, gmv: newGMV, profit: newProfit, adBudget: newBudget,
                existing: existing)
        case .month:
            let old = existing.first { $0.period == .month && $0.start == start }
            let month = Target(
                store: id, period: .month, start: start, end: end, gmv: newGMV, profit: newProfit ?? old?.profit,
                adBudget: newBudget ?? old?.adBudget, spread: old?.spread ?? .weekday)
            try requireRoom(for: [month], among: existing)
            var before = old
            if before == nil { before = try await planned(store: store, days: period) }
            written = [month] + adjusted(existing, around: period, old: before, new: month)
        case .week, .day:
            guard profit == nil, adBudget == nil else {
                throw ServiceError(
                    .invalidInput,
                    "Profit and ad budget are planned per month; a week's or a day's share follows its GMV.")
            }
            written = try await fixDays(store: store, period: period, gmv: newGMV)
        }
        var batch = FactBatch()
        batch.targets = written
        try await storage.write(batch, to: id)
        return written
    }

    /// The quarter re-spread over its months by their current GMV shares (by their days without month targets).
    func editQuarter(
        store: Store, period: DayRange, gmv: Money, profit: Money?, adBudget: Money?,
        existing: [Target]
    ) async throws -> [Target] {
        let starts = (0..<3).map { Day(year: period.first.year, month: period.first.month + $0, day: 1)! }
        let months = Dictionary(
            existing.filter { $0.period == .month }.map { ($0.start, $0) }, uniquingKeysWith: { a, _ in a })
        let hasAll = starts.allSatisfy { months[$0] != nil }
        let weights = Dictionary(
            uniqueKeysWithValues: starts.map { start in
                (
                    start,
                    hasAll ? Double(months[start]!.gmv.minor) : Double(Day.daysIn(year: start.year, month: start.month))
                )
            })
        let gmvs = TargetPacing.spread(gmv.minor, over: starts, weights: weights)
        let shares = gmvs.mapValues(Double.init)
        let profits = profit.map { TargetPacing.spread($0.minor, over: starts, weights: shares) }
        let budgets = adBudget.map { TargetPacing.spread($0.minor, over: starts, weights: shares) }
        let money = { (minor: Int64?) in minor.map { Money(minor: $0, currency: gmv.currency) } }
        let newMonths = starts.map { start in
            Target.month(
                store: store.id, year: start.year, month: start.month,
                gmv: Money(minor: gmvs[start]!, currency: gmv.currency),
                profit: money(profits?[start]) ?? months[start]?.profit,
                adBudget: money(budgets?[start]) ?? months[start]?.adBudget,
                spread: months[start]?.spread ?? .weekday)!
        }
        try requireRoom(for: newMonths, among: existing)
        var old = existing.first { $0.period == .quarter && $0.start == period.first }
        if old == nil { old = try await planned(store: store, days: period) }
        func sum(_ value: (Target) -> Money?) -> Money? {
            let values = newMonths.compactMap(value)
            return values.count == 3 ? Money(minor: values.reduce(0) { $0 + $1.minor }, currency: gmv.currency) : nil
        }
        let quarter = Target(
            store: store.id, period: .quarter, start: period.first, end: period.last, gmv: gmv,
            profit: profit ?? sum { $0.profit }, adBudget: adBudget ?? sum { $0.adBudget },
            spread: old?.spread ?? .weekday)
        return newMonths + [quarter] + adjusted(existing, around: period, old: old, new: quarter)
    }

    /// Refuses months whose event days (day targets) would take more than the month's new target.
    func requireRoom(for months: [Target], among existing: [Target]) throws {
        for month in months {
            let fixed = existing.filter { $0.period == .day && month.days.contains($0.start) }.reduce(Int64(0)) {
                $0 + $1.gmv.minor
            }
            guard fixed <= month.gmv.minor else {
                throw ServiceError(
                    .invalidInput,
                    "The days of \(month.periodName) with their own targets take "
                        + "\(Money(minor: fixed, currency: month.gmv.currency).groupedString), more than its new target "
                        + "\(month.gmv.groupedString): lower those days first (storeops plan set --day).")
            }
        }
    }

    /// What `days` are planned at now, as a target of their own (GMV only: the sum of their current day targets), for an
    /// edit of a period that had no target; nil when no target covers them.
    func planned(store: Store, days: DayRange) async throws -> Target? {
        var total: Int64 = 0
        var day = days.first
        var covered = false
        while day <= days.last {
            guard let plan = try await dayPlan(store: store, covering: day) else {
                day = day.adding(days: 1)
                continue
            }
            covered = true
            var next = day
            while next <= days.last, plan.target.days.contains(next) {
                guard let sum = total.plus(plan.days[next] ?? 0) else {
                    throw ServiceError(
                        .invalidInput,
                        "The day targets of \(days.first.iso) to \(days.last.iso) add up past what can be counted.")
                }
                total = sum
                next = next.adding(days: 1)
            }
            day = next
        }
        guard covered else { return nil }
        return Target(
            store: store.id, period: .day, start: days.first, end: days.last,
            gmv: Money(minor: total, currency: store.currency))
    }

    /// The targets enclosing `period` (its quarter and year) changed by the edit's difference. Profit and ad budget move
    /// only when the edited period had them before (`old` from day targets has none).
    func adjusted(_ existing: [Target], around period: DayRange, old: Target?, new: Target) -> [Target] {
        let enclosing = existing.filter {
            ($0.period == .quarter || $0.period == .year) && $0.start <= period.first && $0.end >= period.last
                && !($0.period == new.period && $0.start == new.start)
        }
        func change(_ value: Money?, _ before: Money?, _ after: Money?) -> Money? {
            guard let value else { return nil }
            guard before != nil || old?.period != .day else { return value }
            let delta = (after?.minor ?? 0) - (before?.minor ?? 0)
            return value.minor.plus(delta).map { Money(minor: max(0, $0), currency: value.currency) } ?? value
        }
        return enclosing.map { target in
            var target = target
            target.gmv = change(target.gmv, old?.gmv, new.gmv)!
            target.profit = change(target.profit, old?.profit, new.profit)
            target.adBudget = change(target.adBudget, old?.adBudget, new.adBudget)
            return target
        }
    }

    /// A week's or a day's days fixed as day targets, spread by the current day targets; each month keeps its total.
    func fixDays(store: Store, period: DayRange, gmv: Money) async throws -> [Target] {
        var current: [Day: Int64] = [:]
        var months: [Target] = []
        var day = period.first
        while day <= period.last {
            guard let plan = try await dayPlan(store: store, covering: day), plan.target.period != .day else {
                throw ServiceError(
                    .invalidInput,
                    "\(day.iso) has no month (or year) target to take its share from: plan the year or set the month first."
                )
            }
            months.append(plan.target)
            for d in plan.target.days where period.contains(d) { current[d] = plan.days[d] }
            day = plan.target.end.adding(days: 1)
        }
        let shares = TargetPacing.spread(
            gmv.minor, over: Array(period), weights: current.mapValues { Double(max(1, $0)) })
        for month in months {
            let events = try await storage.read(Target.self, store: store.id, days: month.days)
                .filter { $0.period == .day && !period.contains($0.start) }
            let fixed =
                events.reduce(0) { $0 + $1.gmv.minor }
                + shares.filter { month.days.contains($0.key) }.values.reduce(0, +)
            guard fixed <= month.gmv.minor else {
                let m = Money(minor: fixed, currency: gmv.currency).groupedString
                throw ServiceError(
                    .invalidInput,
                    "The fixed days of \(month.periodName) would take \(m), more than its target "
                        + "\(month.gmv.groupedString): raise the month first (storeops plan set --period \(month.periodName))."
                )
            }
        }
        return period.map {
            Target(
                store: store.id, period: .day, start: $0, end: $0,
                gmv: Money(minor: shares[$0]!, currency: gmv.currency))
        }
    }

    /// The plan of `year` as its periods, with the actual GMV of the periods that have one.
    public func plan(store id: StoreID, year: Int, month: Int? = nil) async throws -> PlanReport {
        let store = try await storage.requireStore(id)
        guard let days = PlanService.days(of: year) else {
            throw ServiceError(.invalidInput, "--year \(year) is not a year from 2000 to 2100.")
        }
        let targets = try await storage.read(Target.self, store: id, days: days)
        let asOf = ReportService(storage: storage, clock: clock).yesterday(of: store)
        let history = try await gmvByDay(
            store: id, days: DayRange(days.first.adding(days: -365 - 56), min(days.last, max(asOf, days.first)))!)
        let events = Dictionary(
            targets.filter { $0.period == .day }.map { ($0.start, $0.gmv.minor) }, uniquingKeysWith: { a, _ in a })
        var dayTargets: [Day: Int64] = [:]
        let months = targets.filter { $0.period == .month && days.contains($0.start) }.sorted { $0.start < $1.start }
        for target in months {
            dayTargets.merge(TargetPacing.dayTargets(of: target, eventDays: events, history: history, asOf: asOf).days)
            { a, _ in a }
        }
        let actuals = history.filter { $0.key <= asOf }
        return PlanReport(
            store: store, year: year, targets: targets.filter { days.contains($0.start) }, dayTargets: dayTargets,
            actuals: actuals, asOf: asOf, month: month)
    }

    /// The period target covering `day` (month before week, quarter and year) and its day targets.
    func dayPlan(store: Store, covering day: Day) async throws -> (
        target: Target, days: [Day: Int64], weekday: [Int: Double],
        rows: [MasterTableRow]
    )? {
        let targets = try await storage.read(Target.self, store: store.id, days: DayRange(day: day))
        let order: [Target.Period] = [.month, .week, .quarter, .year]
        guard
            let target = targets.filter({ $0.period != .day })
                .min(by: { order.firstIndex(of: $0.period)! < order.firstIndex(of: $1.period)! })
        else { return nil }
        let eventDays = try await storage.read(Target.self, store: store.id, days: target.days).filter {
            $0.period == .day
        }
        let fixed = Dictionary(eventDays.map { ($0.start, $0.gmv.minor) }, uniquingKeysWith: { a, _ in a })
        // Eight weeks before the period give the weekday rhythm; last year's curve needs the year before.
        let historyStart = target.spread == .lastYear ? target.start.adding(days: -371) : target.start.adding(days: -56)
        let rows = try await storage.masterTable(store: store.id, days: DayRange(historyStart, max(day, historyStart))!)
        let actuals = PlanService.gmv(of: rows)
        let (days, weekday) = TargetPacing.dayTargets(of: target, eventDays: fixed, history: actuals, asOf: day)
        return (target, days, weekday, rows)
    }

    /// How `day` stands against the period target covering it: GMV, and profit and ad spend when the target has them.
    public func pacing(store: Store, day: Day) async throws -> TargetPacing? {
        guard let plan = try await dayPlan(store: store, covering: day) else { return nil }
        return pacing(plan, day: day)
    }

    /// How `day` stands against a period's day plan (`dayPlan(store:covering:)`).
    func pacing(
        _ plan: (target: Target, days: [Day: Int64], weekday: [Int: Double], rows: [MasterTableRow]),
        day: Day
    ) -> TargetPacing {
        let actuals = PlanService.gmv(of: plan.rows).filter { $0.key <= day }
        var pacing = TargetPacing(
            target: plan.target, dayTargets: plan.days, day: day, actuals: actuals, weekdayWeights: plan.weekday)
        func figure(_ field: MasterField) -> [Day: Int64] {
            var values: [Day: Int64] = [:]
            for row in plan.rows where row.day <= day {
                if case .money(let m) = row[field] { values[row.day] = m.minor }
            }
            return values
        }
        if let profit = plan.target.profit {
            pacing.profit = FigurePacing(
                periodTarget: profit.minor, period: plan.target.days, gmvDayTargets: plan.days, day: day,
                actuals: figure(.netProfit))
        }
        if let budget = plan.target.adBudget {
            pacing.adSpend = FigurePacing(
                periodTarget: budget.minor, period: plan.target.days, gmvDayTargets: plan.days, day: day,
                actuals: figure(.adSpendTotal))
        }
        return pacing
    }

    func gmvByDay(store: StoreID, days: DayRange) async throws -> [Day: Int64] {
        PlanService.gmv(of: try await storage.masterTable(store: store, days: days))
    }

    static func gmv(of rows: [MasterTableRow]) -> [Day: Int64] {
        var actuals: [Day: Int64] = [:]
        for row in rows { if case .money(let gmv) = row[.gmv] { actuals[row.day] = gmv.minor } }
        return actuals
    }

    static func days(of year: Int) -> DayRange? {
        guard (2000...2100).contains(year), let first = Day(year: year, month: 1, day: 1),
            let last = Day(year: year, month: 12, day: 31)
        else {
            return nil
        }
        return DayRange(first, last)
    }
}
