import CStoreOpsSHA

/// SHA-256 (FIPS 180-4), incremental, for file fingerprints in the import ledger and salted buyer pseudonyms.
///
/// Written for throughput: whole blocks are compressed straight from the caller's bytes, with the CPU's SHA
/// instructions where it has them (CStoreOpsSHA) and else in Swift with the message schedule on the stack;
/// nothing is allocated per block (an import fingerprints files of hundreds of MB and pseudonymises every
/// order's buyer).
public struct SHA256: Sendable {
    private var state = SHA256.initial
    /// The bytes of an incomplete block (fewer than 64).
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    public init() {}

    /// Feeds `bytes` to the hash.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        if let done = bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) { return done }
        update(Array(bytes))
    }

    /// Feeds the bytes at `buffer` to the hash.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        length &+= UInt64(buffer.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, buffer.count)
            pending.append(contentsOf: buffer[0..<take])
            offset = take
            guard pending.count == 64 else { return }
            pending.withUnsafeBytes { SHA256.compress(&state, blocks: $0) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = (buffer.count - offset) / 64 * 64
        if whole > 0, let base = buffer.baseAddress {
            SHA256.compress(&state, blocks: UnsafeRawBufferPointer(start: base + offset, count: whole))
            offset += whole
        }
        if offset < buffer.count { pending.append(contentsOf: buffer[offset...]) }
    }

    /// The 32-byte digest; the value is not usable afterwards.
    public mutating func finalize() -> [UInt8] {
        let bits = length &* 8
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bits >> (UInt64(i) * 8))) }
        tail.withUnsafeBytes { SHA256.compress(&state, blocks: $0) }
        pending = []
        return SHA256.bytes(of: state)
    }

    /// The digest of `bytes`.
    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var h = SHA256()
        h.update(bytes)
        return h.finalize()
    }

    /// HMAC-SHA256 of `message` under `key`.
    public static func hmac(key: [UInt8], message: some Collection<UInt8>) -> [UInt8] {
        HMACKey(key).authenticate(message)
    }

    /// Lower-case hex of bytes.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { writeHex(bytes, to: $0) }
    }

    /// Writes `bytes` in lowercase hex at the start of `out` (at least twice as long) and returns the count written.
    static func writeHex(_ bytes: some Collection<UInt8>, to out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let digits: StaticString = "0123456789abcdef"
        var i = 0
        for byte in bytes {
            out[i] = digits.utf8Start[Int(byte >> 4)]
            out[i + 1] = digits.utf8Start[Int(byte & 0x0F)]
            i += 2
        }
        return i
    }

    /// The most message bytes a final block holds with its padding and length.
    static let lastBlockCapacity = 55

    /// Compresses the final block of a message of `length` bytes: `tail` (its last, at most `lastBlockCapacity`,
    /// bytes after the whole blocks already compressed into `state`), the padding and the length.
    static func compressLast(_ state: inout State, _ tail: UnsafeRawBufferPointer, length: Int) {
        precondition(tail.count <= lastBlockCapacity, "the tail does not fit the last block")
        withUnsafeTemporaryAllocation(byteCount: 64, alignment: 8) { block in
            block.initializeMemory(as: UInt8.self, repeating: 0)
            if !tail.isEmpty { block.copyMemory(from: tail) }
            block[tail.count] = 0x80
            block.storeBytes(of: (UInt64(length) &* 8).bigEndian, toByteOffset: 56, as: UInt64.self)
            compress(&state, blocks: UnsafeRawBufferPointer(block))
        }
    }

    /// The state's words in big-endian byte order: their bytes in memory are the digest.
    static func digestWords(_ state: State) -> State {
        (state.0.bigEndian, state.1.bigEndian, state.2.bigEndian, state.3.bigEndian,
         state.4.bigEndian, state.5.bigEndian, state.6.bigEndian, state.7.bigEndian)
    }

    /// Continues from `state` after `length` bytes (a multiple of 64) were compressed.
    mutating func resume(state: State, length: UInt64) {
        self.state = state
        self.length = length
        pending = []
    }

    // MARK: the compression function

    typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    static let initial: State = (0x6A09_E667, 0xBB67_AE85, 0x3C6E_F372, 0xA54F_F53A, 0x510E_527F, 0x9B05_688C, 0x1F83_D9AB, 0x5BE0_CD19)

    static func bytes(of state: State) -> [UInt8] {
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        var out = [UInt8](repeating: 0, count: 32)
        for (i, word) in words.enumerated() {
            out[i * 4] = UInt8(truncatingIfNeeded: word >> 24)
            out[i * 4 + 1] = UInt8(truncatingIfNeeded: word >> 16)
            out[i * 4 + 2] = UInt8(truncatingIfNeeded: word >> 8)
            out[i * 4 + 3] = UInt8(truncatingIfNeeded: word)
        }
        return out
    }

    private static let k: [UInt32] = [
        0x428A_2F98, 0x7137_4491, 0xB5C0_FBCF, 0xE9B5_DBA5, 0x3956_C25B, 0x59F1_11F1, 0x923F_82A4, 0xAB1C_5ED5, 0xD807_AA98, 0x1283_5B01,
        0x2431_85BE, 0x550C_7DC3, 0x72BE_5D74, 0x80DE_B1FE, 0x9BDC_06A7, 0xC19B_F174, 0xE49B_69C1, 0xEFBE_4786, 0x0FC1_9DC6, 0x240C_A1CC,
        0x2DE9_2C6F, 0x4A74_84AA, 0x5CB0_A9DC, 0x76F9_88DA, 0x983E_5152, 0xA831_C66D, 0xB003_27C8, 0xBF59_7FC7, 0xC6E0_0BF3, 0xD5A7_9147,
        0x06CA_6351, 0x1429_2967, 0x27B7_0A85, 0x2E1B_2138, 0x4D2C_6DFC, 0x5338_0D13, 0x650A_7354, 0x766A_0ABB, 0x81C2_C92E, 0x9272_2C85,
        0xA2BF_E8A1, 0xA81A_664B, 0xC24B_8B70, 0xC76C_51A3, 0xD192_E819, 0xD699_0624, 0xF40E_3585, 0x106A_A070, 0x19A4_C116, 0x1E37_6C08,
        0x2748_774C, 0x34B0_BCB5, 0x391C_0CB3, 0x4ED8_AA4A, 0x5B9C_CA4F, 0x682E_6FF3, 0x748F_82EE, 0x78A5_636F, 0x84C8_7814, 0x8CC7_0208,
        0x90BE_FFFA, 0xA450_6CEB, 0xBEF9_A3F7, 0xC671_78F2,
    ]

    /// Whether this CPU has SHA instructions that `compress` uses.
    static let accelerated = storeops_sha256_accelerated() != 0

    /// Compresses every 64-byte block of `blocks` (its count is a multiple of 64) into `state`.
    static func compress(_ state: inout State, blocks: UnsafeRawBufferPointer) {
        guard let base = blocks.baseAddress, blocks.count >= 64 else { return }
        if accelerated {
            withUnsafeMutableBytes(of: &state) { words in
                storeops_sha256_compress(words.baseAddress!.assumingMemoryBound(to: UInt32.self), base.assumingMemoryBound(to: UInt8.self), blocks.count / 64)
            }
        } else {
            compressPortably(&state, blocks: blocks)
        }
    }

    /// `compress` in Swift, for CPUs without SHA instructions (and to check the accelerated path against).
    static func compressPortably(_ state: inout State, blocks: UnsafeRawBufferPointer) {
        guard let base = blocks.baseAddress else { return }
        k.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                var offset = 0
                while offset + 64 <= blocks.count {
                    let block = base + offset
                    for t in 0..<16 { w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self)) }
                    for t in 16..<64 {
                        let x = w[t - 15], y = w[t - 2]
                        let s0 = x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x >> 3)
                        let s1 = y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y >> 10)
                        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                    }
                    var (a, b, c, d, e, f, g, h) = state
                    for t in 0..<64 {
                        let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                        let ch = (e & f) ^ (~e & g)
                        let t1 = h &+ s1 &+ ch &+ k[t] &+ w[t]
                        let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                        let maj = (a & b) ^ (a & c) ^ (b & c)
                        (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ s0 &+ maj)
                    }
                    state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
                    offset += 64
                }
            }
        }
    }
}

extension UInt32 {
    @inline(__always) func rotatedRight(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
