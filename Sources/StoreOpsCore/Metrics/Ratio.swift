/// A rate kept as its integer parts (buyers / visitors), computed only when shown, never stored rounded.
public struct Ratio: Hashable, Sendable {
    public let numerator: Int64
    public let denominator: Int64

    public init(_ numerator: Int64, _ denominator: Int64) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Whether the rate is defined (the denominator is not zero).
    public var isDefined: Bool { denominator != 0 }

    /// The value for display or comparison; nil when undefined.
    public var value: Double? { denominator == 0 ? nil : Double(numerator) / Double(denominator) }

    /// The value rounded half away from zero to `digits` decimals, as a plain decimal string (`"0.0345"`); nil when undefined.
    public func decimalString(digits: Int = 4) -> String? {
        guard denominator != 0 else { return nil }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Money.divideRounded(numerator * scale, by: denominator)
        return Money.decimalString(minor: scaled, digits: digits)
    }

    /// The ratio as a percentage with one decimal, e.g. `42.2%` ("—" when undefined).
    public var percentString: String {
        Ratio(numerator * 100, denominator).decimalString(digits: 1).map { $0 + "%" } ?? "—"
    }
}

extension Ratio {
    /// `part / whole` rounded to basis points (as `n / 10000`), exact for any Int64 amounts.
    public static func basisPoints(_ part: Int64, of whole: Int64) -> Ratio {
        Ratio(part.scaled(by: 10_000, over: whole), 10_000)
    }
}
