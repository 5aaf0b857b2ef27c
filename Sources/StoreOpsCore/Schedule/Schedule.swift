/// When a store's morning routine runs by itself, in the store's time zone: import what was dropped into its inbox
/// folder, run the checks (recording their tasks), and send the daily briefing to its chat channels; on Mondays
/// also the last week's report, on the 1st the last month's.
public struct Schedule: Hashable, Sendable {
    public var store: StoreID
    /// Minutes after the store's midnight (540 is 09:00).
    public var minute: Int
    /// The folder exports are dropped into for this store, when it has one.
    public var inbox: String?
    /// Whether the day's critical findings (a sold-out hero item, a refund about to time out, a complaint's
    /// deadline) are pushed to the chat channels as they are found, between the morning run and midnight.
    public var alerts: Bool

    public init(store: StoreID, minute: Int = 540, inbox: String? = nil, alerts: Bool = false) {
        self.store = store
        self.minute = minute
        self.inbox = inbox
        self.alerts = alerts
    }

    /// `HH:MM`.
    public var time: String {
        let h = minute / 60, m = minute % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }

    /// The minutes after midnight of `HH:MM` (00:00 to 23:59); nil for anything else.
    public static func minute(of text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }

    /// The store-local day whose run is due at `now`, nil before the schedule's time of the local day.
    public func due(at now: Instant, zone: StoreTimeZone) -> Day? {
        let today = zone.day(of: now)
        let start = zone.instant(day: today, hour: minute / 60, minute: minute % 60)
        return now >= start ? today : nil
    }
}
