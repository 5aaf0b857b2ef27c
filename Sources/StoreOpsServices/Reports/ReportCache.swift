import StoreOpsCore
import StoreOpsStorage
import Synchronization

/// What the server computed from a store's data (a briefing, a master table, an overview line), kept while the
/// store's revision stays the same, for at most `lifetime` (some parts follow the clock: what is overdue, the hour).
/// One computation per key at a time: requests that miss together wait for the same result. Bounded: past
/// `capacity` entries, the least recently used leave first.
public final class ReportCache: Sendable {
    /// What a value was computed from: its kind, the store, and the rest of its request (day, range, language).
    struct Key: Hashable {
        let kind: String
        let store: StoreID
        let detail: String
    }

    /// A value (or its computation under way), with the revision it was computed at.
    struct Entry {
        let revision: Int64
        let made: ContinuousClock.Instant
        let task: Task<any Sendable, any Error>
        var used: UInt64
    }

    public let capacity: Int
    public let lifetime: Duration
    private let state = Mutex<(entries: [Key: Entry], tick: UInt64)>(([:], 0))

    public init(capacity: Int = 512, lifetime: Duration = .seconds(60)) {
        self.capacity = max(1, capacity)
        self.lifetime = lifetime
    }

    /// The value of `kind` for `store` and `detail` at `revision`: kept, or computed by `compute` (once, however many
    /// ask at the same time). A failed computation is not kept.
    public func value<T: Sendable>(_ kind: String, store: StoreID, detail: String, revision: Int64,
                                   compute: @escaping @Sendable () async throws -> T) async throws -> T {
        let key = Key(kind: kind, store: store, detail: detail)
        let now = ContinuousClock.now
        let task = state.withLock { state -> Task<any Sendable, any Error> in
            state.tick &+= 1
            if var entry = state.entries[key], entry.revision == revision, now - entry.made < lifetime {
                entry.used = state.tick
                state.entries[key] = entry
                return entry.task
            }
            if state.entries.count >= capacity, let oldest = state.entries.min(by: { $0.value.used < $1.value.used })?.key {
                state.entries[oldest] = nil
            }
            let task = Task<any Sendable, any Error> { try await compute() }
            state.entries[key] = Entry(revision: revision, made: now, task: task, used: state.tick)
            return task
        }
        do {
            guard let value = try await task.value as? T else {
                throw ServiceError(.unavailable, "A kept \(kind) of \(store) had another type; try again.")
            }
            return value
        } catch {
            // Not kept: the next request computes again (unless a newer computation replaced it meanwhile).
            state.withLock { state in
                if let entry = state.entries[key], entry.made == now, entry.revision == revision { state.entries[key] = nil }
            }
            throw error
        }
    }

    /// The value of `kind` for `store` and `detail` at the store's current revision, read as `context`'s user (which
    /// also checks that they may read the store, before anything kept is handed out).
    public func value<T: Sendable>(_ kind: String, store: StoreID, detail: String, as context: AccessContext,
                                   compute: @escaping @Sendable () async throws -> T) async throws -> T {
        try await value(kind, store: store, detail: detail, revision: try await context.storage.revision(of: store),
                        compute: compute)
    }

    /// How many values are kept.
    public var count: Int { state.withLock { $0.entries.count } }
}
