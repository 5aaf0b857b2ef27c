/// Reads a CSV file's records from its bytes, chunk by chunk: detects (or is told) the encoding, skips the
/// byte-order mark, transcodes to UTF-8 and parses. The bytes come from `chunks`, which returns nil at the end.
public struct CSVReader: RecordSource {
    public let fileName: String
    public let encoding: TextEncoding?
    /// The column separator; nil means detect it (`Separator.detect`).
    public let separator: Separator?
    let chunks: () throws -> [UInt8]?

    /// `encoding` and `separator` nil mean detect them.
    public init(fileName: String, encoding: TextEncoding? = nil, separator: Separator? = nil, chunks: @escaping () throws -> [UInt8]?) {
        self.fileName = fileName
        self.encoding = encoding
        self.separator = separator
        self.chunks = chunks
    }

    public func forEachRecord(_ body: (RawRecord) throws -> Void) throws {
        guard var first = try chunks() else { throw empty() }
        // Detection looks at up to 64 KB.
        while first.count < 65_536, let more = try chunks() { first += more }
        if first.isEmpty { throw empty() }
        let detected = TextEncoding.detect(first[...])
        let encoding = self.encoding ?? detected.encoding
        var start = 0
        if encoding == detected.encoding || (encoding == .utf16le && detected.encoding == .utf16be) { start = detected.bomLength }
        if encoding != .utf16le && encoding != .utf16be, first.prefix(8_192).contains(0) {
            throw ReadError(Diagnostic(file: fileName, message: "This is not a text file (it contains NUL bytes)",
                                       hint: "Export the report again as CSV or XLSX; if it is UTF-16 text, pass --encoding utf-16",
                                       zh: ("这不是文本文件（含有 NUL 字节）", "请重新导出为 CSV 或 XLSX；如果是 UTF-16 文本，加 --encoding utf-16")))
        }
        let transcoder = try transcoder(encoding)
        var parser: CSVParser?
        var aligned: AlignedParser?
        var chunk: [UInt8]? = Array(first[start...])
        while let bytes = chunk {
            let next = try chunks()
            let utf8: [UInt8]
            do {
                utf8 = try transcoder.utf8(bytes[...], final: next == nil)
            } catch let error as TranscodingError {
                throw ReadError(Diagnostic(file: fileName, line: (parser?.line ?? 1), message: "Bytes near byte \(error.offset + start) are not valid \(error.encoding.rawValue)",
                                           hint: encoding == .utf8 ? "The file may be GBK: pass --encoding gbk" : "Check the file's encoding and pass it with --encoding (utf-8, gbk, utf-16)",
                                           zh: ("第 \(error.offset + start) 字节附近的内容不是有效的 \(error.encoding.rawValue)",
                                                encoding == .utf8 ? "文件可能是 GBK 编码：加 --encoding gbk" : "请确认文件编码，并用 --encoding 指定（utf-8、gbk、utf-16）")))
            }
            if parser == nil && aligned == nil {
                switch separator ?? Separator.detect(in: utf8.prefix(65_536)) {
                case .character(let byte): parser = CSVParser(separator: byte)
                case .aligned: aligned = AlignedParser()
                case .whitespace: aligned = AlignedParser(anySpace: true)
                }
            }
            if aligned != nil {
                try utf8.withUnsafeBufferPointer { try aligned!.feed($0, emit: body) }
            } else {
                do {
                    try utf8.withUnsafeBufferPointer { try parser!.feed($0, emit: body) }
                } catch let limit as CSVParser.LimitExceeded {
                    throw ImportParser.limitError(file: fileName, line: limit.line, columns: limit.columns)
                }
            }
            chunk = next
        }
        if var aligned {
            try aligned.finish(emit: body)
            return
        }
        guard var parser else { throw empty() }
        if parser.insideQuotes {
            throw ReadError(Diagnostic(file: fileName, line: parser.openQuoteLine, message: "A quoted cell that starts on line \(parser.openQuoteLine) is never closed: the file is cut off or a quote is missing",
                                       hint: "Download the export again; if you edited it, close the quote",
                                       zh: ("从第 \(parser.openQuoteLine) 行开始的带引号单元格没有结束：文件不完整或缺少引号", "请重新下载导出文件；如果编辑过，请补上引号")))
        }
        try parser.finish(emit: body)
    }

    private func transcoder(_ encoding: TextEncoding) throws -> Transcoder {
        do { return try Transcoder(encoding) } catch {
            throw ReadError(Diagnostic(file: fileName, message: "The encoding \(encoding.rawValue) is not available on this system", hint: "Convert the file to UTF-8",
                                       zh: ("本系统没有 \(encoding.rawValue) 编码", "请把文件转换为 UTF-8")))
        }
    }

    private func empty() -> ReadError {
        ReadError(Diagnostic(file: fileName, message: "The file is empty", hint: "Export the report again; the download may have failed",
                             zh: ("文件是空的", "请重新导出报表；可能下载失败了")))
    }
}
