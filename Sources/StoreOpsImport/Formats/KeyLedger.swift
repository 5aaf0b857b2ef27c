/// The keys a file has used so far, to find two rows that claim one key (no silent loss: the later row would
/// overwrite the earlier one). Each key is kept as a 64-bit hash with the line it was first seen on and a hash of its
/// row's content, 16 bytes a slot, so a million-order file costs about 32 MB while it is read. Two different keys
/// with one 64-bit hash (about one chance in 10^7 for a million keys) would be reported as a repeat, never merged.
struct KeyLedger {
    /// An open-addressing table of key hashes (0 marks a free slot) and, beside each, its line and content hash packed
    /// in one word. The keys are hashes already, so they index the table as they are.
    private var keys: [UInt64] = []
    private var values: [UInt64] = []
    private var count = 0

    /// An earlier use of a key: its line, and whether its row's content was the same.
    struct Earlier {
        let line: Int
        let sameContent: Bool
    }

    /// Notes that `key` is used on `line` by a row of content hash `content`; returns its earlier use, if any.
    mutating func note(_ key: String, line: Int, content: UInt64) -> Earlier? {
        let hash = max(1, KeyLedger.hash(key.utf8))
        let packed = UInt64(truncatingIfNeeded: min(max(line, 0), Int(UInt32.max))) << 32 | (content & 0xFFFF_FFFF)
        if (count + 1) * 4 > keys.count * 3 { grow() }
        let mask = keys.count - 1
        var slot = KeyLedger.slot(of: hash, mask: mask)
        while keys[slot] != 0 {
            if keys[slot] == hash {
                let earlier = values[slot]
                return Earlier(line: Int(earlier >> 32), sameContent: earlier & 0xFFFF_FFFF == content & 0xFFFF_FFFF)
            }
            slot = (slot + 1) & mask
        }
        keys[slot] = hash
        values[slot] = packed
        count += 1
        return nil
    }

    /// Doubles the table (starting at 1,024 slots) and places every key again.
    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        let size = max(1_024, keys.count * 2)
        keys = [UInt64](repeating: 0, count: size)
        values = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            var slot = KeyLedger.slot(of: key, mask: mask)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }

    /// Where a key's probe starts: FNV's low bits mix poorly (a multiplication only carries upwards), so its high bits are
    /// folded in first (the MurmurHash3 finaliser).
    private static func slot(of hash: UInt64, mask: Int) -> Int {
        var z = hash ^ hash >> 33
        z = z &* 0xFF51_AFD7_ED55_8CCD
        z ^= z >> 33
        return Int(truncatingIfNeeded: z) & mask
    }

    /// FNV-1a over bytes: stable across runs, and cheap.
    static func hash<S: Sequence>(_ bytes: S, into start: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 where S.Element == UInt8 {
        var h = start
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    /// The hash of a record's cells: its bytes eight at a time, then where each cell ends (every row of an import is
    /// hashed, so this runs at memory speed rather than a byte at a time).
    static func hash(_ record: RawRecord) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: record.storage.count)
        func mix(_ word: UInt64) {
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
        }
        record.storage.withUnsafeBytes { bytes in
            var i = 0
            while i + 8 <= bytes.count {
                mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            var tail: UInt64 = 0
            while i < bytes.count {
                tail = tail << 8 | UInt64(bytes[i])
                i += 1
            }
            mix(tail)
        }
        for end in record.ends { mix(UInt64(truncatingIfNeeded: end)) }
        return h ^ h >> 29
    }
}
