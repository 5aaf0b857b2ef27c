/// An amount of money: integer minor units (fen, cents) of one currency. Never floating point.
public struct Money: Hashable, Sendable, Codable {
    /// The amount in minor units of `currency`.
    public var minor: Int64
    /// The currency of the amount.
    public var currency: Currency

    /// Creates an amount of `minor` minor units.
    public init(minor: Int64, currency: Currency) {
        self.minor = minor
        self.currency = currency
    }

    /// Zero in `currency`.
    public static func zero(_ currency: Currency) -> Money { Money(minor: 0, currency: currency) }

    public var isZero: Bool { minor == 0 }
    public var isNegative: Bool { minor < 0 }

    /// Adds two amounts of the same currency. Mixing currencies is a programming error.
    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "adding \(lhs.currency) to \(rhs.currency)")
        return Money(minor: lhs.minor + rhs.minor, currency: lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "subtracting \(rhs.currency) from \(lhs.currency)")
        return Money(minor: lhs.minor - rhs.minor, currency: lhs.currency)
    }

    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }

    public static prefix func - (value: Money) -> Money { Money(minor: -value.minor, currency: value.currency) }

    /// The amount times an integer count (a unit price times a quantity).
    public static func * (lhs: Money, rhs: Int64) -> Money { Money(minor: lhs.minor * rhs, currency: lhs.currency) }

    /// The sum of two amounts of the same currency, or nil when it does not fit (for values read from files).
    public func adding(_ other: Money) -> Money? {
        precondition(currency == other.currency, "adding \(other.currency) to \(currency)")
        let (sum, overflow) = minor.addingReportingOverflow(other.minor)
        return overflow ? nil : Money(minor: sum, currency: currency)
    }

    /// The amount times `count`, or nil when it does not fit (for values read from files).
    public func multiplied(by count: Int64) -> Money? {
        let (product, overflow) = minor.multipliedReportingOverflow(by: count)
        return overflow ? nil : Money(minor: product, currency: currency)
    }

    /// The amount times `numerator / denominator`, rounded half away from zero to the minor unit.
    public func scaled(by numerator: Int64, over denominator: Int64) -> Money {
        Money(minor: Money.divideRounded(minor * numerator, by: denominator), currency: currency)
    }

    /// The amount times a rate in parts per million (a fee of 0.6 % is 6,000 ppm), rounded to the minor unit.
    public func applying(ppm: Int64) -> Money { scaled(by: ppm, over: 1_000_000) }

    /// Integer division rounded half away from zero. `denominator` must not be zero.
    public static func divideRounded(_ numerator: Int64, by denominator: Int64) -> Int64 {
        precondition(denominator != 0, "division by zero")
        let (q, r) = numerator.quotientAndRemainder(dividingBy: denominator)
        if r == 0 { return q }
        let twice = r.magnitude * 2
        guard twice >= denominator.magnitude else { return q }
        return (numerator < 0) != (denominator < 0) ? q - 1 : q + 1
    }
}

extension Money: Comparable {
    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing \(lhs.currency) with \(rhs.currency)")
        return lhs.minor < rhs.minor
    }
}

extension Sequence where Element == Money {
    /// The sum of the amounts, or zero in `currency` when empty.
    public func sum(in currency: Currency) -> Money { reduce(.zero(currency), +) }
}
