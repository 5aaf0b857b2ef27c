/// An incremental parser of aligned text (columns padded with spaces for reading, as report tools print them): every
/// line is a record, its cells separated by runs of two or more spaces or a tab (`AlignedLine`), or with `anySpace`
/// by any run of spaces and tabs. There is no quoting.
struct AlignedParser {
    let anySpace: Bool
    private(set) var line = 1
    private var pending: [UInt8] = []

    init(anySpace: Bool = false) { self.anySpace = anySpace }

    /// Feeds UTF-8 bytes; emits every complete line.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, emit: (RawRecord) throws -> Void) rethrows {
        var start = 0
        for i in 0..<bytes.count where bytes[i] == 0x0A {
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            try endLine(emit)
            start = i + 1
        }
        pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        // A line without a line end is only bounded by the file; report tools never write one this long.
        if pending.count > AlignedParser.lineLimit { try endLine(emit) }
    }

    /// Ends the input: emits the last line.
    mutating func finish(emit: (RawRecord) throws -> Void) rethrows {
        if !pending.isEmpty { try endLine(emit) }
    }

    static let lineLimit = ImportParser.recordLimit

    private mutating func endLine(_ emit: (RawRecord) throws -> Void) rethrows {
        if pending.last == 0x0D { pending.removeLast() }
        let cells = AlignedLine.cells(in: pending[...], anySpace: anySpace)
        if !cells.isEmpty {
            var storage: [UInt8] = []
            var ends: [Int] = []
            for cell in cells {
                storage.append(contentsOf: cell)
                ends.append(storage.count)
            }
            try emit(RawRecord(line: line, storage: storage, ends: ends))
        }
        pending.removeAll(keepingCapacity: true)
        line += 1
    }
}
