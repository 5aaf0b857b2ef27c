/// A Compound File Binary (the container of legacy Office files, `[MS-CFB]`) read from memory: its directory and the
/// bytes of a stream by name. Every sector number is checked against the file, no sector is listed twice in the FAT's
/// own list, and every chain stops after as many sectors as the file has, so a damaged or hostile file is an error,
/// never a crash, an endless loop or more memory than the file's size.
struct CompoundFile {
    private let bytes: [UInt8]
    private let sectorSize: Int
    /// The sectors the file has room for: no chain can be longer.
    private let sectorCount: Int
    private let miniSectorSize: Int
    private let miniCutoff: Int
    private let fat: [UInt32]
    private var miniFAT: [UInt32]
    private var entries: [Entry]

    /// A directory entry.
    struct Entry {
        let name: String
        /// 1 storage, 2 stream, 5 root.
        let type: UInt8
        let start: UInt32
        let size: Int
    }

    /// Why the container cannot be read.
    struct Damaged: Error {
        let reason: String
    }

    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    private static let endOfChain: UInt32 = 0xFFFF_FFFE, free: UInt32 = 0xFFFF_FFFF

    /// Whether `bytes` start like a compound file.
    static func matches(_ bytes: ArraySlice<UInt8>) -> Bool { bytes.prefix(8).elementsEqual(signature) }

    init(_ bytes: [UInt8]) throws {
        guard bytes.count >= 512, CompoundFile.matches(bytes[...]) else { throw Damaged(reason: "no compound-file header") }
        self.bytes = bytes
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24 }
        let sectorShift = u16(0x1E), miniShift = u16(0x20)
        guard sectorShift == 9 || sectorShift == 12, miniShift == 6 else { throw Damaged(reason: "unknown sector size") }
        sectorSize = 1 << sectorShift
        miniSectorSize = 1 << miniShift
        miniCutoff = Int(u32(0x38))
        let sectorCount = max(0, (bytes.count - sectorSize) / sectorSize)
        self.sectorCount = sectorCount
        // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
        var fatSectors: [UInt32] = (0..<109).map { u32(0x4C + $0 * 4) }.filter { $0 < 0xFFFF_FFFA }
        var difat = u32(0x44)
        var hops = 0
        while difat < 0xFFFF_FFFA {
            hops += 1
            guard hops <= sectorCount, let start = CompoundFile.offset(of: difat, sectorSize: sectorSize, in: bytes.count) else {
                throw Damaged(reason: "broken DIFAT chain")
            }
            let perSector = sectorSize / 4 - 1
            fatSectors += (0..<perSector).map { u32(start + $0 * 4) }.filter { $0 < 0xFFFF_FFFA }
            difat = u32(start + perSector * 4)
        }
        guard fatSectors.count <= sectorCount, Set(fatSectors).count == fatSectors.count else { throw Damaged(reason: "broken FAT") }
        var fat: [UInt32] = []
        for sector in fatSectors {
            guard let start = CompoundFile.offset(of: sector, sectorSize: sectorSize, in: bytes.count) else { throw Damaged(reason: "FAT sector out of the file") }
            fat += (0..<(sectorSize / 4)).map { u32(start + $0 * 4) }
        }
        self.fat = fat
        miniFAT = []
        entries = []
        // The directory, then the mini FAT (both are chains of the FAT).
        let directory = try chain(from: u32(0x30))
        var entries: [Entry] = []
        var at = 0
        while at + 128 <= directory.count {
            let nameLength = min(64, Int(directory[at + 64]) | Int(directory[at + 65]) << 8)
            var units: [UInt16] = []
            var i = 0
            while i + 1 < nameLength { units.append(UInt16(directory[at + i]) | UInt16(directory[at + i + 1]) << 8); i += 2 }
            if units.last == 0 { units.removeLast() }
            let size = Int(UInt32(directory[at + 120]) | UInt32(directory[at + 121]) << 8 | UInt32(directory[at + 122]) << 16 | UInt32(directory[at + 123]) << 24)
            let start = UInt32(directory[at + 116]) | UInt32(directory[at + 117]) << 8 | UInt32(directory[at + 118]) << 16 | UInt32(directory[at + 119]) << 24
            entries.append(Entry(name: String(decoding: units, as: UTF16.self), type: directory[at + 66], start: start, size: size))
            at += 128
        }
        self.entries = entries
        let miniBytes = u32(0x3C) < 0xFFFF_FFFA ? try chain(from: u32(0x3C)) : []
        miniFAT = stride(from: 0, to: miniBytes.count - 3, by: 4).map {
            UInt32(miniBytes[$0]) | UInt32(miniBytes[$0 + 1]) << 8 | UInt32(miniBytes[$0 + 2]) << 16 | UInt32(miniBytes[$0 + 3]) << 24
        }
    }

    /// The names of the streams.
    var streamNames: [String] { entries.filter { $0.type == 2 }.map(\.name) }

    /// The bytes of the stream named `name` (case-insensitive), or nil when there is none.
    func stream(named name: String) throws -> [UInt8]? {
        guard let entry = entries.first(where: { $0.type == 2 && $0.name.lowercased() == name.lowercased() }) else { return nil }
        if entry.size < miniCutoff {
            guard let root = entries.first(where: { $0.type == 5 }) else { throw Damaged(reason: "no root entry") }
            let mini = try chain(from: root.start)
            var out: [UInt8] = []
            var sector = entry.start
            var hops = 0
            while sector < 0xFFFF_FFFA, out.count < entry.size {
                hops += 1
                let start = Int(sector) * miniSectorSize
                guard hops <= mini.count / miniSectorSize, Int(sector) < miniFAT.count, start + miniSectorSize <= mini.count else {
                    throw Damaged(reason: "broken mini-stream chain")
                }
                out += mini[start..<(start + miniSectorSize)]
                sector = miniFAT[Int(sector)]
            }
            guard out.count >= entry.size else { throw Damaged(reason: "stream shorter than its size") }
            return Array(out.prefix(entry.size))
        }
        let data = try chain(from: entry.start, upTo: entry.size)
        guard data.count >= entry.size else { throw Damaged(reason: "stream shorter than its size") }
        return Array(data.prefix(entry.size))
    }

    /// The bytes of the FAT chain that starts at `first`, or of its sectors that hold the first `limit` bytes.
    private func chain(from first: UInt32, upTo limit: Int = .max) throws -> [UInt8] {
        var out: [UInt8] = []
        var sector = first
        var hops = 0
        while sector != CompoundFile.endOfChain, out.count < limit {
            hops += 1
            guard hops <= sectorCount, Int(sector) < fat.count,
                  let start = CompoundFile.offset(of: sector, sectorSize: sectorSize, in: bytes.count) else {
                throw Damaged(reason: "broken sector chain")
            }
            out += bytes[start..<(start + sectorSize)]
            sector = fat[Int(sector)]
        }
        return out
    }

    /// Where sector `n` starts, if it lies inside a file of `length` bytes.
    private static func offset(of sector: UInt32, sectorSize: Int, in length: Int) -> Int? {
        let start = (Int(sector) + 1) * sectorSize
        return start + sectorSize <= length ? start : nil
    }
}
