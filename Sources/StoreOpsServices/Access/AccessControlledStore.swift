import StoreOpsCore
import StoreOpsStorage

/// The service-layer check: a `StoreOpsStore` that lets one user's calls through only where their grants allow.
/// Reads need any role on the store, writes (imports, costs) `operator`, creating or changing a store `admin` on
/// its client. A store the user cannot read does not exist for them: it is reported exactly like a missing store.
/// On PostgreSQL `inner` is also limited by row-level security to the stores the user can read.
struct AccessControlledStore: StoreOpsStore {
    let inner: any StoreOpsStore
    let policy: AccessPolicy

    /// The store, when the user may do `action` to it.
    @discardableResult
    func require(_ action: AccessAction, _ id: StoreID) async throws -> Store {
        guard let store = try await inner.store(id), policy.permits(.read, on: store) else {
            throw ServiceError(.notFound, "There is no store \"\(id)\" that \(policy.user.id) can see.")
        }
        guard policy.permits(action, on: store) else {
            let role = policy.role(on: store)?.rawValue ?? "none"
            throw ServiceError(.forbidden, "\(policy.user.id) is \(role) on store \(id); to \(action.rawValue) there they need the \(Self.needed(action).rawValue) role (`storeops user grant`).")
        }
        return store
    }

    static func needed(_ action: AccessAction) -> Role {
        switch action {
        case .read: .viewer
        case .write: .operator
        case .manage: .admin
        }
    }

    func schemaVersion() async throws -> Int { try await inner.schemaVersion() }

    /// Changes an existing store the user administers (new stores are created by `AccessService.createStore`,
    /// which checks the client first). Moving it to a client they do not administer is refused.
    func saveStore(_ store: Store) async throws {
        try await require(.manage, store.id)
        guard policy.permits(.manage, on: store) else {
            throw ServiceError(.forbidden, "\(policy.user.id) cannot move store \(store.id) to client \(store.client?.rawValue ?? "(none)"): that needs the admin role on that client.")
        }
        try await inner.saveStore(store)
    }

    func store(_ id: StoreID) async throws -> Store? {
        guard let store = try await inner.store(id), policy.permits(.read, on: store) else { return nil }
        return store
    }

    func stores() async throws -> [Store] {
        try await inner.stores().filter { policy.permits(.read, on: $0) }
    }

    func write(_ source: any FactBatchSource, to store: StoreID) async throws -> WriteSummary {
        try await require(.write, store)
        return try await inner.write(StampedSource(inner: source, user: policy.user.id), to: store)
    }

    func importRecord(store: StoreID, sha256: String, kind: String) async throws -> ImportRecord? {
        try await require(.read, store)
        return try await inner.importRecord(store: store, sha256: sha256, kind: kind)
    }

    func importRecords(store: StoreID) async throws -> [ImportRecord] {
        try await require(.read, store)
        return try await inner.importRecords(store: store)
    }

    func pseudonymKey(store: StoreID) async throws -> [UInt8] {
        try await require(.write, store)
        return try await inner.pseudonymKey(store: store)
    }

    func removeFacts(of store: StoreID) async throws {
        try await require(.manage, store)
        try await inner.removeFacts(of: store)
    }

    func skuSales(store: StoreID, days: DayRange) async throws -> [SKUSales] {
        try await require(.read, store)
        return try await inner.skuSales(store: store, days: days)
    }

    func latestStockCounts(store: StoreID, days: DayRange) async throws -> [InventorySnapshot] {
        try await require(.read, store)
        return try await inner.latestStockCounts(store: store, days: days)
    }

    func purchases(store: StoreID, through end: Day) async throws -> [Purchase] {
        try await require(.read, store)
        return try await inner.purchases(store: store, through: end)
    }

    func firstPurchases(store: StoreID, days: DayRange) async throws -> [FirstPurchaseDay] {
        try await require(.read, store)
        return try await inner.firstPurchases(store: store, days: days)
    }

    func tablesWithRows(store: StoreID) async throws -> Set<String> {
        try await require(.read, store)
        return try await inner.tablesWithRows(store: store)
    }

    func openOrderWork(store: StoreID, days: DayRange, amountsOf orderIDs: [String]) async throws -> OpenOrderWork {
        try await require(.read, store)
        return try await inner.openOrderWork(store: store, days: days, amountsOf: orderIDs)
    }

    func removeTargets(store: StoreID, _ periods: [(Target.Period, Day)]) async throws {
        try await require(.write, store)
        try await inner.removeTargets(store: store, periods)
    }

    func revision(of store: StoreID) async throws -> Int64 {
        try await require(.read, store)
        return try await inner.revision(of: store)
    }

    func read<F: StoredFact>(_ type: F.Type, store: StoreID, days: DayRange?) async throws -> [F] {
        try await require(.read, store)
        return try await inner.read(type, store: store, days: days)
    }

    func dailyFacts(store: StoreID, days: DayRange) async throws -> [DailyFacts] {
        try await require(.read, store)
        return try await inner.dailyFacts(store: store, days: days)
    }

    func costSettings(store: StoreID) async throws -> CostSettings? {
        try await require(.read, store)
        return try await inner.costSettings(store: store)
    }

