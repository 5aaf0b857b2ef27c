/// Reads a CSV file's records from its bytes, chunk by chunk: detects (or is told) the encoding, skips the
/// byte-order mark, transcodes to UTF-8 and parses. The bytes come from `chunks`, which returns nil at the end.
public struct CSVReader: RecordSource {
    public let fileName: String
    public let encoding: TextEncoding?
    let chunks: () throws -> [UInt8]?

    /// `encoding` nil means detect it.
    public init(fileName: String, encoding: TextEncoding? = nil, chunks: @escaping () throws -> [UInt8]?) {
        self.fileName = fileName
        self.encoding = encoding
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
                                       hint: "Export the report again as CSV or XLSX; if it is UTF-16 text, pass --encoding utf-16"))
        }
        let transcoder = try transcoder(encoding)
        var parser: CSVParser?
        var chunk: [UInt8]? = Array(first[start...])
        while let bytes = chunk {
            let next = try chunks()
            let utf8: [UInt8]
            do {
                utf8 = try transcoder.utf8(bytes[...], final: next == nil)
            } catch let error as TranscodingError {
                throw ReadError(Diagnostic(file: fileName, line: (parser?.line ?? 1), message: "Bytes near byte \(error.offset + start) are not valid \(error.encoding.rawValue)",
                                           hint: encoding == .utf8 ? "The file may be GBK: pass --encoding gbk" : "Check the file's encoding and pass it with --encoding (utf-8, gbk, utf-16)"))
            }
            if parser == nil { parser = CSVParser(separator: Self.separator(in: utf8.prefix(65_536))) }
            try utf8.withUnsafeBufferPointer { try parser!.feed($0, emit: body) }
            chunk = next
        }
        guard var parser else { throw empty() }
        if parser.insideQuotes {
            throw ReadError(Diagnostic(file: fileName, line: parser.openQuoteLine, message: "A quoted cell that starts on line \(parser.openQuoteLine) is never closed: the file is cut off or a quote is missing",
                                       hint: "Download the export again; if you edited it, close the quote"))
        }
        try parser.finish(emit: body)
    }

    private func transcoder(_ encoding: TextEncoding) throws -> Transcoder {
        do { return try Transcoder(encoding) } catch {
            throw ReadError(Diagnostic(file: fileName, message: "The encoding \(encoding.rawValue) is not available on this system", hint: "Convert the file to UTF-8"))
        }
    }

    private func empty() -> ReadError {
        ReadError(Diagnostic(file: fileName, message: "The file is empty", hint: "Export the report again; the download may have failed"))
    }

    /// Tab when the first line has more tabs than commas, else comma.
    static func separator(in bytes: ArraySlice<UInt8>) -> UInt8 {
        let firstLine = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
        let tabs = firstLine.filter { $0 == 0x09 }.count
        let commas = firstLine.filter { $0 == 0x2C }.count
        return tabs > commas ? 0x09 : 0x2C
    }
}
