import Foundation
import ZIPFoundation

/// Reads back the sheet of a workbook written by `XLSXWriter`, independently of the import layer: cells as
/// their raw values, date-styled cells (style 1) as `YYYY-MM-DD 00:00:00`.
enum XLSXReaderProbe {
    static func read(_ url: URL, _ row: ([String]) -> Void) throws {
        let archive = try Archive(url: url, accessMode: .read)
        var data = Data()
        _ = try archive.extract(archive["xl/worksheets/sheet1.xml"]!) { data.append($0) }
        let xml = String(decoding: data, as: UTF8.self)
        for rowText in xml.components(separatedBy: "<row ").dropFirst() {
            var cells: [String] = []
            for cellText in rowText.components(separatedBy: "<c ").dropFirst() {
                // Place the cell at its column (empty cells are not written).
                if let r = cellText.range(of: "r=\"") {
                    let letters = cellText[r.upperBound...].prefix { $0.isLetter }
                    let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
                    while cells.count < column { cells.append("") }
                }
                if let t = cellText.range(of: "<t xml:space=\"preserve\">"), let end = cellText.range(of: "</t>") {
                    cells.append(String(cellText[t.upperBound..<end.lowerBound]))
                } else if let v = cellText.range(of: "<v>"), let end = cellText.range(of: "</v>") {
                    let value = String(cellText[v.upperBound..<end.lowerBound])
                    if cellText.contains("s=\"1\""), let serial = Int(value) {
                        let date = Date(timeIntervalSince1970: Double(serial - 25_569) * 86_400)
                        let f = DateFormatter()
                        f.timeZone = TimeZone(identifier: "UTC")
                        f.dateFormat = "yyyy-MM-dd"
                        cells.append(f.string(from: date) + " 00:00:00")
                    } else {
                        cells.append(value)
                    }
                } else {
                    cells.append("")
                }
            }
            row(cells)
        }
    }
}
