/// One message of one report of one day to one channel: the delivery ledger's row. Its key (store, day, report,
/// channel) is claimed before the message is sent, so the same message is never sent twice, also across restarts.
public struct Delivery: Hashable, Sendable {
    /// Where a delivery stands.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// Claimed, not yet posted: after a crash it never left, and the day's next runner sends it.
        case sending
        /// Posted, the app's answer not yet in: after a crash it may have arrived, so it is not sent again.
        case posting
        /// The app took the message.
        case sent
        /// The app refused it, or every attempt failed; `detail` says why.
        case failed
    }

    public var store: StoreID
    public var day: Day
    /// What was sent: `daily`, `weekly`, `monthly`, `test`, or `alert:` and a finding's key.
    public var report: String
    public var channel: String
    public var status: Status
    public var attempts: Int
    /// The app's answer to the last attempt, or what failed.
    public var detail: String?
    public var startedAt: Instant
    public var finishedAt: Instant?

    public init(store: StoreID, day: Day, report: String, channel: String, status: Status, attempts: Int = 0,
                detail: String? = nil, startedAt: Instant, finishedAt: Instant? = nil) {
        self.store = store
        self.day = day
        self.report = report
        self.channel = channel
        self.status = status
        self.attempts = attempts
        self.detail = detail
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}
