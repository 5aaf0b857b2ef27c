import StoreOpsCore
import StoreOpsReports
import StoreOpsStorage

/// The agency overview (代运营总览): every store given, its day's figures, target pacing and checks, sorted by what needs
/// attention. The stores are read four at a time.
public struct OverviewService: Sendable {
    let storage: any StoreOpsStore
    let clock: @Sendable () -> Instant

    public init(storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant) {
        self.storage = storage
        self.clock = clock
    }

    /// The overview of `stores` on `day` (default: yesterday in each store's time zone).
    public func overview(of stores: [Store], day: Day? = nil) async throws -> [StoreOverview] {
        var lines: [StoreOverview] = []
        try await withThrowingTaskGroup(of: StoreOverview.self) { group in
            var pending = stores[...]
            func next() {
                guard let store = pending.popFirst() else { return }
                group.addTask { try await self.line(of: store, day: day ?? store.timeZone.yesterday(now: self.clock())) }
            }
            for _ in 0..<4 { next() }
            while let line = try await group.next() {
                lines.append(line)
                next()
            }
        }
        return lines.sorted(by: StoreOverview.byAttention)
    }

    func line(of store: Store, day: Day) async throws -> StoreOverview {
        async let rows = storage.masterTable(store: store.id, days: DayRange(ending: day, count: 14))
        async let pacing = PlanService(storage: storage, clock: clock).pacing(store: store, day: day)
        async let checks = CheckService(storage: storage, clock: clock).run(store: store.id, day: day)
        return StoreOverview(store: store, day: day, rows: try await rows, pacing: try await pacing, checks: try await checks)
    }
}
