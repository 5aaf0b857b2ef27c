/// The identifier of a store: short, lower-case letters, digits, `-` and `_` (e.g. `demo`, `acme-tmall`).
public struct StoreID: Hashable, Sendable, Comparable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    /// Creates an id; nil unless it is 1-64 characters of `a-z 0-9 - _` starting with a letter or digit.
    public init?(_ rawValue: String) {
        guard StoreID.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        precondition(StoreID.isValid(value), "invalid store id literal \(value)")
        rawValue = value
    }

    public static func isValid(_ text: String) -> Bool {
        guard (1...64).contains(text.utf8.count), let first = text.utf8.first, first != UInt8(ascii: "-"),
              first != UInt8(ascii: "_") else { return false }
        return text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95 }
    }

    public var description: String { rawValue }
    public static func < (lhs: StoreID, rhs: StoreID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = StoreID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid store id \(text)"))
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
