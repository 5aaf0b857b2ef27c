import StoreOpsCore

/// The statements of kept reports, the same on SQLite and PostgreSQL.
enum KeptSQL {
    /// The most stores one read names (SQLite binds at most 32,766 values).
    static let chunk = 500

    /// The kept bodies of `kind` and `build` for the stores `marks` stand for, with their detail, only where the kept
    /// revision is the store's current one (the join makes a stale value unreadable rather than merely unused).
    static func select(marks: Int) -> String {
        let ids = Array(repeating: "?", count: marks).joined(separator: ", ")
        return """
            SELECT k.store_id, k.detail, k.body FROM kept_reports k
            JOIN stores s ON s.store_id = k.store_id AND s.revision = k.revision
            WHERE k.kind = ? AND k.build = ? AND k.store_id IN (\(ids))
            """
    }

    /// The reads of `stores`' kept reports, in chunks.
    static func reads(kind: String, build: String, stores: [StoreID]) -> [(sql: String, arguments: [SQLValue])] {
        let ids = Array(Set(stores.map(\.rawValue))).sorted()
        return stride(from: 0, to: ids.count, by: chunk).map { start in
            let slice = ids[start..<min(start + chunk, ids.count)]
            return (select(marks: slice.count), [.text(kind), .text(build)] + slice.map { SQLValue.text($0) })
        }
    }

    /// Drops what a keep makes useless: the store's values of the kind from older revisions, of every build (another
    /// build's values of the current revision stay: it may be running beside this one).
    static let prune = "DELETE FROM kept_reports WHERE store_id = ? AND kind = ? AND revision < ?"
    /// A slow keep of an older revision does not replace what a later one kept.
    static let upsert = """
        INSERT INTO kept_reports (store_id, kind, detail, revision, build, body) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (store_id, kind, detail, build) DO UPDATE SET revision = excluded.revision, body = excluded.body
        WHERE kept_reports.revision <= excluded.revision
        """

    static func pruneArguments(_ r: KeptReport) -> [SQLValue] {
        [.text(r.store.rawValue), .text(r.kind), .int(r.revision)]
    }

    /// `reports` in key order: two keeps of the same stores at once take their rows' locks in the same order (on
    /// PostgreSQL, in any other order they could deadlock).
    static func ordered(_ reports: [KeptReport]) -> [KeptReport] {
        reports.sorted {
            ($0.store.rawValue, $0.kind, $0.detail, $0.build) < ($1.store.rawValue, $1.kind, $1.detail, $1.build)
        }
    }

    static func upsertArguments(_ r: KeptReport) -> [SQLValue] {
        [.text(r.store.rawValue), .text(r.kind), .text(r.detail), .int(r.revision), .text(r.build), .text(r.body)]
    }

    /// The bodies by store and detail from the rows of `select`.
    static func decode(_ rows: [[SQLValue]]) -> [StoreID: [String: String]] {
        var kept: [StoreID: [String: String]] = [:]
        for row in rows {
            guard row.count == 3, case .text(let id) = row[0], let store = StoreID(id), case .text(let detail) = row[1],
                  case .text(let body) = row[2] else { continue }
            kept[store, default: [:]][detail] = body
        }
        return kept
    }
}
