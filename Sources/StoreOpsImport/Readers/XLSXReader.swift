import Foundation
import StoreOpsCore
import ZIPFoundation

/// Reads one sheet of an XLSX workbook as records, streaming the sheet's XML: shared and inline strings,
/// numbers, booleans, and date cells (1900 date system) written as `YYYY-MM-DD HH:MM:SS`. Refuses archives
/// whose parts would unpack beyond `maxPartBytes` (zip bombs) and XML with document type declarations.
public struct XLSXReader: RecordSource {
    public let url: URL
    public let fileName: String
    /// The sheet to read by name; nil means the first.
    public let sheet: String?
    public let maxPartBytes: UInt64

    public init(url: URL, sheet: String? = nil, maxPartBytes: UInt64 = 1 << 30) {
        self.url = url
        self.fileName = url.lastPathComponent
        self.sheet = sheet
        self.maxPartBytes = maxPartBytes
    }

    /// The workbook's sheet names, in order.
    public func sheetNames() throws -> [String] { try workbook(try archive()).map(\.name) }

    public func forEachRecord(_ body: (RawRecord) throws -> Void) throws {
        let archive = try archive()
        let sheets = try workbook(archive)
        let chosen = sheets[try XLSXReader.chooseSheet(sheet, among: sheets.map(\.name), fileName: fileName)]
        let strings = try sharedStrings(archive)
        let dateStyles = try dateStyleIndices(archive)
        guard let entry = archive[chosen.path] else { throw fail("The sheet \(chosen.name) is missing from the file", "Export the report again",
                                                                     zh: ("文件中缺少工作表 \(chosen.name)", "请重新导出报表")) }
        try withoutActuallyEscaping(body) { body in
            try readSheet(entry, archive: archive, strings: strings, dateStyles: dateStyles, body)
        }
    }

    private func readSheet(_ entry: Entry, archive: Archive, strings: [String], dateStyles: Set<Int>, _ body: @escaping (RawRecord) throws -> Void) throws {

        var scanner = XMLScanner()
        var row: [String] = []
        var rowNumber = 0
        var cellColumn = 0
        var cellType = ""
        var cellStyle = -1
        var value = ""
        var inValue = false
        var inInline = false
        var handlerError: Error?
        let handle: (XMLScanner.Event) throws -> Void = { event in
            switch event {
            case .start(let name, let attributes, let selfClosing):
                switch name {
                case "row":
                    rowNumber = Int(attributes.first { $0.0 == "r" }?.1 ?? "") ?? rowNumber + 1
                    row = []
                    if selfClosing { try body(RawRecord(line: rowNumber, cells: row)) }
                case "c":
                    let reference = attributes.first { $0.0 == "r" }?.1
                    cellColumn = reference.map(XLSXReader.columnIndex) ?? row.count
                    cellType = attributes.first { $0.0 == "t" }?.1 ?? "n"
                    cellStyle = Int(attributes.first { $0.0 == "s" }?.1 ?? "") ?? -1
                    value = ""
                    if selfClosing { XLSXReader.place("", at: cellColumn, in: &row) }
                case "v": inValue = true
                case "is": inInline = true
                case "t" where inInline: inValue = true
                default: break
                }
            case .text(let text):
                if inValue { value += text }
            case .end(let name):
                switch name {
                case "v", "t": inValue = false
                case "is": inInline = false
                case "c":
                    let cell = try XLSXReader.cellText(value, type: cellType, isDate: dateStyles.contains(cellStyle), strings: strings)
                    XLSXReader.place(cell, at: cellColumn, in: &row)
                case "row":
                    try body(RawRecord(line: rowNumber, cells: row))
                default: break
                }
            }
        }
        try extract(entry, from: archive) { data in
            do { try scanner.feed(data, handle) } catch let error as XMLScanner.Failure {
                throw fail("The sheet's XML is broken: \(error.message)", "Open and save the file in Excel or WPS, or export it again",
                           zh: ("工作表的 XML 已损坏：\(error.message)", "用 Excel 或 WPS 打开后另存，或重新导出"))
            } catch {
                handlerError = error
                throw error
            }
        }
        if let handlerError { throw handlerError }
    }

