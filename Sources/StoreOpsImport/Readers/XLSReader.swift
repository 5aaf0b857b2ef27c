import Foundation

/// Reads one sheet of a legacy Excel workbook (`.xls`: BIFF8 records in a compound file, what 生意参谋 and older
/// back-ends export) as records, like `XLSXReader`: shared strings (SST, across CONTINUE records), inline labels,
/// numbers, RK and MULRK values, booleans, formulas' cached results, and date cells (by their format, 1900 date
/// system) written as `YYYY-MM-DD HH:MM:SS`. The sheet is `--sheet NAME` or the first worksheet. The file is read
/// whole (a BIFF8 sheet has at most 65,536 rows) and refused above `maxBytes`; every length in it is checked.
public struct XLSReader: RecordSource {
    public let url: URL
    public let fileName: String
    public let sheet: String?
    public let maxBytes: Int

    public init(url: URL, sheet: String? = nil, maxBytes: Int = 256 << 20) {
        self.url = url
        self.fileName = url.lastPathComponent
        self.sheet = sheet
        self.maxBytes = maxBytes
    }

    public func forEachRecord(_ body: (RawRecord) throws -> Void) throws {
        do { try read(body) } catch let damaged as CompoundFile.Damaged {
            throw fail("The .xls file is damaged (\(damaged.reason))", "Download the export again, or open it and save it as .xlsx",
                       zh: (".xls 文件已损坏（\(damaged.reason)）", "请重新下载导出文件，或打开后另存为 .xlsx"))
        }
    }

    private func read(_ body: (RawRecord) throws -> Void) throws {
        let workbook = try workbookStream()
        var reader = Records(workbook)
        // The workbook globals: strings, formats, cell styles, sheets.
        var strings: [String] = []
        var formats: [Int: String] = [:]
        var styleFormats: [Int] = []
        var sheets: [(name: String, offset: Int, kind: UInt8)] = []
        var sawBOF = false
        // DATEMODE: serials count from 1904-01-01 (old Mac workbooks), 1,462 days after the 1900 system's.
        var dateOffset = 0.0
        while let record = try reader.next() {
            switch record.type {
            case 0x0809:
                if sawBOF { break }
                sawBOF = true
                guard record.data.count >= 2, record.u16(0) == 0x0600 else {
                    throw fail("This is an Excel file older than Excel 97 (BIFF5 or earlier)", "Open it in a spreadsheet program and save it as .xlsx, then import that",
                               zh: ("这是 Excel 97 之前的文件（BIFF5 或更早）", "用表格软件打开并另存为 .xlsx 后再导入"))
                }
            case 0x00FC: strings = try sharedStrings(record, &reader)
            case 0x0022:
                if record.data.count >= 2, record.u16(0) == 1 { dateOffset = 1_462 }
            case 0x041E:
                if record.data.count >= 5 { formats[record.u16(0)] = try? BIFFText(record.data, at: 2, lengthBytes: 2).text }
            case 0x00E0:
                if record.data.count >= 4 { styleFormats.append(record.u16(2)) }
            case 0x0085:
                guard record.data.count >= 8 else { break }
                let name = (try? BIFFText(record.data, at: 6, lengthBytes: 1).text) ?? ""
                sheets.append((name, Int(record.u32(0)), record.data[5]))
            default: break
            }
            if record.type == 0x000A { break }
        }
        let worksheets = sheets.filter { $0.kind == 0 }
        let chosen = worksheets[try XLSXReader.chooseSheet(sheet, among: worksheets.map(\.name), fileName: fileName)]
        let dateStyles = Set(styleFormats.enumerated().filter { XLSXReader.isDateFormat(id: $0.element, code: formats[$0.element]) }.map(\.offset))
        let rows = try readSheet(workbook, at: chosen.offset, strings: strings, dateStyles: dateStyles, dateOffset: dateOffset)
        for (index, cells) in rows.sorted(by: { $0.key < $1.key }) {
            var row: [String] = []
            for (column, text) in cells.sorted(by: { $0.key < $1.key }) { XLSXReader.place(text, at: column, in: &row) }
            try body(RawRecord(line: index + 1, cells: row))
        }
    }

