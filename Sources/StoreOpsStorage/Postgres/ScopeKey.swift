import StoreOpsCore

/// The secret that signs a PostgreSQL handle's store scope. The row-level security policies honour a scope only
/// with its HMAC under this key, which the database keeps where only the tables' owner can read it: the
/// application role learns it from its configuration (`STOREOPS_SCOPE_KEY`), so SQL run as that role (an injected
/// statement, a forgotten filter) cannot widen its own scope.
public struct ScopeKey: Sendable, Equatable {
    /// The key's bytes (32 when made by StoreOps).
    public let bytes: [UInt8]

    /// A key from its hex form: 32 to 64 bytes; nil for anything else.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2), (64...128).contains(digits.count) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for pair in stride(from: 0, to: digits.count, by: 2) {
            guard let high = Self.nibble(digits[pair]), let low = Self.nibble(digits[pair + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self.bytes = bytes
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// A new key of 32 random bytes.
    static func random() -> ScopeKey {
        var generator = SystemRandomNumberGenerator()
        return ScopeKey(bytes: (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// The key in lower-case hex, as `storeops migrate` prints it.
    public var hex: String { SHA256.hex(bytes) }

    /// The key zero-padded to SHA-256's 64-byte block and XORed with HMAC's inner (0x36) and outer (0x5c) pads, as
    /// the database keeps it (keys are at most 64 bytes, so never hashed first).
    var pads: (inner: [UInt8], outer: [UInt8]) {
        let block = bytes + [UInt8](repeating: 0, count: 64 - bytes.count)
        return (block.map { $0 ^ 0x36 }, block.map { $0 ^ 0x5C })
    }

    /// The signature of a `storeops.scope` setting, as the database's `storeops_scope()` computes it.
    func sign(_ setting: String) -> String { SHA256.hex(SHA256.hmac(key: bytes, message: Array(setting.utf8))) }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
