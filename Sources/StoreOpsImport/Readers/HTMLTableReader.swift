import Foundation

/// Reads the first table of an HTML file as records: what older back-ends (生意参谋 among them) save with an `.xls`
/// name. Each `<tr>` is a record and each `<td>` or `<th>` a cell (a `colspan` repeats nothing: the cells that follow
/// move right), its text without tags, entities decoded, runs of white space as one space. The file is read whole
/// and refused above `maxBytes`.
public struct HTMLTableReader: RecordSource {
    public let url: URL
    public let fileName: String
    public let maxBytes: Int

    public init(url: URL, maxBytes: Int = 256 << 20) {
        self.url = url
        self.fileName = url.lastPathComponent
        self.maxBytes = maxBytes
    }

    /// Whether the first bytes of a file are HTML with a table.
    static func matches(_ head: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: head.prefix(65_536), as: UTF8.self).lowercased()
        let start = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        return start.hasPrefix("<") && text.contains("<table")
    }

    public func forEachRecord(_ body: (RawRecord) throws -> Void) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ReadError(Diagnostic(file: fileName, message: "The file cannot be read", hint: "Check the path and the file's permissions",
                                       zh: ("无法读取文件", "请检查路径和文件权限")))
        }
        guard data.count <= maxBytes else {
            throw ReadError(Diagnostic(file: fileName, message: "The file is larger than \(maxBytes >> 20) MB", hint: "Export a shorter date range",
                                       zh: ("文件超过 \(maxBytes >> 20) MB", "导出更短的日期范围")))
        }
        let bytes = [UInt8](data)
        var line = 1, rowLine = 1
        var cells: [String] = []
        var cell: [UInt8]?
        var inRow = false, tables = 0
        var i = 0
        func endCell() {
            if let c = cell { cells.append(HTMLTableReader.text(c)) }
            cell = nil
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1 }
            guard b == UInt8(ascii: "<") else {
                cell?.append(b)
                i += 1
                continue
            }
            // A tag: its name decides; its text is not part of a cell.
            var j = i + 1
            while j < bytes.count, bytes[j] != UInt8(ascii: ">") {
                if bytes[j] == 0x0A { line += 1 }
                j += 1
            }
            let tag = String(decoding: bytes[(i + 1)..<min(j, bytes.count)], as: UTF8.self).lowercased()
            var name = ""
            for (k, c) in tag.enumerated() {
                if c.isWhitespace || (c == "/" && k > 0) { break }
                name.append(c)
            }
            switch name {
            case "table": tables += 1
            case "/table":
                endCell()
                if inRow, !cells.isEmpty { try body(RawRecord(line: rowLine, cells: cells)) }
                return
            case "tr":
                endCell()
                if inRow, !cells.isEmpty { try body(RawRecord(line: rowLine, cells: cells)) }
                cells = []
                inRow = true
                rowLine = line
            case "/tr":
                endCell()
                if inRow, !cells.isEmpty { try body(RawRecord(line: rowLine, cells: cells)) }
                cells = []
                inRow = false
            case "td", "th":
                endCell()
                if tables > 0 { cell = [] }
            case "/td", "/th": endCell()
            case "br", "br/": cell?.append(0x20)
            default: break
            }
            i = j + 1
        }
        endCell()
        if inRow, !cells.isEmpty { try body(RawRecord(line: rowLine, cells: cells)) }
    }

    /// A cell's text: entities decoded, white space collapsed, trimmed.
    static func text(_ bytes: [UInt8]) -> String {
        var raw = String(decoding: bytes, as: UTF8.self)
        if raw.contains("&") {
            for (entity, value) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'")] {
                raw = raw.replacingAll(entity, with: value)
            }
            raw = decodeNumeric(raw).replacingAll("&amp;", with: "&")
        }
        return raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `&#NNN;` and `&#xHH;` as their characters.
    private static func decodeNumeric(_ text: String) -> String {
        guard text.contains("&#") else { return text }
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "&#") {
            out += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            if let semicolon = after.firstIndex(of: ";"), after.distance(from: after.startIndex, to: semicolon) <= 8 {
                let body = after[..<semicolon]
                let value = body.hasPrefix("x") || body.hasPrefix("X") ? UInt32(body.dropFirst(), radix: 16) : UInt32(body)
                if let value, let scalar = Unicode.Scalar(value) {
                    out.unicodeScalars.append(scalar)
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            out += "&#"
            rest = after
        }
        return out + rest
    }
}
