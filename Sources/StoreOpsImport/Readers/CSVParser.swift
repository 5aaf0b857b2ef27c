/// An incremental RFC 4180 parser over UTF-8 bytes: quoted fields with commas, doubled quotes and embedded
/// newlines; CRLF, LF or CR line ends; comma or tab separators. Works on bytes (the structural characters are
/// ASCII, which never occur inside a UTF-8 multi-byte character) and builds a String per cell only.
struct CSVParser {
    let separator: UInt8
    private(set) var line = 1
    private var recordLine = 1
    private var quoteLine = 0
    private var field: [UInt8] = []
    private var cells: [String] = []
    private var state = State.fieldStart
    private var pendingLF = false
    private var lastWasCR = false

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    init(separator: UInt8 = UInt8(ascii: ",")) { self.separator = separator }

    /// Whether a quoted field is open (the file ended inside quotes if this holds at the end).
    var insideQuotes: Bool { state == .quoted }
    /// The line where the open quote started.
    var openQuoteLine: Int { quoteLine }

    mutating func feed(_ bytes: ArraySlice<UInt8>, emit: (RawRecord) throws -> Void) rethrows {
        for byte in bytes {
            if pendingLF {
                pendingLF = false
                if byte == 0x0A { continue }
            }
            switch state {
            case .quoted:
                if byte == 0x22 {
                    state = .quoteInQuoted
                } else {
                    // CR, LF and CRLF inside quotes each end one physical line.
                    if byte == 0x0D || (byte == 0x0A && !lastWasCR) { line += 1 }
                    field.append(byte)
                }
                lastWasCR = byte == 0x0D
            case .quoteInQuoted:
                if byte == 0x22 {
                    field.append(0x22)
                    state = .quoted
                } else {
                    state = .unquoted
                    try structural(byte, emit: emit)
                }
            case .fieldStart:
                if byte == 0x22 {
                    state = .quoted
                    quoteLine = line
                    lastWasCR = false
                } else {
                    state = .unquoted
                    try structural(byte, emit: emit)
                }
            case .unquoted:
                try structural(byte, emit: emit)
            }
        }
    }


    private mutating func structural(_ byte: UInt8, emit: (RawRecord) throws -> Void) rethrows {
        if byte == separator {
            endField()
            state = .fieldStart
        } else if byte == 0x0A || byte == 0x0D {
            endField()
            try endRecord(emit)
            line += 1
            recordLine = line
            state = .fieldStart
            pendingLF = byte == 0x0D
        } else {
            field.append(byte)
        }
    }

    private mutating func endField() {
        cells.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRecord(_ emit: (RawRecord) throws -> Void) rethrows {
        let record = RawRecord(line: recordLine, cells: cells)
        cells.removeAll(keepingCapacity: true)
        if !(record.cells.count == 1 && record.cells[0].isEmpty) { try emit(record) }
    }

    /// Ends the input: emits a last record without a line end. The caller checks `insideQuotes` first.
    mutating func finish(emit: (RawRecord) throws -> Void) rethrows {
        if state == .quoteInQuoted { state = .unquoted }
        if state != .fieldStart || !field.isEmpty || !cells.isEmpty {
            endField()
            try endRecord(emit)
        }
        state = .fieldStart
    }
}