    func saveCostSettings(_ settings: CostSettings) async throws {
        try await require(.write, settings.store)
        try await inner.saveCostSettings(settings)
    }

    func notifyChannels(store: StoreID) async throws -> [NotifyChannel] {
        try await require(.read, store)
        return try await inner.notifyChannels(store: store)
    }

    func saveNotifyChannel(_ channel: NotifyChannel) async throws {
        try await require(.write, channel.store)
        try await inner.saveNotifyChannel(channel)
    }

    func removeNotifyChannel(store: StoreID, id: String) async throws -> Bool {
        try await require(.write, store)
        return try await inner.removeNotifyChannel(store: store, id: id)
    }

    func claimDelivery(_ delivery: Delivery) async throws -> Bool {
        // Sending a store's messages to its groups is an operator's action, not a viewer's.
        try await require(.write, delivery.store)
        return try await inner.claimDelivery(delivery)
    }

    func saveDelivery(_ delivery: Delivery) async throws {
        try await require(.write, delivery.store)
        try await inner.saveDelivery(delivery)
    }

    func delivery(store: StoreID, day: Day, report: String, channel: String) async throws -> Delivery? {
        try await require(.read, store)
        return try await inner.delivery(store: store, day: day, report: report, channel: channel)
    }

    func deliveries(store: StoreID, since: Day) async throws -> [Delivery] {
        try await require(.read, store)
        return try await inner.deliveries(store: store, since: since)
    }

    func schedules() async throws -> [Schedule] {
        let readable = Set(try await stores().map(\.id))
        return try await inner.schedules().filter { readable.contains($0.store) }
    }

    func schedule(store: StoreID) async throws -> Schedule? {
        try await require(.read, store)
        return try await inner.schedule(store: store)
    }

    func saveSchedule(_ schedule: Schedule) async throws {
        try await require(.write, schedule.store)
        try await inner.saveSchedule(schedule)
    }

    func removeSchedule(store: StoreID) async throws -> Bool {
        try await require(.write, store)
        return try await inner.removeSchedule(store: store)
    }

    func claimRun(_ run: ScheduleRun) async throws -> Bool {
        try await require(.write, run.store)
        return try await inner.claimRun(run)
    }

    func takeOverRun(store: StoreID, day: Day, startedAt: Instant, now: Instant) async throws -> Bool {
        try await require(.write, store)
        return try await inner.takeOverRun(store: store, day: day, startedAt: startedAt, now: now)
    }

    func saveRun(_ run: ScheduleRun) async throws {
        try await require(.write, run.store)
        try await inner.saveRun(run)
    }

    /// Only the stores the user can read; the others are not asked for.
    func keptReports(kind: String, build: String, stores ids: [StoreID]) async throws -> [StoreID: [String: String]] {
        let readable = Set(try await stores().map(\.id))
        return try await inner.keptReports(kind: kind, build: build, stores: ids.filter(readable.contains))
    }

    /// Anyone who may read a store may keep what they computed from it: a kept report is not the store's data.
    func keepReports(_ reports: [KeptReport]) async throws {
        let readable = Set(try await stores().map(\.id))
        if let other = reports.first(where: { !readable.contains($0.store) }) {
            throw ServiceError(.notFound, "There is no store \"\(other.store)\" that \(policy.user.id) can see.")
        }
        try await inner.keepReports(reports)
    }

    func run(store: StoreID, day: Day) async throws -> ScheduleRun? {
        try await require(.read, store)
        return try await inner.run(store: store, day: day)
    }

    func runs(store: StoreID, since: Day) async throws -> [ScheduleRun] {
        try await require(.read, store)
        return try await inner.runs(store: store, since: since)
    }

    /// A whole copy of the store (pseudonym key included) is for its administrators.
    func exportRows(of store: StoreID, _ sink: @escaping @Sendable (StoreTableRows) throws -> Void) async throws {
        try await require(.manage, store)
        try await inner.exportRows(of: store, sink)
    }

    /// Overwrites an existing store the user administers (restoring a new store is an administrator's CLI job).
    func restoreRows(into store: Store, replace: Bool, _ next: @escaping @Sendable () throws -> StoreTableRows?) async throws {
        try await require(.manage, store.id)
        guard policy.permits(.manage, on: store) else {
            throw ServiceError(.forbidden, "\(policy.user.id) cannot restore store \(store.id) under client \(store.client?.rawValue ?? "(none)").")
        }
        try await inner.restoreRows(into: store, replace: replace, next)
    }

    func restricted(to scope: StoreScope) -> any StoreOpsStore {
        AccessControlledStore(inner: inner.restricted(to: scope), policy: policy)
    }
}

/// A write's source whose ledger entry names the user who made it.
private struct StampedSource: FactBatchSource {
    let inner: any FactBatchSource
    let user: UserID

    func forEachBatch(_ body: (FactBatch) throws -> Void) throws { try inner.forEachBatch(body) }

    func ledgerRecord() throws -> ImportRecord? {
        guard var record = try inner.ledgerRecord() else { return nil }
        record.importedBy = user
        return record
    }
}
