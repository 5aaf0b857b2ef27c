import StoreOpsCore

/// A value bound to or read from a SQL statement, the same on SQLite and PostgreSQL: integers (money in minor
/// units, instants in epoch seconds, booleans as 0/1), text (ids, days as `YYYY-MM-DD`) or NULL.
public enum SQLValue: Hashable, Sendable {
    case int(Int64)
    case text(String)
    case null

    public static func int(_ value: Int) -> SQLValue { .int(Int64(value)) }
    public static func int(_ value: Int?) -> SQLValue { value.map { .int(Int64($0)) } ?? .null }
    public static func text(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }
    public static func money(_ value: Money) -> SQLValue { .int(value.minor) }
    public static func money(_ value: Money?) -> SQLValue { value.map { .int($0.minor) } ?? .null }
    public static func day(_ value: Day) -> SQLValue { .text(value.iso) }
    public static func day(_ value: Day?) -> SQLValue { value.map { .text($0.iso) } ?? .null }
    public static func instant(_ value: Instant) -> SQLValue { .int(value.seconds) }
    public static func instant(_ value: Instant?) -> SQLValue { value.map { .int($0.seconds) } ?? .null }
    public static func bool(_ value: Bool) -> SQLValue { .int(value ? 1 : 0) }
    public static func bool(_ value: Bool?) -> SQLValue { value.map { .int($0 ? 1 : 0) } ?? .null }
    public static func raw<R: RawRepresentable>(_ value: R) -> SQLValue where R.RawValue == String { .text(value.rawValue) }
    public static func raw<R: RawRepresentable>(_ value: R?) -> SQLValue where R.RawValue == String { value.map { .text($0.rawValue) } ?? .null }
}