    /// The workbook stream of the compound file.
    private func workbookStream() throws -> [UInt8] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attributes?[.size] as? Int, size > maxBytes {
            throw fail("The workbook is larger than \(maxBytes >> 20) MB", "Export a shorter date range, or save it as .xlsx or CSV",
                       zh: ("工作簿超过 \(maxBytes >> 20) MB", "导出更短的日期范围，或另存为 .xlsx 或 CSV"))
        }
        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: url)) } catch {
            throw fail("The file cannot be read", "Check the path and the file's permissions", zh: ("无法读取文件", "请检查路径和文件权限"))
        }
        do {
            let container = try CompoundFile(bytes)
            guard let stream = try container.stream(named: "Workbook") ?? container.stream(named: "Book") else {
                throw fail("The file is an Office document but not an Excel workbook", "Export the report again as .xls, .xlsx or CSV",
                           zh: ("这是 Office 文档，但不是 Excel 工作簿", "请重新导出为 .xls、.xlsx 或 CSV"))
            }
            return stream
        } catch let damaged as CompoundFile.Damaged {
            throw fail("The .xls file is damaged (\(damaged.reason))", "Download the export again, or open it and save it as .xlsx",
                       zh: (".xls 文件已损坏（\(damaged.reason)）", "请重新下载导出文件，或打开后另存为 .xlsx"))
        }
    }

    /// The cells of the sheet whose BOF is at `offset`, by row and column.
    private func readSheet(_ workbook: [UInt8], at offset: Int, strings: [String], dateStyles: Set<Int>,
                           dateOffset: Double) throws -> [Int: [Int: String]] {
        guard offset >= 0, offset < workbook.count else { throw fail("The sheet's position is outside the file", "Download the export again",
                                                                        zh: ("工作表的位置超出了文件", "请重新下载导出文件")) }
        var reader = Records(workbook, from: offset)
        var rows: [Int: [Int: String]] = [:]
        var pendingFormula: (row: Int, column: Int)?
        func put(_ row: Int, _ column: Int, _ text: String) { rows[row, default: [:]][column] = text }
        func number(_ value: Double, style: Int) -> String {
            if dateStyles.contains(style), let date = XLSXReader.excelDate(value + dateOffset) { return date }
            return XLSReader.text(of: value)
        }
        var depth = 0
        while let record = try reader.next() {
            let d = record.data
            switch record.type {
            case 0x0809: depth += 1
            case 0x000A:
                depth -= 1
                if depth <= 0 { return rows }
            case 0x00FD where d.count >= 10:
                let index = Int(record.u32(6))
                guard strings.indices.contains(index) else { throw CompoundFile.Damaged(reason: "a cell names a shared string that is not there") }
                put(record.u16(0), record.u16(2), strings[index])
            case 0x0204 where d.count >= 9:
                put(record.u16(0), record.u16(2), try BIFFText(d, at: 6, lengthBytes: 2).text)
            case 0x0203 where d.count >= 14:
                put(record.u16(0), record.u16(2), number(record.f64(6), style: record.u16(4)))
            case 0x027E where d.count >= 10:
                put(record.u16(0), record.u16(2), number(XLSReader.rk(record.u32(6)), style: record.u16(4)))
            case 0x00BD where d.count >= 6:
                let row = record.u16(0), first = record.u16(2)
                var at = 4, column = first
                while at + 6 <= d.count - 2 {
                    put(row, column, number(XLSReader.rk(record.u32(at + 2)), style: record.u16(at)))
                    at += 6
                    column += 1
                }
            case 0x0205 where d.count >= 8:
                if d[7] == 0 { put(record.u16(0), record.u16(2), d[6] != 0 ? "TRUE" : "FALSE") }
            case 0x0006 where d.count >= 20:
                let row = record.u16(0), column = record.u16(2)
                if d[12] == 0xFF && d[13] == 0xFF {
                    switch d[6] {
                    case 0: pendingFormula = (row, column)
                    case 1: put(row, column, d[8] != 0 ? "TRUE" : "FALSE")
                    default: break
                    }
                } else {
                    put(row, column, number(record.f64(6), style: record.u16(4)))
                }
            case 0x0207:
                if let (row, column) = pendingFormula {
                    put(row, column, try BIFFText(d + reader.continuations(), at: 0, lengthBytes: 2).text)
                    pendingFormula = nil
                }
            default: break
            }
        }
        return rows
    }

    /// The shared string table: the SST record and its CONTINUE records, where a string's characters may break
    /// across records (each continuation starts again with the string's flags byte).
    private func sharedStrings(_ record: Records.Record, _ reader: inout Records) throws -> [String] {
        var pieces = [record.data]
        while let next = reader.peekType(), next == 0x003C, let more = try reader.next() { pieces.append(more.data) }
        var stream = SSTStream(pieces)
        guard let count = stream.u32(), let unique = stream.u32() else { return [] }
        _ = count
        var strings: [String] = []
        strings.reserveCapacity(Int(min(unique, 1 << 20)))
        for _ in 0..<min(Int(unique), 1 << 22) {
            guard let text = stream.string() else { throw CompoundFile.Damaged(reason: "the shared strings are cut off") }
            strings.append(text)
        }
        return strings
    }

    /// An RK value: a compressed number (an integer or the high 30 bits of a double, optionally divided by 100).
    static func rk(_ raw: UInt32) -> Double {
        var value: Double
        if raw & 2 != 0 {
            value = Double(Int32(bitPattern: raw) >> 2)
        } else {
            value = Double(bitPattern: UInt64(raw & 0xFFFF_FFFC) << 32)
        }
        if raw & 1 != 0 { value /= 100 }
        return value
    }

    /// A number as a spreadsheet shows it: whole numbers without a decimal point, others in their shortest form.
    static func text(of value: Double) -> String {
        guard value.isFinite else { return "" }
        // Whole numbers up to 2^53 are exact in a double: written as integers (a 16-digit id stays itself).
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        return "\(value)"
    }

    private func fail(_ message: String, _ hint: String, zh: (String, String)? = nil) -> ReadError {
        ReadError(Diagnostic(file: fileName, message: message, hint: hint, zh: zh))
    }
}

