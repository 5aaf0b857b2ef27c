import Foundation
import StoreOpsCore
import StoreOpsReports
import StoreOpsStorage

/// The agency overview (代运营总览): every store given, its day's figures, target pacing and checks, sorted by what needs
/// attention. The stores are read eight at a time. With a build, the line of a day that is over in its store's time
/// zone is kept in the database (`KeptReport`) and read back while the store's data and the program stay the same:
/// such a line depends on nothing else (its checks' "now" is the end of the day).
public struct OverviewService: Sendable {
    let storage: any StoreOpsStore
    let clock: @Sendable () -> Instant
    /// Where a long-running server keeps lines while their store's data does not change; nil computes every line.
    let cache: ReportCache?
    /// The program's build (`Environment.build`); nil keeps no lines in the database.
    let build: String?

    public init(storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant, cache: ReportCache? = nil,
                build: String? = nil) {
        self.storage = storage
        self.clock = clock
        self.cache = cache
        self.build = build
    }

    /// The service as `context`'s user: every read and write limited to what their grants reach.
    public init(_ context: AccessContext, clock: @escaping @Sendable () -> Instant, cache: ReportCache? = nil,
                build: String? = nil) {
        self.init(storage: context.storage, clock: clock, cache: cache, build: build)
    }

    /// The kind of the lines kept in the database.
    static let keptKind = "overview"

    /// The overview of `stores` on `day` (default: yesterday in each store's time zone); `fresh` computes every line
    /// instead of reading kept ones (and keeps them anew).
    public func overview(of stores: [Store], day: Day? = nil, fresh: Bool = false) async throws -> [StoreOverview] {
        let now = clock()
        let kept = fresh ? [:] : try await keptLines(of: stores, day: day, now: now)
        var lines = Array(kept.values)
        var keep: [KeptReport] = []
        try await withThrowingTaskGroup(of: (StoreOverview, KeptReport?).self) { group in
            var pending = stores.filter { kept[$0.id] == nil }[...]
            func next() {
                guard let store = pending.popFirst() else { return }
                let day = day ?? store.timeZone.yesterday(now: now)
                group.addTask { try await self.computedLine(of: store, day: day, now: now) }
            }
            for _ in 0..<OverviewService.concurrentStores { next() }
            while let (line, report) = try await group.next() {
                lines.append(line)
                if let report { keep.append(report) }
                next()
            }
        }
        // Kept for the next request. Not kept is not an error here: a database that cannot take them (read-only, or
        // busy with an import) still gets its overview. The morning schedule keeps through `keep(store:day:)`, which
        // reports a failure.
        try? await storage.keepReports(keep)
        return lines.sorted(by: StoreOverview.byAttention)
    }

    /// Computes and keeps `store`'s line of `day`; false when there is nothing to keep (no build, the day not over, or
    /// the store changed during the computation). A failure to keep is thrown.
    public func keep(store: Store, day: Day) async throws -> Bool {
        let (_, report) = try await computedLine(of: store, day: day, now: clock())
        guard let report else { return false }
        try await storage.keepReports([report])
        return true
    }

    /// How many stores are read at once: enough to keep both cores busy while some reads wait.
    static let concurrentStores = 8

    /// The kept lines of `stores` for their day that still hold, by store. None without a build, or when they cannot
    /// be read (the lines are then computed, which reports any error of the database).
    func keptLines(of stores: [Store], day: Day?, now: Instant) async throws -> [StoreID: StoreOverview] {
        guard let build, !stores.isEmpty,
              let kept = try? await storage.keptReports(kind: Self.keptKind, build: build, stores: stores.map(\.id))
        else { return [:] }
        let decoder = JSONDecoder()
        var lines: [StoreID: StoreOverview] = [:]
        for store in stores {
            let day = day ?? store.timeZone.yesterday(now: now)
            // Only a day that is over here too (another host's clock may run ahead).
            guard now >= store.timeZone.end(of: day),
                  let body = kept[store.id]?[day.iso],
                  let figures = try? decoder.decode(StoreOverview.Kept.self, from: Data(body.utf8)),
                  let line = StoreOverview(store: store, kept: figures), line.day == day else { continue }
            lines[store.id] = line
        }
        return lines
    }

    /// One store's line, computed (or from the server's cache), and what to keep of it when the day is over.
    func computedLine(of store: Store, day: Day, now: Instant) async throws -> (StoreOverview, KeptReport?) {
        guard let build, now >= store.timeZone.end(of: day) else {
            return (try await cachedLine(of: store, day: day, over: false), nil)
        }
        // The revision before the computation: a write during it leaves the kept line stale, never wrong. The store
        // read after it: when it changed since the caller read it (its time zone or currency may differ), the line of
        // the caller's store is computed but neither cached under this revision nor kept.
        let revision = try await storage.revision(of: store.id)
        guard try await storage.store(store.id) == store else { return (try await line(of: store, day: day), nil) }
        let line = try await cachedLine(of: store, day: day, revision: revision, over: true)
        guard let body = try? JSONEncoder().encode(line.kept) else { return (line, nil) }
        return (line, KeptReport(store: store.id, kind: Self.keptKind, detail: day.iso, revision: revision,
                                 build: build, body: String(decoding: body, as: UTF8.self)))
    }

    /// One store's line, from the cache when there is one and the store's data has not changed (`revision`, read
    /// when not given). A line computed once its day was `over` is kept apart from one computed during the day (whose
    /// checks' "now" was earlier), so that only the former is ever kept in the database.
    func cachedLine(of store: Store, day: Day, revision: Int64? = nil, over: Bool) async throws -> StoreOverview {
        guard let cache else { return try await line(of: store, day: day) }
        let revision = if let revision { revision } else { try await storage.revision(of: store.id) }
        return try await cache.value("overview", store: store.id, detail: day.iso + (over ? " over" : ""),
                                      revision: revision) {
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
