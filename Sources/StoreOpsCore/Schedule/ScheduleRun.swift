/// One day's run of a store's schedule: claimed before it starts and finished after, so that a restart neither skips
/// nor repeats the day, and two servers never run the same store's day at once.
public struct ScheduleRun: Hashable, Sendable {
    /// Where a run stands.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// Started; a run still so long after its start was cut off (a crash, a kill) and is taken over.
        case running
        /// Every step ran (each step's outcome is in `detail`).
        case finished
    }

    public var store: StoreID
    /// The store-local day the run is for.
    public var day: Day
    public var status: Status
    public var startedAt: Instant
    public var finishedAt: Instant?
    /// What each step did, one line each.
    public var detail: String?

    public init(store: StoreID, day: Day, status: Status, startedAt: Instant, finishedAt: Instant? = nil, detail: String? = nil) {
        self.store = store
        self.day = day
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.detail = detail
    }
}
