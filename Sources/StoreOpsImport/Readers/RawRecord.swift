#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One record of a table file, with the physical line (CSV) or row number (XLSX) it starts on.
///
/// The cells are kept as their UTF-8 bytes, one after the other, with the end offset of each: reading a row
/// allocates two buffers, not one String per cell, and a cell becomes a String only when a field needs its text.
public struct RawRecord: Hashable, Sendable {
    public var line: Int
    /// The cells' bytes, concatenated.
    private(set) var storage: [UInt8]
    /// The end offset in `storage` of every cell.
    private(set) var ends: [Int]

    public init(line: Int, cells: [String]) {
        self.line = line
        storage = []
        ends = []
        ends.reserveCapacity(cells.count)
        for cell in cells {
            storage.append(contentsOf: cell.utf8)
            ends.append(storage.count)
        }
    }

    /// A record over cell bytes already laid out (`ends[i]` is the end of cell `i` in `storage`).
    init(line: Int, storage: [UInt8], ends: [Int]) {
        self.line = line
        self.storage = storage
        self.ends = ends
    }

    /// The number of cells.
    public var count: Int { ends.count }

    /// Every cell's text.
    public var cells: [String] { (0..<ends.count).map { self[$0] } }

    /// Cell `index`'s text.
    public subscript(index: Int) -> String {
        withBytes(of: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of cell `index`.
    public func withBytes<T>(of index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let start = index == 0 ? 0 : ends[index - 1]
        let end = ends[index]
        return try storage.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[start..<end]))
        }
    }

    /// The bytes of all cells together.
    var byteCount: Int { storage.count }

    /// The length in bytes of cell `index`.
    func cellLength(_ index: Int) -> Int { ends[index] - (index == 0 ? 0 : ends[index - 1]) }

    /// The index of the first cell holding a NUL byte, or nil (the common case, found by one `memchr`).
    var firstNUL: Int? {
        let offset: Int? = storage.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress, let hit = memchr(base, 0, all.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        guard let offset else { return nil }
        return ends.firstIndex { $0 > offset }
    }

    /// Whether the two records have the same cells (wherever they are in the file).
    func sameCells(as other: RawRecord) -> Bool { storage == other.storage && ends == other.ends }

    /// Whether every cell is empty or blank (spaces and tabs only).
    public var isBlank: Bool { storage.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
}

/// A file's records, pushed one at a time: memory stays flat whatever the file's size.
public protocol RecordSource {
    /// Calls `body` with every record in file order. Throws `ReadError` when the file cannot be read as a table.
    func forEachRecord(_ body: (RawRecord) throws -> Void) throws
}

/// Why a file cannot be read as a table at all.
public struct ReadError: Error, Sendable, CustomStringConvertible {
    public let diagnostic: Diagnostic
    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
    public var description: String { diagnostic.description }
}
