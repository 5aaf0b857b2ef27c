import StoreOpsCore
import StoreOpsReports
import StoreOpsStorage

/// The agency overview (代运营总览): every store given, its day's figures, target pacing and checks, sorted by what needs
/// attention. The stores are read eight at a time.
public struct OverviewService: Sendable {
    let storage: any StoreOpsStore
    let clock: @Sendable () -> Instant
    /// Where a long-running server keeps lines while their store's data does not change; nil computes every line.
    let cache: ReportCache?

    public init(storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant, cache: ReportCache? = nil) {
        self.storage = storage
        self.clock = clock
        self.cache = cache
    }

    /// The service as `context`'s user: every read and write limited to what their grants reach.
    public init(_ context: AccessContext, clock: @escaping @Sendable () -> Instant, cache: ReportCache? = nil) {
        self.init(storage: context.storage, clock: clock, cache: cache)
    }

    /// The overview of `stores` on `day` (default: yesterday in each store's time zone).
    public func overview(of stores: [Store], day: Day? = nil) async throws -> [StoreOverview] {
        var lines: [StoreOverview] = []
        try await withThrowingTaskGroup(of: StoreOverview.self) { group in
            var pending = stores[...]
            func next() {
                guard let store = pending.popFirst() else { return }
                group.addTask { try await self.cachedLine(of: store, day: day ?? store.timeZone.yesterday(now: self.clock())) }
            }
            for _ in 0..<OverviewService.concurrentStores { next() }
            while let line = try await group.next() {
                lines.append(line)
                next()
            }
        }
        return lines.sorted(by: StoreOverview.byAttention)
    }

    /// How many stores are read at once: enough to keep both cores busy while some reads wait.
    static let concurrentStores = 8

    /// One store's line, from the cache when there is one and the store's data has not changed.
    func cachedLine(of store: Store, day: Day) async throws -> StoreOverview {
        guard let cache else { return try await line(of: store, day: day) }
        return try await cache.value("overview", store: store.id, detail: day.iso,
                                      revision: try await storage.revision(of: store.id)) {
            try await self.line(of: store, day: day)
        }
    }

    /// One store's line. The target's day plan reads the master table from eight weeks before the period (371 days with
    /// last year's curve) to the day, which holds the 14 days the line shows: it is read once.
    func line(of store: Store, day: Day) async throws -> StoreOverview {
        let plans = PlanService(storage: storage, clock: clock)
        async let checks = CheckService(storage: storage, clock: clock).run(store: store.id, day: day)
        let days = DayRange(ending: day, count: 14)
        let plan = try await plans.dayPlan(store: store, covering: day)
        let rows: [MasterTableRow]
        if let plan, let first = plan.rows.first, first.day <= days.first {
            rows = plan.rows.filter { days.contains($0.day) }
        } else {
            rows = try await storage.masterTable(store: store.id, days: days)
        }
        return StoreOverview(store: store, day: day, rows: rows, pacing: plan.map { plans.pacing($0, day: day) },
                             checks: try await checks)
    }
}
