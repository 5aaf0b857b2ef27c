import Foundation

/// Reads the first table of an HTML file as records: what older back-ends (生意参谋 among them) save with an `.xls`
/// name. Each `<tr>` is a record and each `<td>` or `<th>` a cell, its text without tags, entities decoded, runs of
/// white space as one space. A `colspan` cell is followed by empty cells and a `rowspan` cell leaves empty cells below
/// it, so every value stays under its header; a table inside a cell is left out (its rows are not the report's). The file is decoded
/// as its `charset` says (GBK and GB2312 as GB18030), or as UTF-8 when valid and GB18030 otherwise; it is read whole
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
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= maxBytes else {
            throw ReadError(Diagnostic(file: fileName, message: "The file is larger than \(maxBytes >> 20) MB", hint: "Export a shorter date range",
                                       zh: ("文件超过 \(maxBytes >> 20) MB", "导出更短的日期范围")))
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ReadError(Diagnostic(file: fileName, message: "The file cannot be read", hint: "Check the path and the file's permissions",
                                       zh: ("无法读取文件", "请检查路径和文件权限")))
        }
        let bytes = try HTMLTableReader.utf8([UInt8](data), fileName: fileName)
        var table = TableState()
        var line = 1
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1 }
            guard b == UInt8(ascii: "<") else {
                if table.depth <= 1 { table.cell?.append(b) }
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
            if try table.handle(tag, line: line, emit: body) { return }
            i = j + 1
        }
        try table.endRow(emit: body)
    }

    /// The file's bytes as UTF-8: by its `charset`, else UTF-8 when valid, else GB18030.
    static func utf8(_ bytes: [UInt8], fileName: String) throws -> [UInt8] {
        let head = String(decoding: bytes.prefix(4_096), as: UTF8.self).lowercased()
        let declaredGB = ["charset=gb", "charset=\"gb", "charset='gb"].contains { head.contains($0) }
        let valid = bytes.withUnsafeBufferPointer { UTF8Validator.validPrefixLength($0, allowTruncatedEnd: false) } == bytes.count
        guard declaredGB || !valid else { return bytes }
        do {
            return try Transcoder(.gb18030).utf8(bytes[...], final: true)
        } catch {
            throw ReadError(Diagnostic(file: fileName, message: "The file is neither UTF-8 nor GBK text", hint: "Export the report again",
                                       zh: ("文件既不是 UTF-8 也不是 GBK 文本", "请重新导出报表")))
        }
    }

    /// The table being read: the current row and cell, the cells that rows above span into, nesting.
    private struct TableState {
        var cells: [String] = []
        var cell: [UInt8]?
        var colspan = 1, rowspan = 1
        var inRow = false
        var rowLine = 1
        /// Tables open around the reader: 1 inside the first table; deeper tables are cell text.
        var depth = 0
        var started = false
        /// Column → rows it is still spanned into by a cell above.
        var spans: [Int: Int] = [:]

        /// Handles one tag; true when the first table has ended.
        mutating func handle(_ tag: String, line: Int, emit: (RawRecord) throws -> Void) throws -> Bool {
            var name = ""
            for (k, c) in tag.enumerated() {
                if c.isWhitespace || (c == "/" && k > 0) { break }
                name.append(c)
            }
            switch name {
            case "table":
                depth += 1
                started = true
            case "/table":
                depth -= 1
                if started && depth <= 0 {
                    try endRow(emit: emit)
                    return true
                }
            case "tr" where depth == 1:
                try endRow(emit: emit)
                inRow = true
                rowLine = line
            case "/tr" where depth == 1:
                try endRow(emit: emit)
            case "td" where depth == 1, "th" where depth == 1:
                endCell()
                fillSpans()
                cell = []
                colspan = HTMLTableReader.span("colspan", in: tag)
                rowspan = HTMLTableReader.span("rowspan", in: tag)
            case "/td" where depth == 1, "/th" where depth == 1:
                endCell()
            case "br", "br/", "p", "/p", "div", "/div":
                if depth <= 1 { cell?.append(0x20) }
            default:
                break
            }
            return false
        }

        /// Empty cells for the columns a cell above spans into, from the current one on.
        mutating func fillSpans() {
            while let remaining = spans[cells.count], remaining > 0 {
                spans[cells.count] = remaining - 1
                cells.append("")
            }
        }

        mutating func endCell() {
            guard let c = cell else { return }
            let first = cells.count
            cells.append(HTMLTableReader.text(c))
            for _ in 1..<max(1, colspan) { cells.append("") }
            if rowspan > 1 {
                for column in first..<cells.count { spans[column] = rowspan - 1 }
            }
            cell = nil
        }

        mutating func endRow(emit: (RawRecord) throws -> Void) throws {
            endCell()
            if inRow, !cells.isEmpty {
                fillSpans()
                try emit(RawRecord(line: rowLine, cells: cells))
            }
            cells = []
            inRow = false
        }
    }

    /// The value of a `colspan` or `rowspan` attribute, 1 when absent, at most 1,000.
    static func span(_ attribute: String, in tag: String) -> Int {
        guard let range = tag.range(of: attribute) else { return 1 }
        let digits = tag[range.upperBound...].drop { $0 == "=" || $0 == "\"" || $0 == "'" || $0 == " " }.prefix { $0.isASCII && $0.isNumber }
        return min(1_000, max(1, Int(digits.prefix(4)) ?? 1))
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
