/// The keys a file has used so far, to find two rows that claim one key (no silent loss: the later row would
/// overwrite the earlier one). Each key is kept as a 64-bit hash with the line it was first seen on and a hash of its
/// row's content, 16 bytes a key, so a million-order file costs about 32 MB while it is read.
struct KeyLedger {
    private var seen: [UInt64: UInt64] = [:]

    /// An earlier use of a key: its line, and whether its row's content was the same.
    struct Earlier {
        let line: Int
        let sameContent: Bool
    }

    /// Notes that `key` is used on `line` by a row of content hash `content`; returns its earlier use, if any.
    mutating func note(_ key: String, line: Int, content: UInt64) -> Earlier? {
        let hash = KeyLedger.hash(key.utf8)
        let packed = UInt64(truncatingIfNeeded: min(max(line, 0), Int(UInt32.max))) << 32 | (content & 0xFFFF_FFFF)
        if let earlier = seen[hash] {
            return Earlier(line: Int(earlier >> 32), sameContent: earlier & 0xFFFF_FFFF == content & 0xFFFF_FFFF)
        }
        seen[hash] = packed
        return nil
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
