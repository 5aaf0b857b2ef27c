import Foundation

/// A store's time zone: turns UTC instants into store-local calendar days and back.
public struct StoreTimeZone: Hashable, Sendable, CustomStringConvertible {
    /// The IANA identifier, e.g. `Asia/Shanghai`.
    public let identifier: String
    private let zone: TimeZone

    /// Creates a time zone from an IANA identifier; nil when the identifier is unknown.
    public init?(_ identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = zone
    }

    public static let shanghai = StoreTimeZone("Asia/Shanghai")!

    public var description: String { identifier }

    /// Seconds east of UTC in effect at `instant` (daylight saving included).
    public func utcOffset(at instant: Instant) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.seconds)))
    }

    /// The store-local calendar day of `instant`.
    public func day(of instant: Instant) -> Day {
        instant.adding(seconds: Int64(utcOffset(at: instant))).utcDay
    }

    /// The instant a local wall-clock time happens; for a time skipped by daylight saving, the later offset is used.
    public func instant(day: Day, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Instant {
        let local = Int64(day.number) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        let guess = Instant(seconds: local - Int64(utcOffset(at: Instant(seconds: local))))
        return Instant(seconds: local - Int64(utcOffset(at: guess)))
    }

    /// The instant `day` ends here (the next day's midnight): a day is over once the clock has reached it.
    public func end(of day: Day) -> Instant { instant(day: day.adding(days: 1)) }

    /// The store-local day that contains `now`, minus one: "yesterday" for the store.
    public func yesterday(now: Instant) -> Day { day(of: now).adding(days: -1) }

    public static func == (lhs: StoreTimeZone, rhs: StoreTimeZone) -> Bool { lhs.identifier == rhs.identifier }
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }
}
