import Foundation
import ZIPFoundation

/// Writes minimal XLSX files for reader tests.
public enum XLSXFixture {
    /// A workbook with one sheet whose XML is `sheetXML`, and `extraParts` (path, text) beside it.
    public static func write(_ url: URL, sheetXML: String, extraParts: [(String, String)] = []) throws {
        let archive = try Archive(url: url, accessMode: .create)
        let parts: [(String, String)] = [
            ("xl/workbook.xml", "<workbook><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
            ("xl/worksheets/sheet1.xml", sheetXML),
        ] + extraParts
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
