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
        withDigest(of: message) { Array($0) }
    }

    /// `prefix` followed by the first `count` bytes (at most 32) of the HMAC of `message` in lowercase hex: a buyer's
    /// pseudonym, made with one allocation at most (an import makes one per order).
    public func hexTag(of message: String, prefix: String, bytes count: Int) -> String {
        withDigest(of: message.utf8) { digest in
            let prefixLength = prefix.utf8.count
            let used = min(count, digest.count)
            return String(unsafeUninitializedCapacity: prefixLength + used * 2) { out in
                _ = out.initialize(from: prefix.utf8)
                return prefixLength + SHA256.writeHex(UnsafeRawBufferPointer(rebasing: digest[0..<used]), to: UnsafeMutableBufferPointer(rebasing: out[prefixLength...]))
            }
        }
    }

    /// Calls `body` with the HMAC of `message`. A message that fits the inner hash's last block (up to 55 bytes, as a
    /// buyer account does) is hashed on the stack, without the incremental hash's buffers.
    private func withDigest<R>(of message: some Collection<UInt8>, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let short = message.withContiguousStorageIfAvailable { bytes -> SHA256.State? in
            guard bytes.count <= SHA256.lastBlockCapacity else { return nil }
            var first = inner
            SHA256.compressLast(&first, UnsafeRawBufferPointer(bytes), length: 64 + bytes.count)
            var second = outer
            withUnsafeBytes(of: SHA256.digestWords(first)) { SHA256.compressLast(&second, $0, length: 64 + 32) }
            return second
        }
        if let state = short ?? nil { return withUnsafeBytes(of: SHA256.digestWords(state), body) }
        var first = SHA256(resumingAfterOneBlock: inner)
        first.update(message)
        var second = SHA256(resumingAfterOneBlock: outer)
        second.update(first.finalize())
        return second.finalize().withUnsafeBytes(body)
    }
}

extension SHA256 {
    /// A hash that has already compressed one 64-byte block into `state`.
    init(resumingAfterOneBlock state: State) {
        self.init()
        self.resume(state: state, length: 64)
    }
}
