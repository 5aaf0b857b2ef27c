import PostgresNIO
import StoreOpsCore

/// Kept reports on PostgreSQL (row-level security limits them to the handle's stores).
extension PostgresStore {
    public func keptReports(kind: String, build: String, stores: [StoreID]) async throws
        -> [StoreID: [String: String]] {
        let reads = KeptSQL.reads(kind: kind, build: build, stores: stores)
        guard !reads.isEmpty else { return [:] }
        return try await reading("read kept reports") { c in
            var rows: [[SQLValue]] = []
            for read in reads { rows += try await c.rows(read.sql, read.arguments, logger: logger) }
            return KeptSQL.decode(rows)
        }
    }

    /// Waits at most a second for a row lock (a `restore --replace` of the store holds its rows until it commits): what
    /// is kept is worth no longer wait.
    public func keepReports(_ reports: [KeptReport]) async throws {
        guard !reports.isEmpty else { return }
        try await transaction("keep reports") { c in
            try await c.run("SET LOCAL lock_timeout = '1s'", logger: logger)
            for report in KeptSQL.ordered(reports) {
                try await c.run(KeptSQL.prune, KeptSQL.pruneArguments(report), logger: logger)
                try await c.run(KeptSQL.upsert, KeptSQL.upsertArguments(report), logger: logger)
            }
        }
    }
}
