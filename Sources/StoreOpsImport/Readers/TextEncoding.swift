/// The text encodings exports come in.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    /// GB18030, a superset of GBK and GB2312 (Chinese Windows exports).
    case gb18030
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"

    /// The encoding for a user's name of it (`gbk`, `GB2312`, `utf8`, `UTF-16` ...); nil when unknown.
    public init?(name: String) {
        switch name.lowercased().replacingUnderscores {
        case "utf-8", "utf8", "utf-8-sig": self = .utf8
        case "gbk", "gb2312", "gb18030", "cp936", "gb-18030": self = .gb18030
        case "utf-16", "utf-16le", "utf16", "utf16le": self = .utf16le
        case "utf-16be", "utf16be": self = .utf16be
        default: return nil
        }
    }

    /// The encoding of a file from its first bytes: a byte-order mark decides; else valid UTF-8 is UTF-8 and
    /// anything else is taken as GB18030. Returns the length of the BOM to skip.
    public static func detect(_ prefix: ArraySlice<UInt8>) -> (encoding: TextEncoding, bomLength: Int) {
        let bytes = Array(prefix.prefix(4))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16le, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16be, 2) }
        return (UTF8Validator.validPrefixLength(prefix, allowTruncatedEnd: true) == prefix.count ? .utf8 : .gb18030, 0)
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}
