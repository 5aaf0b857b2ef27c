import Foundation
import StoreOpsCore
import StoreOpsStorage

/// Reads a store archive line by line and hands out its rows in chunks of one table. Anything unexpected (not
/// an archive, a damaged line, a missing end) is an error that names the line, so a restore fails as a whole.
final class ArchiveReader: @unchecked Sendable {
    private let handle: FileHandle
    private let name: String
    private var pending: [UInt8] = []
    /// Where the unread part of `pending` starts.
    private var start = 0
    /// How far past `start` is known to hold no line end: each byte is searched once, however long the line.
    private var scanned = 0
    private var atEOF = false
    private var lineNumber = 0
    private var current: (table: String, columns: [String])?
    private var ended = false
    private(set) var tables = 0
    private(set) var rows = 0

    init(_ url: URL) throws {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw ServiceError(.notFound, "\(url.path): the file does not exist or cannot be read.")
        }
        self.handle = handle
        name = url.lastPathComponent
    }

    deinit { try? handle.close() }

    struct Header {
        var schemaVersion: Int
        var store: Store
    }

    /// The first line: format, schema version and the store.
    func header() throws -> Header {
        guard let line = try? nextLine(), let object = line as? [String: Any], let format = object["storeops_archive"] as? Int else {
            throw damaged("it is not a StoreOps store archive (made by `storeops export`)")
        }
        guard format == StoreArchiveService.formatVersion else { throw damaged("archive format \(format) is not one this StoreOps reads") }
        guard let version = object["schema_version"] as? Int, let s = object["store"] as? [String: Any],
              let id = (s["id"] as? String).flatMap(StoreID.init), let storeName = s["name"] as? String,
              let platform = (s["platform"] as? String).flatMap(Platform.init(rawValue:)), let currency = s["currency"] as? String,
              let zone = (s["time_zone"] as? String).flatMap(StoreTimeZone.init) else {
            throw damaged("the header does not describe a store")
        }
        return Header(schemaVersion: version, store: Store(id: id, name: storeName, platform: platform, currency: Currency(currency), timeZone: zone))
    }

    /// The next chunk of rows of one table, or nil after the closing line.
    func next() throws -> StoreTableRows? {
        var chunk: StoreTableRows?
        while true {
            guard let line = try nextLine() else {
                if ended { return chunk }
                throw damaged("it ends without its closing line; the file was cut off")
            }
            if let row = line as? [Any] {
                guard let current else { throw damaged("a row comes before any table") }
                guard row.count == current.columns.count else { throw damaged("a row has \(row.count) values for \(current.columns.count) columns") }
                if chunk == nil { chunk = StoreTableRows(table: current.table, columns: current.columns, rows: []) }
                chunk!.rows.append(try row.map(value))
                rows += 1
                if chunk!.rows.count == StoreTableRows.chunkSize { return chunk }
            } else if let object = line as? [String: Any], let table = object["table"] as? String, let columns = object["columns"] as? [String] {
                current = (table, columns)
                tables += 1
                if chunk != nil { return chunk }
            } else if let object = line as? [String: Any], let end = object["end"] as? [String: Any] {
                guard end["rows"] as? Int == rows else { throw damaged("the closing line counts \(end["rows"] ?? "?") rows, the file has \(rows)") }
                ended = true
                guard try nextLine() == nil else { throw damaged("there is more after the closing line") }
                return chunk
            } else {
                throw damaged("the line is neither a table, a row nor the closing line")
            }
        }
    }

    private func value(_ any: Any) throws -> SQLValue {
        if any is NSNull { return .null }
        if let text = any as? String { return .text(text) }
        if let number = any as? NSNumber, let int = Int64(number.stringValue) { return .int(int) }
        throw damaged("a value is neither a whole number, a string nor null")
    }

    /// The longest line an archive may have: a row of one table is far shorter.
    static let lineLimit = 64 << 20

    /// The next non-empty line, parsed; nil at the end of the file.
    private func nextLine() throws -> Any? {
        while true {
            if let newline = pending[(start + scanned)...].firstIndex(of: 0x0A) {
                let bytes = pending[start..<newline]
                start = newline + 1
                scanned = 0
                lineNumber += 1
                if bytes.isEmpty { continue }
                return try parse(Data(bytes))
            }
            scanned = pending.count - start
            if atEOF {
                guard start < pending.count else { return nil }
                let bytes = pending[start...]
                start = pending.count
                scanned = 0
                lineNumber += 1
                return try parse(Data(bytes))
            }
            guard scanned <= Self.lineLimit else {
                lineNumber += 1
                throw damaged("the line is longer than \(Self.lineLimit >> 20) MB")
            }
            pending.removeFirst(start)
            start = 0
            let data = try handle.read(upToCount: 1 << 20) ?? Data()
            if data.isEmpty { atEOF = true } else { pending.append(contentsOf: data) }
        }
    }

    private func parse(_ data: Data) throws -> Any {
        do { return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            throw damaged("the line is not valid JSON")
        }
    }

    private func damaged(_ reason: String) -> ServiceError {
        ServiceError(.invalidInput, "\(name), line \(lineNumber): \(reason). Nothing was restored.")
    }
}
