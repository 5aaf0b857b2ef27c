import Foundation
import ZIPFoundation

/// Unpacks the parts of a zip archive each from exactly its own packed bytes. ZIPFoundation's `Archive.extract`
/// feeds the inflater whatever follows a part in the file, and at the end of the file it loops forever on empty
/// reads: one damaged deflate stream hung an import (found by the xlsx fuzz target). Here the input is bounded by
/// the part's packed size, so a stream that does not end within it is an error. ZIPFoundation still reads the
/// archive's directory and the parts' sizes and checksums; this type only finds where each part's bytes begin.
/// Opening one first also bounds ZIPFoundation's search for the end record, which otherwise reads the whole file
/// backwards a byte at a time when there is none (a 105 KB input took a second; 100 MB would take hours).
final class ZipPartReader {
    /// The archive's layout or a part's bytes are not what a zip file holds.
    struct Damaged: Error {}

    private let handle: FileHandle
    private let fileSize: UInt64
    /// The offset of each part's local header, in the order of the central directory (the order `Archive` lists).
    private let headerOffsets: [UInt64]

    /// Reads the layout of the zip file at `url`; throws `Damaged` unless it ends with a zip directory.
    init(url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
        fileSize = try handle.seekToEnd()
        do {
            headerOffsets = try Self.centralDirectory(handle, fileSize: fileSize)
        } catch {
            try? handle.close()
            throw error
        }
    }

    deinit { try? handle.close() }

    /// Unpacks `entry` of `archive` (the same file) in pieces of at most `bufferSize` bytes to `consume` and checks
    /// its CRC-32.
    func unpack(_ entry: Entry, of archive: Archive, bufferSize: Int = 1 << 16, _ consume: (Data) throws -> Void) throws {
        guard let index = archive.enumerated().first(where: { $0.element == entry })?.offset,
              index < headerOffsets.count else { throw Damaged() }
        let (method, dataOffset) = try localHeader(at: headerOffsets[index])
        let packed = entry.compressedSize
        guard dataOffset <= fileSize, packed <= fileSize - dataOffset else { throw Damaged() }
        try handle.seek(toOffset: dataOffset)
        var given: UInt64 = 0
        let checksum: CRC32
        switch method {
        case 0:
            var crc: CRC32 = 0
            while given < packed {
                let chunk = try read(Int(min(UInt64(bufferSize), packed - given)))
                given += UInt64(chunk.count)
                crc = chunk.crc32(checksum: crc)
                try consume(chunk)
            }
            checksum = crc
        case 8:
            // The inflater is told each chunk holds `size` bytes: past the part's end it gets zeros, never the next
            // part's bytes. A stream still open once its bytes are spent, or that unpacks past its declared size
            // from the zeros, is damaged.
            var padded = false
            var produced: UInt64 = 0
            checksum = try Data.decompress(size: Int64(packed), bufferSize: bufferSize, skipCRC32: false, provider: { _, size in
                guard given < packed else { throw Damaged() }
                var chunk = try self.read(Int(min(UInt64(size), packed - given)))
                given += UInt64(chunk.count)
                if chunk.count < size {
                    chunk.append(Data(count: size - chunk.count))
                    padded = true
                }
                return chunk
            }, consumer: { data in
                produced += UInt64(data.count)
                if padded && produced > entry.uncompressedSize { throw Damaged() }
                try consume(data)
            })
        default:
            throw Damaged()
        }
        guard checksum == entry.checksum else { throw Damaged() }
    }

    /// Exactly `count` bytes from the current offset.
    private func read(_ count: Int) throws -> Data {
        let data = try handle.read(upToCount: count) ?? Data()
        guard data.count == count else { throw Damaged() }
        return data
    }

    /// The compression method and the offset of the data of the part whose local header is at `offset`.
    private func localHeader(at offset: UInt64) throws -> (method: UInt16, dataOffset: UInt64) {
        guard offset <= fileSize, fileSize - offset >= 30 else { throw Damaged() }
        try handle.seek(toOffset: offset)
        let header = try read(30)
        guard header.littleEndian(UInt32.self, at: 0) == 0x0403_4B50 else { throw Damaged() }
        let names = UInt64(header.littleEndian(UInt16.self, at: 26)) + UInt64(header.littleEndian(UInt16.self, at: 28))
        return (header.littleEndian(UInt16.self, at: 8), offset + 30 + names)
    }

