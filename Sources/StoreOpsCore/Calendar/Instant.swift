/// A moment in time: whole seconds since 1970-01-01T00:00:00Z (UTC).
public struct Instant: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    /// The instant at a wall-clock time with a fixed UTC offset (seconds east of UTC).
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, utcOffset: Int = 0) {
        guard let d = Day(year: year, month: month, day: day), (0...23).contains(hour), (0...59).contains(minute),
              (0...60).contains(second) else { return nil }
        seconds = Int64(d.number) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(utcOffset)
    }

    public func adding(seconds delta: Int64) -> Instant { Instant(seconds: seconds + delta) }
    public func adding(hours: Int) -> Instant { adding(seconds: Int64(hours) * 3600) }
    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.seconds < rhs.seconds }

    /// The UTC calendar day of this instant.
    public var utcDay: Day { Day(number: Int32(seconds.floorDiv(86_400))) }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    public var iso: String {
        let secondOfDay = Int(seconds - Int64(utcDay.number) * 86_400)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(utcDay.iso)T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }

    public var description: String { iso }
}

extension Int64 {
    /// Division rounding toward negative infinity.
    func floorDiv(_ divisor: Int64) -> Int64 {
        let (q, r) = quotientAndRemainder(dividingBy: divisor)
        return (r != 0 && (r < 0) != (divisor < 0)) ? q - 1 : q
    }
}
