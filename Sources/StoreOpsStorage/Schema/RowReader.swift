import StoreOpsCore

/// Reads the columns of one result row in order, as domain values. Money takes the store's currency.
public struct RowReader {
    public let store: StoreID
    public let currency: Currency
    private let values: [SQLValue]
    private var index = 0
    private let table: String

    public init(values: [SQLValue], store: StoreID, currency: Currency, table: String) {
        self.values = values
        self.store = store
        self.currency = currency
        self.table = table
    }

    private mutating func next() throws -> SQLValue {
        guard index < values.count else { throw corrupt("missing column \(index)") }
        defer { index += 1 }
        return values[index]
    }

    private func corrupt(_ what: String) -> StorageError {
        StorageError(.corruptRow, "A stored row of \(table) could not be read (\(what)). Run `storeops migrate` or restore from a backup.")
    }

    public mutating func optionalInt() throws -> Int64? {
        switch try next() {
        case .int(let v): return v
        case .null: return nil
        case .text(let t):
            guard let v = Int64(t) else { throw corrupt("integer expected, found text") }
            return v
        }
    }

    public mutating func int64() throws -> Int64 {
        guard let v = try optionalInt() else { throw corrupt("integer expected, found NULL at column \(index - 1)") }
        return v
    }

    public mutating func int() throws -> Int { Int(try int64()) }
    public mutating func optionalIntValue() throws -> Int? { try optionalInt().map { Int($0) } }

    public mutating func optionalText() throws -> String? {
        switch try next() {
        case .text(let t): return t
        case .null: return nil
        case .int(let v): return String(v)
        }
    }

    public mutating func text() throws -> String {
        guard let t = try optionalText() else { throw corrupt("text expected, found NULL at column \(index - 1)") }
        return t
    }

    public mutating func money() throws -> Money { Money(minor: try int64(), currency: currency) }
    public mutating func optionalMoney() throws -> Money? { try optionalInt().map { Money(minor: $0, currency: currency) } }
    public mutating func instant() throws -> Instant { Instant(seconds: try int64()) }
    public mutating func optionalInstant() throws -> Instant? { try optionalInt().map { Instant(seconds: $0) } }
    public mutating func bool() throws -> Bool { try int64() != 0 }
    public mutating func optionalBool() throws -> Bool? { try optionalInt().map { $0 != 0 } }

    public mutating func day() throws -> Day {
        guard let d = try optionalDay() else { throw corrupt("day expected, found NULL at column \(index - 1)") }
        return d
    }

    public mutating func optionalDay() throws -> Day? {
        guard let t = try optionalText() else { return nil }
        guard let d = Day(iso: t) else { throw corrupt("day expected, found \(t)") }
        return d
    }

    public mutating func value<R: RawRepresentable>(_ type: R.Type) throws -> R where R.RawValue == String {
        let t = try text()
        guard let v = R(rawValue: t) else { throw corrupt("unknown \(R.self) \(t)") }
        return v
    }

    public mutating func optionalValue<R: RawRepresentable>(_ type: R.Type) throws -> R? where R.RawValue == String {
        guard let t = try optionalText() else { return nil }
        guard let v = R(rawValue: t) else { throw corrupt("unknown \(R.self) \(t)") }
        return v
    }
}
