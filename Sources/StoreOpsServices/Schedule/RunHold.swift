import StoreOpsCore
import StoreOpsStorage
import Synchronization

/// A runner's hold on a claimed day: renewing it moves the run's start to now (a conditional update on the start
/// last seen), which tells other runners the run is alive; it fails once someone else took the day over.
final class RunHold: Sendable {
    let storage: any StoreOpsStore
    let clock: @Sendable () -> Instant
    let store: StoreID
    let day: Day
    private let start: Mutex<Instant>

    init(_ run: ScheduleRun, storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant) {
        self.storage = storage
        self.clock = clock
        store = run.store
        day = run.day
        start = Mutex(run.startedAt)
    }

    /// The run's start as the ledger has it.
    var startedAt: Instant { start.withLock { $0 } }

    /// Says the run is alive; throws a conflict when another runner took the day over.
    func renew() async throws {
        let now = clock()
        guard try await storage.takeOverRun(store: store, day: day, startedAt: startedAt, now: now) else {
            throw ServiceError(.conflict, "Another runner took over the routine of \(store) for \(day.iso).")
        }
        start.withLock { $0 = now }
    }
}
