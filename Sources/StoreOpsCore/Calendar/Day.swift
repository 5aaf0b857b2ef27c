/// A calendar day (no time, no zone), stored as days since 1970-01-01. Store days are store-local.
public struct Day: Hashable, Sendable, Comparable, Strideable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let number: Int32

    /// Creates a day from its number of days since 1970-01-01.
    public init(number: Int32) { self.number = number }

    /// Creates a day from a proleptic Gregorian date; nil when it does not exist (e.g. 2025-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(year: year, month: month),
              (1...9999).contains(year) else { return nil }
        self.number = Int32(Day.daysFromCivil(year: year, month: month, day: day))
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        // `YYYY-MM-DD` as stored: read from the bytes.
        let utf8 = text.utf8
        if utf8.count == 10, let day = utf8.withContiguousStorageIfAvailable(Day.parseISO) {
            guard let day else { return nil }
            self = day
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses `YYYY-MM-DD` from its UTF-8 bytes (as a database hands them over).
    public init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard let day = Day.parseISO(bytes) else { return nil }
        self = day
    }

    /// `YYYY-MM-DD` from ten bytes; nil when they are not that or not a calendar day.
    static func parseISO(_ b: UnsafeBufferPointer<UInt8>) -> Day? {
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// Year, month (1-12) and day of month (1-31).
    public var components: (year: Int, month: Int, day: Int) { Day.civil(fromDays: Int(number)) }
    public var year: Int { components.year }
    public var month: Int { components.month }
    public var dayOfMonth: Int { components.day }

    /// ISO weekday: Monday 1 ... Sunday 7.
    public var weekday: Int {
        let w = (Int(number) + 3) % 7  // 1970-01-01 was a Thursday (ISO 4)
        return (w < 0 ? w + 7 : w) + 1
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let c = components
        return Day.pad(c.year, 4) + "-" + Day.pad(c.month, 2) + "-" + Day.pad(c.day, 2)
    }

    public var description: String { iso }

    public func adding(days: Int) -> Day { Day(number: number + Int32(days)) }
    public func distance(to other: Day) -> Int { Int(other.number - number) }
    public func advanced(by n: Int) -> Day { adding(days: n) }
    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.number < rhs.number }

    /// The first day of this day's month.
    public var startOfMonth: Day { Day(year: year, month: month, day: 1)! }

    /// Number of days in a month.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD day: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    // Howard Hinnant's civil-from-days algorithms.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
