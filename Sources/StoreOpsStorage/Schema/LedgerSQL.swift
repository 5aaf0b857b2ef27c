import Foundation
import StoreOpsCore

/// The import ledger's SQL and row mapping, the same on every backend.
public enum LedgerSQL {
    /// Adds a file's entry, or nothing when the same file (by content and kind) is in the ledger already: the write
    /// transaction then rolls back, so that of two imports of one file racing each other exactly one lands. SQLite
    /// tells by its change count (RETURNING needs SQLite 3.35), PostgreSQL by `insertReturning`'s rows.
    public static let insert = """
        INSERT INTO import_ledger (store_id, sha256, kind, file_name, rows_read, rows_imported, rows_rejected, counts, first_day, last_day,
                                   diagnostics, imported_at, imported_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (store_id, sha256, kind) DO NOTHING
        """
    public static let insertReturning = insert + " RETURNING sha256"

    static let columns = "sha256, kind, file_name, rows_read, rows_imported, rows_rejected, counts, first_day, last_day, diagnostics, imported_at, imported_by"
    public static let selectOne = "SELECT \(columns) FROM import_ledger WHERE store_id = ? AND sha256 = ? AND kind = ?"
    public static let selectAll = "SELECT \(columns) FROM import_ledger WHERE store_id = ? ORDER BY imported_at DESC, file_name"

    public static let selectKey = "SELECT pseudonym_key FROM store_secrets WHERE store_id = ?"
    public static let insertKey = "INSERT INTO store_secrets (store_id, pseudonym_key) VALUES (?, ?) ON CONFLICT (store_id) DO NOTHING"

    public static func arguments(_ r: ImportRecord) -> [SQLValue] {
        let counts = r.counts.keys.sorted().map { "\"\($0)\":\(r.counts[$0]!)" }.joined(separator: ",")
        return [.text(r.store.rawValue), .text(r.sha256), .text(r.kind), .text(r.fileName), .int(r.rowsRead), .int(r.rowsImported), .int(r.rowsRejected),
                .text("{\(counts)}"), .day(r.firstDay), .day(r.lastDay), .text(r.diagnostics.joined(separator: "\n")), .instant(r.importedAt),
                r.importedBy.map { .text($0.rawValue) } ?? .null]
    }

    public static func decode(_ values: [SQLValue], store: StoreID) throws -> ImportRecord {
        var r = RowReader(values: values, store: store, currency: .cny, table: "import_ledger")
        let sha = try r.text(), kind = try r.text(), file = try r.text()
        let read = try r.int(), imported = try r.int(), rejected = try r.int()
        let countsText = try r.text()
        let counts = (try? JSONSerialization.jsonObject(with: Data(countsText.utf8)) as? [String: Int]) ?? [:]
        let first = try r.optionalDay(), last = try r.optionalDay()
        let diagnostics = try r.text()
        var record = ImportRecord(store: store, sha256: sha, kind: kind, fileName: file, rowsRead: read, rowsImported: imported,
                                  rowsRejected: rejected, counts: counts, firstDay: first, lastDay: last,
                                  diagnostics: diagnostics.isEmpty ? [] : diagnostics.components(separatedBy: "\n"), importedAt: try r.instant())
        record.importedBy = try r.optionalText().flatMap(UserID.init)
        return record
    }

    /// A new random key, as hex.
    public static func newKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return SHA256.hex((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// The key's bytes from hex.
    public static func bytes(hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var chars = Array(hex.utf8)[...]
        while chars.count >= 2 {
            let pair = String(decoding: chars.prefix(2), as: UTF8.self)
            bytes.append(UInt8(pair, radix: 16) ?? 0)
            chars = chars.dropFirst(2)
        }
        return bytes
    }
}
