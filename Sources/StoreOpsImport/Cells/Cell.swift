import StoreOpsCore

/// Parsers for the cells of real exports. Every parser first `clean`s the text: trims spaces and tabs, unwraps
/// ids protected from spreadsheets (`="123"`, a leading `'` or tab) and reads `-`, `--` and `—` as empty. An
/// empty cell parses to nil; a malformed one throws `CellError`.
public enum Cell {
    static let emptyMarkers: Set<String> = ["-", "--", "—", "/", "N/A", "n/a", "null", "NULL"]

    /// The cell's text without protection and padding; nil when empty.
    public static func clean(_ raw: String) -> String? {
        var s = Substring(raw)
        while let c = s.first, c == " " || c == "\t" || c == "\u{3000}" || c == "\u{FEFF}" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\u{3000}" || c == "\r" || c == "\n" { s = s.dropLast() }
        if s.hasPrefix("=\""), s.hasSuffix("\""), s.count >= 3 { s = s.dropFirst(2).dropLast() }
        if s.hasPrefix("'") { s = s.dropFirst() }
        let text = String(s)
        return text.isEmpty || emptyMarkers.contains(text) ? nil : text
    }

    /// An identifier (order number, SKU code): cleaned, and a `No:` prefix of tracking numbers removed.
    public static func id(_ raw: String) -> String? {
        guard var text = clean(raw) else { return nil }
        for prefix in ["No:", "No：", "NO:"] where text.hasPrefix(prefix) { text = String(text.dropFirst(prefix.count)).trimmingSpaces }
        return text.isEmpty ? nil : text
    }

    /// Free text, cleaned.
    public static func text(_ raw: String) -> String? { clean(raw) }

    // MARK: numbers

    static let currencySymbols: [(String, [String])] = [
        ("CA$", ["CAD"]), ("US$", ["USD"]), ("A$", ["AUD"]), ("HK$", ["HKD"]), ("NT$", ["TWD"]), ("RMB", ["CNY"]), ("Rs.", ["INR"]), ("₹", ["INR"]), ("CNY", ["CNY"]),
        ("USD", ["USD"]), ("CAD", ["CAD"]), ("GBP", ["GBP"]), ("EUR", ["EUR"]), ("JPY", ["JPY"]), ("¥", ["CNY", "JPY"]), ("￥", ["CNY", "JPY"]),
        ("元", ["CNY"]), ("$", ["USD", "CAD", "AUD", "HKD", "SGD", "NZD", "MXN", "TWD"]), ("£", ["GBP"]), ("€", ["EUR"]),
    ]

