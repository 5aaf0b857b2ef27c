import Foundation
import StoreOpsCore
import StoreOpsReports
import StoreOpsStorage

/// `storeops export` and `restore`: one store, whole, as a portable file. The archive is JSON Lines: a header with
/// the format, schema version and the store; then, table by table, a line naming the table and its columns followed
/// by one JSON array per row (integers, strings, null; the store id left out); and a closing line with the row
/// count, so that a cut-off file is recognised. It moves a client between servers or from SQLite to PostgreSQL.
public struct StoreArchiveService: Sendable {
    let database: any StoreOpsDatabase
    let clock: @Sendable () -> Instant

    public init(database: any StoreOpsDatabase, clock: @escaping @Sendable () -> Instant) {
        self.database = database
        self.clock = clock
    }

    /// The archive format's version.
    static let formatVersion = 1

    /// What an export or restore moved.
    public struct Summary: Sendable, Equatable {
        public var store: StoreID
        public var tables = 0
        public var rows = 0
    }

    /// Writes store `id` to `url` (written to a temporary file first, then moved into place).
    @discardableResult
    public func export(store id: StoreID, to url: URL) async throws -> Summary {
        let store = try await database.requireStore(id)
        let version = try await database.schemaVersion()
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        guard FileManager.default.createFile(atPath: partial.path, contents: nil, attributes: [.posixPermissions: 0o600]), let handle = try? FileHandle(forWritingTo: partial) else {
            throw ServiceError(.invalidInput, "Cannot write \(url.path): check the folder exists and is writable.")
        }
        let writer = ArchiveWriter(handle: handle, store: id)
        do {
            try writer.line(JSONValue.object([
                ("storeops_archive", .int(Self.formatVersion)), ("schema_version", .int(version)),
                ("exported_at", .string(clock().iso)), ("store", Self.json(store)),
            ]))
            try await database.exportRows(of: id) { chunk in try writer.write(chunk) }
            let summary = try writer.finish()
            try handle.close()
            if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
            try FileManager.default.moveItem(at: partial, to: url)
            return summary
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
    }

    /// Restores the archive at `url` as store `newID` (default: the archived id), under `client` (default: none),
    /// in one transaction. An existing store is refused unless `replace`.
    @discardableResult
    public func restore(from url: URL, as newID: StoreID? = nil, client: ClientID? = nil, replace: Bool = false) async throws -> Summary {
        let reader = try ArchiveReader(url)
        let header = try reader.header()
        let version = try await database.schemaVersion()
        guard header.schemaVersion == version else {
            throw ServiceError(.invalidInput, "\(url.lastPathComponent) was exported at schema version \(header.schemaVersion), this database is at \(version). Migrate the older side (`storeops migrate`) to the same StoreOps version first.")
        }
        if let client, !(try await database.clients().contains { $0.id == client }) {
            throw ServiceError(.notFound, "There is no client \"\(client)\": add one with `storeops client add`.")
        }
        var store = header.store
        store.id = newID ?? store.id
        store.client = client
        try await database.restoreRows(into: store, replace: replace) { try reader.next() }
        return Summary(store: store.id, tables: reader.tables, rows: reader.rows)
    }

    static func json(_ store: Store) -> JSONValue {
        .object([("id", .string(store.id.rawValue)), ("name", .string(store.name)), ("platform", .string(store.platform.rawValue)),
                 ("currency", .string(store.currency.code)), ("time_zone", .string(store.timeZone.identifier)),
                 ("client", store.client.map { .string($0.rawValue) } ?? .null)])
    }
}

/// Writes archive lines, buffered.
final class ArchiveWriter: @unchecked Sendable {
    private let handle: FileHandle
    private var buffer = Data()
    private var table: String?
    private var summary: StoreArchiveService.Summary

    init(handle: FileHandle, store: StoreID) {
        self.handle = handle
        summary = StoreArchiveService.Summary(store: store)
    }

    func line(_ value: JSONValue) throws {
        buffer.append(contentsOf: Array((value.rendered(pretty: false) + "\n").utf8))
        if buffer.count >= 1 << 20 { try flush() }
    }

    func write(_ chunk: StoreTableRows) throws {
        if chunk.table != table {
            table = chunk.table
            summary.tables += 1
            try line(.object([("table", .string(chunk.table)), ("columns", .array(chunk.columns.map { .string($0) }))]))
        }
        for row in chunk.rows {
            try line(.array(row.map { value in
                switch value {
                case .int(let v): .int(v)
                case .text(let t): .string(t)
                case .null: .null
                }
            }))
        }
        summary.rows += chunk.rows.count
    }

    func finish() throws -> StoreArchiveService.Summary {
        try line(.object([("end", .object([("tables", .int(summary.tables)), ("rows", .int(summary.rows))]))]))
        try flush()
        return summary
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
