/// An incremental RFC 4180 parser over UTF-8 bytes: quoted fields with commas, doubled quotes and embedded
/// newlines; CRLF, LF or CR line ends; comma or tab separators. Works on bytes (the structural characters are
/// ASCII, which never occur inside a UTF-8 multi-byte character): unquoted runs are found by a scan and copied
/// whole into the record's cell storage, and no String is made here at all.
struct CSVParser {
    let separator: UInt8
    private(set) var line = 1
    private var recordLine = 1
    private var quoteLine = 0
    private var storage: [UInt8] = []
    private var ends: [Int] = []
    private var state = State.fieldStart
    private var pendingLF = false
    private var lastWasCR = false

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private static let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    init(separator: UInt8 = UInt8(ascii: ",")) { self.separator = separator }

    /// A record past `ImportParser.recordLimit` bytes or `ImportParser.columnLimit` cells: the parser stops before
    /// holding more of it (a missing quote can make the rest of a file one cell).
    struct LimitExceeded: Error {
        let line: Int
        let columns: Bool
    }

    /// Whether a quoted field is open (the file ended inside quotes if this holds at the end).
    var insideQuotes: Bool { state == .quoted }
    /// The line where the open quote started.
    var openQuoteLine: Int { quoteLine }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, emit: (RawRecord) throws -> Void) throws {
        let n = bytes.count
        let separator = self.separator
        var i = 0
        while i < n {
            let byte = bytes[i]
            if pendingLF {
                pendingLF = false
                if byte == Self.lf { i += 1; continue }
            }
            switch state {
            case .quoted:
                // The run up to the next quote is the field's text; count the lines it spans.
                var j = i
                while j < n {
                    let b = bytes[j]
                    if b == Self.quote { break }
                    // CR, LF and CRLF inside quotes each end one physical line.
                    if b == Self.cr || (b == Self.lf && !lastWasCR) { line += 1 }
                    lastWasCR = b == Self.cr
                    j += 1
                }
                storage.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                if storage.count > ImportParser.recordLimit { throw LimitExceeded(line: recordLine, columns: false) }
                if j < n {
                    state = .quoteInQuoted
                    lastWasCR = false
                }
                i = j + 1
            case .quoteInQuoted:
                if byte == Self.quote {
                    storage.append(Self.quote)
                    state = .quoted
                } else {
                    state = .unquoted
                    try structural(byte, emit: emit)
                }
                i += 1
            case .fieldStart where byte == Self.quote:
                state = .quoted
                quoteLine = line
                lastWasCR = false
                i += 1
            case .fieldStart, .unquoted:
                state = .unquoted
                var j = i
                while j < n {
                    let b = bytes[j]
                    if b == separator || b == Self.lf || b == Self.cr { break }
                    j += 1
                }
                storage.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                if storage.count > ImportParser.recordLimit { throw LimitExceeded(line: recordLine, columns: false) }
                if j < n { try structural(bytes[j], emit: emit) }
                i = j + 1
            }
        }
    }

    private mutating func structural(_ byte: UInt8, emit: (RawRecord) throws -> Void) throws {
        if byte == separator {
            if ends.count >= ImportParser.columnLimit { throw LimitExceeded(line: recordLine, columns: true) }
            ends.append(storage.count)
            state = .fieldStart
        } else if byte == Self.lf || byte == Self.cr {
            ends.append(storage.count)
            try endRecord(emit)
            line += 1
            recordLine = line
            state = .fieldStart
            pendingLF = byte == Self.cr
        } else {
            storage.append(byte)
        }
    }

    private mutating func endRecord(_ emit: (RawRecord) throws -> Void) rethrows {
        // An empty line is no record.
        let empty = ends.count == 1 && storage.isEmpty
        if !empty {
            let record = RawRecord(line: recordLine, storage: storage, ends: ends)
            try emit(record)
        }
        storage.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    /// Ends the input: emits a last record without a line end. The caller checks `insideQuotes` first.
    mutating func finish(emit: (RawRecord) throws -> Void) rethrows {
        if state == .quoteInQuoted { state = .unquoted }
        if state != .fieldStart || !storage.isEmpty || !ends.isEmpty {
            ends.append(storage.count)
            try endRecord(emit)
        }
        state = .fieldStart
    }
}
