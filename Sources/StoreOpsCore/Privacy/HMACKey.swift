/// An HMAC-SHA256 key with its inner and outer pad blocks already compressed, so that authenticating a short
/// message (a buyer account) costs two compressions instead of four.
public struct HMACKey: Sendable {
    private let inner: SHA256.State
    private let outer: SHA256.State

    public init(_ key: [UInt8]) {
        var padded = key.count > 64 ? SHA256.hash(key) : key
        padded += [UInt8](repeating: 0, count: 64 - padded.count)
        var inner = SHA256.initial, outer = SHA256.initial
        padded.map { $0 ^ 0x36 }.withUnsafeBytes { SHA256.compress(&inner, blocks: $0) }
        padded.map { $0 ^ 0x5C }.withUnsafeBytes { SHA256.compress(&outer, blocks: $0) }
        self.inner = inner
        self.outer = outer
    }

    /// HMAC-SHA256 of `message`.
    public func authenticate(_ message: some Collection<UInt8>) -> [UInt8] {
        var first = SHA256(resumingAfterOneBlock: inner)
        first.update(message)
        var second = SHA256(resumingAfterOneBlock: outer)
        second.update(first.finalize())
        return second.finalize()
    }
}

extension SHA256 {
    /// A hash that has already compressed one 64-byte block into `state`.
    init(resumingAfterOneBlock state: State) {
        self.init()
        self.resume(state: state, length: 64)
    }
}