/// BIFF records of a workbook stream: a type, a length and that many bytes.
struct Records {
    private let bytes: [UInt8]
    private var at: Int

    struct Record {
        let type: Int
        let data: [UInt8]
        func u16(_ i: Int) -> Int { Int(data[i]) | Int(data[i + 1]) << 8 }
        func u32(_ i: Int) -> UInt32 { UInt32(data[i]) | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2]) << 16 | UInt32(data[i + 3]) << 24 }
        func f64(_ i: Int) -> Double {
            var bits: UInt64 = 0
            for k in 0..<8 { bits |= UInt64(data[i + k]) << (8 * k) }
            return Double(bitPattern: bits)
        }
    }

    init(_ bytes: [UInt8], from offset: Int = 0) {
        self.bytes = bytes
        at = offset
    }

    func peekType() -> Int? {
        guard at + 4 <= bytes.count else { return nil }
        return Int(bytes[at]) | Int(bytes[at + 1]) << 8
    }

    /// The next record; nil at the end of the stream. A record that runs past the end is damage.
    mutating func next() throws -> Record? {
        guard at + 4 <= bytes.count else { return nil }
        let type = Int(bytes[at]) | Int(bytes[at + 1]) << 8
        let length = Int(bytes[at + 2]) | Int(bytes[at + 3]) << 8
        guard at + 4 + length <= bytes.count else { throw CompoundFile.Damaged(reason: "a record runs past the end of the workbook") }
        defer { at += 4 + length }
        return Record(type: type, data: Array(bytes[(at + 4)..<(at + 4 + length)]))
    }

    /// The data of the CONTINUE records that follow, joined.
    mutating func continuations() throws -> [UInt8] {
        var out: [UInt8] = []
        while peekType() == 0x003C, let more = try next() { out += more.data }
        return out
    }
}

/// An XLUnicodeString inside a record: a character count (1 or 2 bytes), a flags byte (bit 0: two bytes a character),
/// then the characters.
struct BIFFText {
    let text: String

    init(_ data: [UInt8], at start: Int, lengthBytes: Int) throws {
        guard start + lengthBytes < data.count else { throw CompoundFile.Damaged(reason: "a string runs past its record") }
        let count = lengthBytes == 1 ? Int(data[start]) : Int(data[start]) | Int(data[start + 1]) << 8
        let flags = data[start + lengthBytes]
        var at = start + lengthBytes + 1
        if flags & 0x08 != 0 { at += 2 }
        if flags & 0x04 != 0 { at += 4 }
        let wide = flags & 0x01 != 0
        let end = at + count * (wide ? 2 : 1)
        guard end <= data.count else { throw CompoundFile.Damaged(reason: "a string runs past its record") }
        if wide {
            text = String(decoding: stride(from: at, to: end, by: 2).map { UInt16(data[$0]) | UInt16(data[$0 + 1]) << 8 }, as: UTF16.self)
        } else {
            text = String(decoding: data[at..<end].map { UInt16($0) }, as: UTF16.self)
        }
    }
}

/// The SST's bytes over its record and CONTINUE records. Characters that continue into the next record restart
/// with a flags byte there; any other field simply goes on.
struct SSTStream {
    private let pieces: [[UInt8]]
    private var piece = 0
    private var at = 0

    init(_ pieces: [[UInt8]]) { self.pieces = pieces }

    private mutating func byte() -> UInt8? {
        while piece < pieces.count, at >= pieces[piece].count { piece += 1; at = 0 }
        guard piece < pieces.count else { return nil }
        defer { at += 1 }
        return pieces[piece][at]
    }

    mutating func u16() -> Int? {
        guard let a = byte(), let b = byte() else { return nil }
        return Int(a) | Int(b) << 8
    }

    mutating func u32() -> UInt32? {
        guard let a = u16(), let b = u16() else { return nil }
        return UInt32(a) | UInt32(b) << 16
    }

    private mutating func skip(_ n: Int) -> Bool {
        for _ in 0..<n where byte() == nil { return false }
        return true
    }

    /// One XLUnicodeRichExtendedString.
    mutating func string() -> String? {
        guard let count = u16(), var flags = byte() else { return nil }
        let runs = flags & 0x08 != 0 ? u16() ?? 0 : 0
        let extra = flags & 0x04 != 0 ? Int(u32() ?? 0) : 0
        var units: [UInt16] = []
        units.reserveCapacity(count)
        while units.count < count {
            // At the end of a record the characters go on in the next one, after a new flags byte.
            if piece < pieces.count, at >= pieces[piece].count {
                piece += 1
                at = 0
                guard let next = byte() else { return nil }
                flags = (flags & ~0x01) | (next & 0x01)
            }
            if flags & 0x01 != 0 {
                guard let unit = u16() else { return nil }
                units.append(UInt16(unit))
            } else {
                guard let unit = byte() else { return nil }
                units.append(UInt16(unit))
            }
        }
        guard skip(runs * 4), skip(extra) else { return nil }
        return String(decoding: units, as: UTF16.self)
    }
}
