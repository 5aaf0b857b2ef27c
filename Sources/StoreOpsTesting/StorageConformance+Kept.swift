import StoreOpsCore
import StoreOpsStorage
import Synchronization
import Testing

extension StorageConformance {
    /// Kept reports come back only at their store's current revision and from their build; keeping is not a write to
    /// the store's data; a write makes them stale; they are not part of the store's archive.
    static func keptReports(_ storage: any StoreOpsStore) async throws {
        try await seeded(storage)
        let s = Fixtures.storeID, other = Store(id: "other", name: "别家", platform: .jd)
        try await storage.saveStore(other)
        let r = try await storage.revision(of: s), otherRevision = try await storage.revision(of: other.id)
        func kept(_ store: StoreID, _ detail: String, _ revision: Int64, _ body: String, build: String = "b1") -> KeptReport {
            KeptReport(store: store, kind: "overview", detail: detail, revision: revision, build: build, body: body)
        }
        func read(_ stores: [StoreID], build: String = "b1", kind: String = "overview") async throws -> [StoreID: [String: String]] {
            try await storage.keptReports(kind: kind, build: build, stores: stores)
        }
        #expect(try await read([s, other.id]).isEmpty)
        try await storage.keepReports([kept(s, "2026-03-01", r, "a"), kept(s, "2026-03-02", r, "b"),
                                       kept(other.id, "2026-03-01", otherRevision, "c")])
        #expect(try await storage.revision(of: s) == r, "keeping is not a write to the store's data")
        #expect(try await read([s, other.id]) == [s: ["2026-03-01": "a", "2026-03-02": "b"], other.id: ["2026-03-01": "c"]])
        #expect(try await read([other.id]) == [other.id: ["2026-03-01": "c"]])
        #expect(try await read([s], build: "b2").isEmpty, "another build's values are not read")
        #expect(try await read([s], kind: "briefing").isEmpty)
        try await storage.keepReports([kept(s, "2026-03-01", r, "a2")])
        #expect(try await read([s]) == [s: ["2026-03-01": "a2", "2026-03-02": "b"]])
        try await storage.keepReports([kept(s, "2026-03-01", r, "x", build: "b2")])
        #expect(try await read([s], build: "b2") == [s: ["2026-03-01": "x"]])
        #expect(try await read([s]) == [s: ["2026-03-01": "a2", "2026-03-02": "b"]], "two builds keep side by side")

        try await storage.saveCostSettings(CostSettings(store: s, commissionPPM: 10_000))
        #expect(try await read([s, other.id]) == [other.id: ["2026-03-01": "c"]], "a write makes the store's values stale")
        try await storage.keepReports([kept(s, "2026-03-03", r + 1, "d")])
        #expect(try await read([s]) == [s: ["2026-03-03": "d"]])
        try await storage.keepReports([kept(s, "2026-03-03", r, "late")])
        #expect(try await read([s]) == [s: ["2026-03-03": "d"]], "a slow keep of an older revision replaces nothing")

        let tables = Mutex<Set<String>>([])
        try await storage.exportRows(of: s) { chunk in tables.withLock { _ = $0.insert(chunk.table) } }
        #expect(tables.withLock { !$0.isEmpty && !$0.contains("kept_reports") }, "derived values are not archived")
    }
}
