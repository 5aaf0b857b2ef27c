/// An ISO 4217 currency with the number of digits of its minor unit (2 for CNY, 0 for JPY).
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The three-letter ISO 4217 code, upper case.
    public let code: String
    /// Digits after the decimal point in the major unit (fen: 2).
    public let minorDigits: Int

    /// Creates a currency from its code; the minor digits come from ISO 4217 (2 unless known otherwise).
    public init(_ code: String) {
        let upper = code.uppercased()
        self.code = upper
        self.minorDigits = Currency.zeroDecimal.contains(upper) ? 0 : (Currency.threeDecimal.contains(upper) ? 3 : 2)
    }

    /// Whether `code` looks like an ISO 4217 code (three ASCII letters).
    public static func isValidCode(_ code: String) -> Bool {
        code.count == 3 && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
    }

    public var description: String { code }

    /// 10^minorDigits, the number of minor units in one major unit.
    public var minorPerMajor: Int64 {
        var result: Int64 = 1
        for _ in 0..<minorDigits { result *= 10 }
        return result
    }

    public static let cny = Currency("CNY")
    public static let usd = Currency("USD")

    private static let zeroDecimal: Set<String> = ["JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF"]
    private static let threeDecimal: Set<String> = ["BHD", "KWD", "OMR", "JOD", "TND"]
}
