import GRDB
import StoreOpsCore

/// Kept reports on SQLite.
extension SQLiteStore {
    public func keptReports(kind: String, build: String, stores: [StoreID]) async throws -> [StoreID: [String: String]] {
        let reads = KeptSQL.reads(kind: kind, build: build, stores: stores)
        guard !reads.isEmpty else { return [:] }
        return try await run { db in
            var rows: [[SQLValue]] = []
            for read in reads { rows += try SQLiteStore.query(db, read.sql, read.arguments) }
            return KeptSQL.decode(rows)
        }
    }

    public func keepReports(_ reports: [KeptReport]) async throws {
        guard !reports.isEmpty else { return }
        try await write { db in
            for report in reports {
                try SQLiteStore.execute(db, KeptSQL.prune, KeptSQL.pruneArguments(report))
                try SQLiteStore.execute(db, KeptSQL.upsert, KeptSQL.upsertArguments(report))
            }
        }
    }
}