    // MARK: parts

    private func archive() throws -> Archive {
        do {
            _ = try ZipPartReader(url: url)
            return try Archive(url: url, accessMode: .read)
        } catch {
            throw fail("This is not an XLSX file (it is not a readable zip archive)", "Export the report as .xlsx or .csv",
                       zh: ("这不是 XLSX 文件（不是可读的 zip 压缩包）", "请把报表导出为 .xlsx 或 .csv"))
        }
    }

    /// Unpacks `entry` in pieces to `consume`; `limit` (default `maxPartBytes`) bounds what it may unpack to.
    private func extract(_ entry: Entry, from archive: Archive, limit: UInt64? = nil, _ consume: (Data) throws -> Void) throws {
        let maxPartBytes = min(limit ?? maxPartBytes, maxPartBytes)
        guard entry.uncompressedSize <= maxPartBytes else {
            throw fail("The part \(entry.path) would unpack to \(entry.uncompressedSize) bytes, more than the \(maxPartBytes) allowed (a zip bomb?)",
                       "Split the export into smaller files",
                       zh: ("\(entry.path) 解压后有 \(entry.uncompressedSize) 字节，超过允许的 \(maxPartBytes) 字节（压缩炸弹？）", "把导出拆成几个小文件"))
        }
        // Real sheets pack 5 to 30 times; a big part packed hundreds of times is a bomb, refused before it is unpacked.
        let packed = max(entry.compressedSize, 1)
        if entry.uncompressedSize > Self.ratioCheckedBytes, entry.uncompressedSize / packed > Self.maxRatio {
            throw fail("The part \(entry.path) would unpack to \(entry.uncompressedSize / packed) times its packed size, more than any "
                        + "export (a zip bomb?)", "Do not import this file; export the report again",
                       zh: ("\(entry.path) 解压后是压缩大小的 \(entry.uncompressedSize / packed) 倍，远超正常导出（压缩炸弹？）",
                            "不要导入这个文件；请重新导出报表"))
        }
        var total: UInt64 = 0
        do {
            try ZipPartReader(url: url).unpack(entry, of: archive) { data in
                total += UInt64(data.count)
                if total > maxPartBytes || total > entry.uncompressedSize + 1024 {
                    throw self.fail("The part \(entry.path) unpacks to more than it declares (a zip bomb?)", "Do not import this file",
                                    zh: ("\(entry.path) 解压后比声明的大（压缩炸弹？）", "不要导入这个文件"))
                }
                try consume(data)
            }
        } catch let error as ReadError {
            throw error
        } catch let error where error is ZipPartReader.Damaged || (error as NSError).domain.contains("ZIPFoundation") {
            throw fail("The file is damaged: \(entry.path) cannot be unpacked", "Download the export again",
                       zh: ("文件已损坏：无法解压 \(entry.path)", "请重新下载导出文件"))
        }
    }

    /// Parts larger than this must not unpack to more than `maxRatio` times their packed size.
    static let ratioCheckedBytes: UInt64 = 16 << 20
    static let maxRatio: UInt64 = 100
    /// The most the parts read whole (workbook, its relationships, styles) may unpack to: real ones have kilobytes.
    static let wholePartBytes: UInt64 = 16 << 20
    /// The most text the shared strings may hold in all (they are kept for the whole read).
    static let sharedStringBytes = 256 << 20

