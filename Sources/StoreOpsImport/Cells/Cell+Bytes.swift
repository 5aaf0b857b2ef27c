import StoreOpsCore

/// Fast paths of the cell parsers over a cell's UTF-8 bytes, for the forms exports write nearly always (`34.00`,
/// `1125`, `2026-10-31 23:59:42`, plain text). A cell in any other form answers `.other`, and the caller falls back
/// to the general parser on its text, which stays the one definition of what a cell means: a fast path either
/// agrees with it or does not apply (tests compare the two).
extension Cell {
    /// What the fast path made of a cell.
    enum Fast<T> {
        /// An empty cell.
        case empty
        case value(T)
        /// Not a form the fast path reads: use the general parser.
        case other
    }

    /// The cell's bytes without ASCII padding when nothing else of `clean` applies to them (no protection, no
    /// full-width space or byte-order mark, no empty marker); `.other` when the general `clean` must look at it.
    static func plainBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Fast<UnsafeBufferPointer<UInt8>> {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D || bytes[end - 1] == 0x0A { end -= 1 }
        if start == end { return .empty }
        let first = bytes[start], last = bytes[end - 1]
        // `="...`, a leading `'`, a full-width space (E3 80 80) or BOM (EF BB BF) at either end.
        if first == 0x3D || first == 0x27 || first == 0xE3 || first == 0xEF || last == 0x80 || last == 0xBF { return .other }
        // Empty markers (`-`, `--`, `—`, `/`, `N/A`, `null` ...) are at most 4 bytes and do not start with a digit.
        if end - start <= 4, !(first >= 0x30 && first <= 0x39) { return .other }
        return .value(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    /// Free text.
    static func fastText(_ bytes: UnsafeBufferPointer<UInt8>) -> Fast<String> {
        switch plainBytes(bytes) {
        case .empty: return .empty
        case .other: return .other
        case .value(let b): return .value(String(decoding: b, as: UTF8.self))
        }
    }

    /// An identifier without a `No:` prefix.
    static func fastID(_ bytes: UnsafeBufferPointer<UInt8>) -> Fast<String> {
        guard case .value(let b) = plainBytes(bytes) else { return fastText(bytes) }
        if b[0] == UInt8(ascii: "N") { return .other }
        return .value(String(decoding: b, as: UTF8.self))
    }

    /// A plain decimal `-?d+(.d{0,digits})?` in minor units of `digits` decimals.
    static func fastDecimal(_ bytes: UnsafeBufferPointer<UInt8>, digits: Int) -> Fast<Int64> {
        guard case .value(let b) = plainBytes(bytes) else {
            if case .empty = plainBytes(bytes) { return .empty }
            return .other
        }
        var i = 0
        var negative = false
        if b[0] == UInt8(ascii: "-") { negative = true; i = 1 }
        var value: Int64 = 0
        var integerDigits = 0
        while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
            value = value &* 10 &+ Int64(b[i] &- 0x30)
            integerDigits += 1
            i += 1
        }
        guard integerDigits > 0, integerDigits <= 15 else { return .other }
        var decimals = 0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39, decimals < digits {
                value = value &* 10 &+ Int64(b[i] &- 0x30)
                decimals += 1
                i += 1
            }
        }
        guard i == b.count else { return .other }
        while decimals < digits { value &*= 10; decimals += 1 }
        return .value(negative ? -value : value)
    }

    /// `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DD HH:MM` or `YYYY-MM-DD` (also with `/`), zero-padded.
    static func fastTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Fast<LocalTime> {
        guard case .value(let b) = plainBytes(bytes) else {
            if case .empty = plainBytes(bytes) { return .empty }
            return .other
        }
        let n = b.count
        guard n == 10 || n == 16 || n == 19 else { return .other }
        func digit(_ i: Int) -> Int? {
            let c = b[i]
            return c >= 0x30 && c <= 0x39 ? Int(c &- 0x30) : nil
        }
        func number(_ from: Int, _ count: Int) -> Int? {
            var v = 0
            for i in from..<(from + count) {
                guard let d = digit(i) else { return nil }
                v = v * 10 + d
            }
            return v
        }
        let dash = b[4]
        guard dash == UInt8(ascii: "-") || dash == UInt8(ascii: "/"), b[7] == dash,
              let year = number(0, 4), year > 31, let month = number(5, 2), let dayOfMonth = number(8, 2),
              let day = Day(year: year, month: month, day: dayOfMonth) else { return .other }
        var second = 0
        if n > 10 {
            guard b[10] == 0x20, b[13] == UInt8(ascii: ":"), let hour = number(11, 2), let minute = number(14, 2), hour < 24, minute < 60 else { return .other }
            second = hour * 3600 + minute * 60
            if n == 19 {
                guard b[16] == UInt8(ascii: ":"), let s = number(17, 2), s < 61 else { return .other }
                second += s
            }
        }
        return .value(LocalTime(day: day, secondOfDay: second, utcOffset: nil))
    }
}
