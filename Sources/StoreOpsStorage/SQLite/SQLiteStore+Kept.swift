import GRDB
import StoreOpsCore

/// Kept reports on SQLite.
extension SQLiteStore {
    public func keptReports(kind: String, build: String, stores: [StoreID]) async throws
        -> [StoreID: [String: String]] {
        let reads = KeptSQL.reads(kind: kind, build: build, stores: stores)
        guard !reads.isEmpty else { return [:] }
        return try await run { db in
            var rows: [[SQLValue]] = []
            for read in reads { rows += try SQLiteStore.query(db, read.sql, read.arguments) }
            return KeptSQL.decode(rows)
        }
    }

    /// Through a connection of its own that gives up at once (`SQLITE_BUSY`) while another write holds the database:
    /// an import holds it for as long as it runs, and what is kept is worth no wait. (The store's own writer would
    /// queue behind an import of this process, and another process's write would be waited for up to 10 s.)
    public func keepReports(_ reports: [KeptReport]) async throws {
        guard !reports.isEmpty else { return }
        let keep: @Sendable (Database) throws -> Void = { db in
            for report in KeptSQL.ordered(reports) {
                try SQLiteStore.execute(db, KeptSQL.prune, KeptSQL.pruneArguments(report))
                try SQLiteStore.execute(db, KeptSQL.upsert, KeptSQL.upsertArguments(report))
            }
        }
        guard let path else { return try await write(keep) }
        do {
            let keeper = try DatabaseQueue(path: path, configuration: SQLiteStore.configuration(busy: .immediateError))
            try await keeper.write(keep)
            try keeper.close()
        } catch {
            throw StorageError(.database, "Could not keep reports in \(path): \(SQLiteStore.reason(error)).",
                               underlying: error)
        }
    }
}