    private func readWhole(_ path: String, from archive: Archive) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        try extract(entry, from: archive, limit: Self.wholePartBytes) { data.append($0) }
        return data
    }

    private func events(_ data: Data) throws -> [XMLScanner.Event] {
        var scanner = XMLScanner()
        var events: [XMLScanner.Event] = []
        do { try scanner.feed(data, { events.append($0) }) } catch let error as XMLScanner.Failure {
            throw fail("The workbook's XML is broken: \(error.message)", "Open and save the file in Excel or WPS, or export it again",
                       zh: ("工作簿的 XML 已损坏：\(error.message)", "用 Excel 或 WPS 打开后另存，或重新导出"))
        }
        return events
    }

    private func workbook(_ archive: Archive) throws -> [(name: String, path: String)] {
        guard let workbook = try readWhole("xl/workbook.xml", from: archive) else {
            throw fail("This zip archive is not an XLSX workbook (xl/workbook.xml is missing)", "Export the report as .xlsx or .csv",
                       zh: ("这个 zip 压缩包不是 XLSX 工作簿（缺少 xl/workbook.xml）", "请把报表导出为 .xlsx 或 .csv"))
        }
        var targets: [String: String] = [:]
        if let rels = try readWhole("xl/_rels/workbook.xml.rels", from: archive) {
            for case .start(let name, let attributes, _) in try events(rels) where name == "Relationship" {
                if let id = attributes.first(where: { $0.0 == "Id" })?.1, let target = attributes.first(where: { $0.0 == "Target" })?.1 {
                    targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                }
            }
        }
        var sheets: [(String, String)] = []
        for case .start(let name, let attributes, _) in try events(workbook) where name == "sheet" {
            let sheetName = attributes.first { $0.0 == "name" }?.1 ?? "Sheet\(sheets.count + 1)"
            let id = attributes.first { $0.0 == "r:id" || $0.0.hasSuffix(":id") }?.1 ?? ""
            sheets.append((sheetName, targets[id] ?? "xl/worksheets/sheet\(sheets.count + 1).xml"))
        }
        return sheets
    }

    private func sharedStrings(_ archive: Archive) throws -> [String] {
        guard let entry = archive["xl/sharedStrings.xml"] else { return [] }
        var strings: [String] = []
        var current = ""
        var held = 0
        var inText = false, inPhonetic = false
        var scanner = XMLScanner()
        // Streamed: the part is never held whole, only the strings it defines.
        do {
            try extract(entry, from: archive) { data in try scanner.feed(data) { event in
                switch event {
                case .start(let name, _, let selfClosing):
                    if name == "si" { current = "" }
                    if name == "rPh" { inPhonetic = true }
                    if name == "t" && !selfClosing { inText = true }
                case .text(let text):
                    guard inText && !inPhonetic else { break }
                    current += text
                    guard held + current.utf8.count <= Self.sharedStringBytes else {
                        throw fail("The shared strings hold more than \(Self.sharedStringBytes >> 20) MB of text, more than any export",
                                   "Split the export into smaller files",
                                   zh: ("共享字符串超过 \(Self.sharedStringBytes >> 20) MB，远超正常导出", "把导出拆成几个小文件"))
                    }
                case .end(let name):
                    if name == "t" { inText = false }
                    if name == "rPh" { inPhonetic = false }
                    if name == "si" {
                        held += current.utf8.count + 16
                        strings.append(current)
                    }
                }
            } }
        } catch let error as XMLScanner.Failure {
            throw fail("The shared strings are broken: \(error.message)", "Open and save the file in Excel or WPS, or export it again",
                       zh: ("共享字符串已损坏：\(error.message)", "用 Excel 或 WPS 打开后另存，或重新导出"))
        }
        return strings
    }

    /// Indices of cell styles whose number format shows a date or time.
    private func dateStyleIndices(_ archive: Archive) throws -> Set<Int> {
        guard let data = try readWhole("xl/styles.xml", from: archive) else { return [] }
        var custom: [Int: String] = [:]
        var inCellXfs = false
        var index = 0
        var dates = Set<Int>()
        for event in try events(data) {
            switch event {
            case .start(let name, let attributes, let selfClosing):
                if name == "numFmt", let id = Int(attributes.first(where: { $0.0 == "numFmtId" })?.1 ?? "") {
                    custom[id] = attributes.first { $0.0 == "formatCode" }?.1 ?? ""
                }
                if name == "cellXfs" && !selfClosing { inCellXfs = true }
                if name == "xf" && inCellXfs {
                    let id = Int(attributes.first { $0.0 == "numFmtId" }?.1 ?? "") ?? 0
                    if XLSXReader.isDateFormat(id: id, code: custom[id]) { dates.insert(index) }
                    index += 1
                }
            case .end(let name):
                if name == "cellXfs" { inCellXfs = false }
            case .text: break
            }
        }
        return dates
    }

    static func isDateFormat(id: Int, code: String?) -> Bool {
        if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) { return true }
        guard let code else { return false }
        var unquoted = ""
        var quoted = false
        for c in code {
            if c == "\"" { quoted.toggle() } else if !quoted { unquoted.append(c) }
        }
        let lower = unquoted.lowercased().replacingBracketed
        return lower.contains("y") || lower.contains("d") || lower.contains("h") || (lower.contains("m") && lower.contains("s"))
    }

    // MARK: cells

    static func cellText(_ value: String, type: String, isDate: Bool, strings: [String]) throws -> String {
        switch type {
        case "s":
            guard let i = Int(value), strings.indices.contains(i) else { return "" }
            return strings[i]
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "e": return ""
        case "inlineStr", "str": return value
        default:
            if isDate, let serial = Double(value) { return excelDate(serial) ?? value }
            return value
        }
    }

    /// An Excel 1900-system serial as `YYYY-MM-DD HH:MM:SS` (serial 1 is 1900-01-01; Excel's phantom 1900-02-29 is skipped).
    static func excelDate(_ serial: Double) -> String? {
        guard serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(whole)) * 86_400).rounded())
        var dayNumber = whole < 61 ? whole + 1 : whole
        if seconds >= 86_400 { seconds -= 86_400; dayNumber += 1 }
        let day = Day(year: 1899, month: 12, day: 31)!.adding(days: dayNumber - 1)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day.iso) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }

    /// The index of the sheet named `name` among `names` (the first when nil); a workbook without sheets, or without
    /// that one, is an error that lists the sheets.
    static func chooseSheet(_ name: String?, among names: [String], fileName: String) throws -> Int {
        func fail(_ message: String, _ hint: String, zh: (String, String)) -> ReadError {
            ReadError(Diagnostic(file: fileName, message: message, hint: hint, zh: zh))
        }
        guard !names.isEmpty else { throw fail("The workbook has no sheets", "Export the report again", zh: ("工作簿里没有工作表", "请重新导出报表")) }
        guard let name else { return 0 }
        guard let index = names.firstIndex(of: name) else {
            throw fail("There is no sheet \"\(name)\"", "The sheets are: \(names.joined(separator: ", "))",
                       zh: ("没有名为“\(name)”的工作表", "工作表有：\(names.joined(separator: "、"))"))
        }
        return index
    }

    /// 0-based column of a cell reference such as `AB12`.
    static func columnIndex(_ reference: String) -> Int {
        var column = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            // Past the last column a sheet can have, every reference is the same: no overflow (`ZZZZZZZZZZZZZZZ1`).
            column = min(column * 26 + Int(scalar.value - 64), 1 << 20)
        }
        return max(0, column - 1)
    }

    static func place(_ text: String, at column: Int, in row: inout [String]) {
        guard column < 16_384 else { return }
        while row.count < column { row.append("") }
        if row.count == column { row.append(text) } else { row[column] = text }
    }

    private func fail(_ message: String, _ hint: String, zh: (String, String)? = nil) -> ReadError {
        ReadError(Diagnostic(file: fileName, message: message, hint: hint, zh: zh))
    }
}

extension String {
    /// The text with `[...]` sections (colours, locales, elapsed-time markers) removed.
    var replacingBracketed: String {
        var out = ""
        var depth = 0
        for c in self {
            if c == "[" { depth += 1 } else if c == "]" { depth = max(0, depth - 1) } else if depth == 0 { out.append(c) }
        }
        return out
    }
}