    /// Money in major units (`¥1,234.50`, `£38,793.82`, `0元`, `(12.00)`); with `inFen`, an integer count of fen.
    /// Values with more decimals than the currency has (spreadsheet floats) are rounded half away from zero.
    /// A currency symbol of another currency is an error.
    public static func money(_ raw: String, currency: Currency, inFen: Bool = false) throws -> Money? {
        guard var text = clean(raw) else { return nil }
        var negative = false
        if text.hasPrefix("(") && text.hasSuffix(")") { negative = true; text = String(text.dropFirst().dropLast()) }
        if text.hasPrefix("-") { negative.toggle(); text = String(text.dropFirst()) }
        // A plain number (the common case) needs no symbol handling.
        let plain = text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 }
        for (symbol, currencies) in currencySymbols where !plain && text.utf8.containsBytes(symbol.utf8) {
            guard currencies.contains(currency.code) else {
                throw CellError("The amount is in \(currencies[0]), but the store's currency is \(currency.code)",
                                hint: "Import it into a store with currency \(currencies[0]), or convert the amounts first",
                                zh: ("金额的币种是 \(currencies[0])，但店铺的币种是 \(currency.code)", "导入币种为 \(currencies[0]) 的店铺，或先换算金额"))
            }
            text = text.replacingAll(symbol, with: "")
        }
        if !plain { text = decimalComma(text).filter { $0 != "," && $0 != " " && $0 != "\u{00A0}" } }
        if text.hasPrefix("-") { negative.toggle(); text = String(text.dropFirst()) }
        let digits = inFen ? 0 : currency.minorDigits
        guard let minor = decimal(text, digits: digits, round: !inFen) else {
            throw CellError("Not an amount of money", hint: inFen ? "The column is in fen (分): expected a whole number" : "Expected a number such as 1234.50",
                            zh: ("不是金额", inFen ? "这一列以分为单位：应为整数" : "应为 1234.50 这样的数字"))
        }
        return Money(minor: negative ? -minor : minor, currency: currency)
    }

    /// `12,50` and `1.234,56` (a decimal comma: one or two digits after the last comma, dots only before it) as
    /// `12.50` and `1234.56`; anything else as it is. Thousands separators group three digits, so `1,234` stays a
    /// thousand and more.
    static func decimalComma(_ text: String) -> String {
        guard let comma = text.lastIndex(of: ",") else { return text }
        let after = text[text.index(after: comma)...]
        guard (1...2).contains(after.count), after.allSatisfy({ $0.isASCII && $0.isNumber }),
              !text[..<comma].contains(","), !after.contains(".") else { return text }
        return text[..<comma].filter { $0 != "." } + "." + after
    }

    /// A whole count (`13,910`, `1125`, `1.0`).
    public static func count(_ raw: String) throws -> Int? {
        guard let text = clean(raw)?.filter({ $0 != "," && $0 != " " }) else { return nil }
        if let value = Int(text) { return value }
        if let scaled = decimal(text, digits: 0, round: false) { return Int(scaled) }
        throw CellError("Not a whole number", hint: "Expected a count such as 1,125", zh: ("不是整数", "应为 1,125 这样的数量"))
    }

    /// A share in parts per million: `1.60%` → 16,000; `0.016` → 16,000.
    public static func ppm(_ raw: String) throws -> Int64? {
        guard var text = clean(raw)?.filter({ $0 != "," && $0 != " " }) else { return nil }
        var scaleDigits = 6
        if text.hasSuffix("%") {
            text = String(text.dropLast())
            scaleDigits = 4
        }
        guard let value = decimal(text, digits: scaleDigits) else { throw CellError("Not a percentage", hint: "Expected a value such as 3.45% or 0.0345", zh: ("不是百分比", "应为 3.45% 或 0.0345 这样的值")) }
        return value
    }

    /// A duration in seconds: `00:01:23`, `01:23`, `83`, `83秒`, `1分23秒`, `12.5`; at most about 31 years.
    public static func seconds(_ raw: String) throws -> Int? {
        guard let text = clean(raw) else { return nil }
        let malformed = CellError("Not a duration", hint: "Expected hh:mm:ss such as 00:01:23", zh: ("不是时长", "应为 00:01:23 这样的 时:分:秒"))
        let tooLong = CellError("The duration is out of range: at most \(Limits.seconds) seconds", hint: "Check the cell",
                                zh: ("时长超出范围：最多 \(Limits.seconds) 秒", "请检查这个单元格"))
        // Each part and the running total stay under the limit, so no step can overflow.
        func add(_ total: Int, _ part: Substring, times unit: Int) throws -> Int {
            guard !part.isEmpty, part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { throw malformed }
            guard part.utf8.count <= 10, let n = Int(part) else { throw tooLong }
            guard n <= Limits.seconds / unit, total <= Limits.seconds - n * unit else { throw tooLong }
            return total + n * unit
        }
        if text.contains(":") {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 2, parts.count <= 3 else { throw malformed }
            var total = 0
            for part in parts {
                guard total <= Limits.seconds / 60 else { throw tooLong }
                total = try add(total * 60, part, times: 1)
            }
            return total
        }
        if text.contains("分") || text.contains("秒") || text.contains("时") {
            var total = 0
            var number = Substring()
            var start = text.startIndex
            for i in text.indices {
                let c = text[i]
                if c.isASCII && c.isNumber { continue }
                number = text[start..<i]
                start = text.index(after: i)
                let unit = switch c {
                case "时", "小": 3600
                case "分": 60
                case "秒": 1
                default: 0
                }
                if unit > 0, !number.isEmpty { total = try add(total, number, times: unit) }
            }
            return total
        }
        guard let whole = decimal(text, digits: 0) else { throw CellError("Not a duration", hint: "Expected seconds or hh:mm:ss", zh: ("不是时长", "应为秒数或 时:分:秒")) }
        guard whole.magnitude <= Limits.seconds else { throw tooLong }
        return Int(whole)
    }

    /// A yes/no cell (`是`, `否`, `TRUE`, `yes`, `1`).
    public static func flag(_ raw: String) -> Bool? {
        guard let text = clean(raw)?.lowercased() else { return nil }
        if ["是", "true", "yes", "y", "1", "需要"].contains(text) { return true }
        if ["否", "false", "no", "n", "0", "不需要"].contains(text) { return false }
        return nil
    }

    /// A store score (DSR) from 0 to 5 in ten-thousandths (`4.8123` is 48123), or nil.
    public static func score(_ text: String) -> Int? {
        guard let value = decimal(text, digits: 4), (0...50_000).contains(value) else { return nil }
        return Int(value)
    }

    /// Parses a plain decimal, also in scientific notation (`2.5E-2`), to `digits` decimals; rounds extra
    /// decimals half away from zero unless `round` is false (then they must be zeros).
    static func decimal(_ text: String, digits: Int, round: Bool = true) -> Int64? {
        // No number of this many characters fits: refuse before looking at each one.
        guard text.utf8.count <= 1_000 else { return nil }
        var mantissa = Substring(text)
        var exponent = 0
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            // Beyond ±400 every Int64 overflows or rounds to zero: refuse rather than loop (`0e999999999999999`).
            guard let exp = Int(mantissa[mantissa.index(after: e)...]), (-400...400).contains(exp) else { return nil }
            exponent = exp
            mantissa = mantissa[..<e]
        }
        var negative = false
        if mantissa.first == "-" || mantissa.first == "+" { negative = mantissa.first == "-"; mantissa = mantissa.dropFirst() }
        var allDigits: [Int64] = []
        var pointPosition: Int?
        for c in mantissa {
            if c == "." {
                if pointPosition != nil { return nil }
                pointPosition = allDigits.count
            } else if let d = c.wholeNumberValue, c.isASCII {
                allDigits.append(Int64(d))
            } else {
                return nil
            }
        }
        guard !allDigits.isEmpty, allDigits.count <= 1_000 else { return nil }
        // The value is 0.allDigits x 10^(point + exponent); keep `digits` decimals.
        let integerDigits = (pointPosition ?? allDigits.count) + exponent + digits
        var result: Int64 = 0
        for i in 0..<max(0, integerDigits) {
            let d = i < allDigits.count ? allDigits[i] : 0
            let (m, o1) = result.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            result = a
        }
        let rest = allDigits.dropFirst(max(0, integerDigits))
        if let first = rest.first {
            if !round && rest.contains(where: { $0 != 0 }) { return nil }
            if round && first >= 5 && integerDigits >= 0 {
                let (next, overflow) = result.addingReportingOverflow(1)
                if overflow { return nil }
                result = next
            }
            if round && integerDigits < 0 { result = 0 }
        }
        return negative ? -result : result
    }
}

extension String.UTF8View {
    /// Whether the bytes of `needle` occur in these bytes (no Foundation, no locale).
    func containsBytes(_ needle: String.UTF8View) -> Bool {
        Array(self).containsBytes(Array(needle))
    }
}

extension RandomAccessCollection where Element == UInt8, Index == Int {
    /// Whether `needle` occurs in these bytes.
    func containsBytes(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first, count >= needle.count else { return needle.isEmpty }
        for start in startIndex...(endIndex - needle.count) where self[start] == first {
            if self[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, utf8.containsBytes(target.utf8) else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        guard let first = target.first else { return nil }
        var i = startIndex
        while let start = self[i...].firstIndex(of: first) {
            if self[start...].hasPrefix(target) { return start..<index(start, offsetBy: target.count) }
            i = index(after: start)
        }
        return nil
    }
}
