import Foundation
import StoreOpsCore
import ZIPFoundation

/// Writes an XLSX workbook of one or more sheets whose cells keep their types: days are date cells, money and rates are
/// numbers with a number format, text is text (and text that a spreadsheet would run as a formula is
/// neutralised with a leading `'`).
public struct XLSXWriter: Sendable {
    /// A typed cell.
    public enum Cell: Sendable {
        case text(String)
        case day(Day)
        /// A decimal literal shown with two decimals and thousands separators.
        case money(String)
        /// A decimal literal shown with four decimals.
        case rate(String)
        case integer(Int64)
        case empty
    }

    /// The workbook's sheets in order, each a name and its rows.
    private var sheets: [(name: String, rows: [[Cell]])]

    public init(sheetName: String) { sheets = [(sheetName, [])] }

    /// The first sheet's name.
    public var sheetName: String { sheets[0].name }

    /// Appends a row to the last sheet.
    public mutating func row(_ cells: [Cell]) { sheets[sheets.count - 1].rows.append(cells) }

    /// Starts a new sheet: the rows that follow go to it. Names are plain ASCII, unique and up to 31 characters.
    public mutating func addSheet(named name: String) { sheets.append((name, [])) }

    /// The workbook's bytes.
    public func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts() {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    func parts() -> [(String, String)] {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let sheetXML = sheets.map { sheetName, rows in
            var sheet = xml + "<worksheet xmlns=\"\(main)\"><sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><sheetData>"
            for (r, cells) in rows.enumerated() {
                sheet += "<row r=\"\(r + 1)\">"
                for (c, cell) in cells.enumerated() {
                    let ref = XLSXWriter.column(c) + String(r + 1)
                    switch cell {
                    case .text(let t):
                        var text = t
                        if let first = t.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { text = "'" + t }
                        sheet += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(SVGChart.escape(text))</t></is></c>"
                    case .day(let d): sheet += "<c r=\"\(ref)\" s=\"1\"><v>\(Int(d.number) + 25_569)</v></c>"
                    case .money(let m): sheet += "<c r=\"\(ref)\" s=\"2\"><v>\(m)</v></c>"
                    case .rate(let v): sheet += "<c r=\"\(ref)\" s=\"3\"><v>\(v)</v></c>"
                    case .integer(let n): sheet += "<c r=\"\(ref)\" s=\"4\"><v>\(n)</v></c>"
                    case .empty: break
                    }
                }
                sheet += "</row>"
            }
            sheet += "</sheetData></worksheet>"
            return (sheetName, sheet)
        }
        let styles = xml + """
            <styleSheet xmlns="\(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0000"/></numFmts>\
            <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>
            """
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let numbers = sheets.indices.map { $0 + 1 }
        let overrides = numbers.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        let sheetList = zip(numbers, sheets).map { n, sheet in
            "<sheet name=\"\(SVGChart.escape(String(sheet.name.prefix(31))))\" sheetId=\"\(n)\" r:id=\"rId\(n)\"/>"
        }.joined()
        let sheetRels = numbers.map {
            "<Relationship Id=\"rId\($0)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
        }.joined()
        return [
            ("[Content_Types].xml", xml + """
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                \(overrides)\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
                """),
            ("_rels/.rels", xml + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", xml + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets>\(sheetList)</sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", xml + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(sheetRels)<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/></Relationships>"),
            ("xl/styles.xml", styles),
        ] + sheetXML.enumerated().map { ("xl/worksheets/sheet\($0.offset + 1).xml", $0.element.1) }
    }

    /// `A`, `B`, ... `Z`, `AA` ...
    static func column(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }
}

extension MetricValue {
    /// The value as a typed spreadsheet cell.
    public var xlsx: XLSXWriter.Cell {
        switch self {
        case .money(let m): .money(m.decimalString)
        case .count(let c): .integer(c)
        case .rate(let r): r.decimalString(digits: 6).map { .rate($0) } ?? .empty
        case .score(let s): .rate(Money.decimalString(minor: Int64(s), digits: 4))
        case .noData: .empty
        }
    }
}

/// The master table as a workbook: `day` as dates, every field under its key.
public enum MasterTableXLSX {
    public static func render(store: Store, rows: [MasterTableRow]) throws -> Data {
        var writer = XLSXWriter(sheetName: store.id.rawValue)
        writer.row(([("day"), ("store"), ("currency")] + MasterField.allCases.map(\.key)).map { .text($0) })
        for row in rows {
            writer.row([.day(row.day), .text(row.store.rawValue), .text(row.currency.code)] + MasterField.allCases.map { row[$0].xlsx })
        }
        return try writer.data()
    }
}
