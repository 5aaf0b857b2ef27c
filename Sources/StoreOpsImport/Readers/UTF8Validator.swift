/// Checks UTF-8 without building strings.
enum UTF8Validator {
    /// The length of the longest prefix of `bytes` that is valid UTF-8. With `allowTruncatedEnd`, a sequence cut
    /// off by the end of the buffer counts as valid (the next chunk completes it).
    static func validPrefixLength(_ bytes: ArraySlice<UInt8>, allowTruncatedEnd: Bool) -> Int {
        bytes.withUnsafeBufferPointer { validPrefixLength($0, allowTruncatedEnd: allowTruncatedEnd) }
    }

    static func validPrefixLength(_ bytes: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool) -> Int {
        var i = bytes.startIndex
        let end = bytes.endIndex
        guard let base = bytes.baseAddress else { return 0 }
        while i < end {
            // Eight ASCII bytes at a time.
            while i + 8 <= end, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < end else { break }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minSecond: UInt8 = 0x80, maxSecond: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; minSecond = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; maxSecond = 0x9F
            case 0xF0: length = 4; minSecond = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; maxSecond = 0x8F
            default: return i - bytes.startIndex
            }
            for k in 1..<length {
                guard i + k < end else { return allowTruncatedEnd ? bytes.count : i - bytes.startIndex }
                let c = bytes[i + k]
                let ok = k == 1 ? (c >= minSecond && c <= maxSecond) : (c >= 0x80 && c <= 0xBF)
                if !ok { return i - bytes.startIndex }
            }
            i += length
        }
        return bytes.count
    }

    /// The length of the prefix that ends on a complete character (a multi-byte character cut at the end is left out).
    static func completePrefixLength(_ bytes: ArraySlice<UInt8>) -> Int {
        var back = 0
        var i = bytes.endIndex - 1
        while i >= bytes.startIndex && back < 4 {
            let b = bytes[i]
            if b & 0xC0 != 0x80 {
                let needed = b < 0x80 ? 1 : (b >= 0xF0 ? 4 : (b >= 0xE0 ? 3 : 2))
                return needed > back + 1 ? i - bytes.startIndex : bytes.count
            }
            back += 1
            i -= 1
        }
        return bytes.count
    }
}