    /// The local header offsets listed by the central directory (ZIP64 included), every bound checked.
    private static func centralDirectory(_ handle: FileHandle, fileSize: UInt64) throws -> [UInt64] {
        // The end record is in the last 22 bytes plus a comment of at most 65,535.
        let tailSize = min(fileSize, 22 + 0xFFFF)
        try handle.seek(toOffset: fileSize - tailSize)
        let tail = try handle.read(upToCount: Int(tailSize)) ?? Data()
        guard tail.count == Int(tailSize), tail.count >= 22 else { throw Damaged() }
        guard let end = stride(from: tail.count - 22, through: 0, by: -1)
            .first(where: { tail.littleEndian(UInt32.self, at: $0) == 0x0605_4B50 }) else { throw Damaged() }
        var count = UInt64(tail.littleEndian(UInt16.self, at: end + 10))
        var size = UInt64(tail.littleEndian(UInt32.self, at: end + 12))
        var start = UInt64(tail.littleEndian(UInt32.self, at: end + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || start == 0xFFFF_FFFF {
            // ZIP64: the locator just before the end record gives the ZIP64 end record's offset.
            guard end >= 20, tail.littleEndian(UInt32.self, at: end - 20) == 0x0706_4B50 else { throw Damaged() }
            let record = tail.littleEndian(UInt64.self, at: end - 12)
            guard record <= fileSize, fileSize - record >= 56 else { throw Damaged() }
            try handle.seek(toOffset: record)
            let zip64 = try handle.read(upToCount: 56) ?? Data()
            guard zip64.count == 56, zip64.littleEndian(UInt32.self, at: 0) == 0x0606_4B50 else { throw Damaged() }
            count = zip64.littleEndian(UInt64.self, at: 32)
            size = zip64.littleEndian(UInt64.self, at: 40)
            start = zip64.littleEndian(UInt64.self, at: 48)
        }
        // Each directory record takes at least 46 bytes, so `count` is bounded by the file itself.
        guard start <= fileSize, size <= fileSize - start, count <= size / 46 else { throw Damaged() }
        try handle.seek(toOffset: start)
        let directory = try handle.read(upToCount: Int(size)) ?? Data()
        guard directory.count == Int(size) else { throw Damaged() }
        var offsets: [UInt64] = []
        offsets.reserveCapacity(Int(count))
        var at = 0
        for _ in 0..<count {
            guard directory.count - at >= 46, directory.littleEndian(UInt32.self, at: at) == 0x0201_4B50 else { throw Damaged() }
            let nameLength = Int(directory.littleEndian(UInt16.self, at: at + 28))
            let extraLength = Int(directory.littleEndian(UInt16.self, at: at + 30))
            let commentLength = Int(directory.littleEndian(UInt16.self, at: at + 32))
            let next = at + 46 + nameLength + extraLength + commentLength
            guard next <= directory.count else { throw Damaged() }
            var offset = UInt64(directory.littleEndian(UInt32.self, at: at + 42))
            if offset == 0xFFFF_FFFF {
                offset = try zip64Offset(directory, record: at, extra: at + 46 + nameLength, extraLength: extraLength)
            }
            offsets.append(offset)
            at = next
        }
        return offsets
    }

    /// The local header offset from the ZIP64 extra field (id 1) of the directory record at `record`: it follows the
    /// sizes that the record itself marks as too large (0xFFFFFFFF).
    private static func zip64Offset(_ directory: Data, record: Int, extra: Int, extraLength: Int) throws -> UInt64 {
        var at = extra
        while at + 4 <= extra + extraLength {
            let id = directory.littleEndian(UInt16.self, at: at)
            let length = Int(directory.littleEndian(UInt16.self, at: at + 2))
            guard at + 4 + length <= extra + extraLength else { throw Damaged() }
            if id == 1 {
                var field = at + 4
                if directory.littleEndian(UInt32.self, at: record + 24) == 0xFFFF_FFFF { field += 8 }
                if directory.littleEndian(UInt32.self, at: record + 20) == 0xFFFF_FFFF { field += 8 }
                guard field + 8 <= at + 4 + length else { throw Damaged() }
                return directory.littleEndian(UInt64.self, at: field)
            }
            at += 4 + length
        }
        throw Damaged()
    }
}

extension Data {
    /// The little-endian integer at byte `offset` from the start; the caller has checked the bounds.
    fileprivate func littleEndian<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
        var value: T = 0
        for byte in 0..<MemoryLayout<T>.size {
            value |= T(self[startIndex + offset + byte]) << (8 * byte)
        }
        return value
    }
}
