extension Money {
    /// The amount as a plain decimal string in major units, e.g. `"1234.56"`, `"-0.05"`, `"12"` for JPY.
    public var decimalString: String { Money.decimalString(minor: minor, digits: currency.minorDigits) }

    /// Formats `minor` with `digits` decimals without any floating point.
    public static func decimalString(minor: Int64, digits: Int) -> String {
        let negative = minor < 0
        let magnitude = minor.magnitude
        guard digits > 0 else { return (negative ? "-" : "") + String(magnitude) }
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        let whole = magnitude / scale
        let fraction = String(magnitude % scale)
        let padded = String(repeating: "0", count: digits - fraction.count) + fraction
        return (negative ? "-" : "") + String(whole) + "." + padded
    }

    /// The amount with thousands separators for people, e.g. `"1,234.56"`.
    public var groupedString: String {
        let plain = decimalString
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        grouped = whole + grouped
        if parts.count == 2 { grouped += "." + parts[1] }
        return (negative ? "-" : "") + grouped
    }

    /// Parses a plain decimal in major units (`"1234.5"`, `"-3"`, `"+0.07"`) exactly, without floating point.
    /// Returns nil for anything else, or when there are more decimals than the currency has and they are not zeros.
    public init?(decimal text: String, currency: Currency) {
        guard let minor = Money.parseMinor(text, digits: currency.minorDigits) else { return nil }
        self.init(minor: minor, currency: currency)
    }

    /// Parses a decimal string to minor units with `digits` decimals; nil on malformed input or overflow.
    public static func parseMinor(_ text: String, digits: Int) -> Int64? {
        var bytes = Substring(text).utf8[...]
        guard !bytes.isEmpty else { return nil }
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenDigit = false
        var inFraction = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if inFraction { return nil }
                inFraction = true
                continue
            }
            guard byte >= 48 && byte <= 57 else { return nil }
            seenDigit = true
            let digit = Int64(byte - 48)
            if inFraction {
                if fractionDigits < digits {
                    fraction = fraction * 10 + digit
                    fractionDigits += 1
                } else if digit != 0 {
                    return nil
                }
            } else {
                let (m, o1) = whole.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(digit)
                if o1 || o2 { return nil }
                whole = a
            }
        }
        guard seenDigit else { return nil }
        while fractionDigits < digits {
            fraction *= 10
            fractionDigits += 1
        }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let (scaled, o1) = whole.multipliedReportingOverflow(by: scale)
        let (total, o2) = scaled.addingReportingOverflow(fraction)
        if o1 || o2 { return nil }
        return negative ? -total : total
    }
}
