import StoreOpsCore
import StoreOpsServices
import Synchronization
import Testing

/// The server's cache of computed reports: kept per revision, computed once however many ask, bounded.
@Suite("Report cache")
struct ReportCacheTests {
    /// Counts computations.
    final class Counter: Sendable {
        let n = Mutex(0)
        func next() -> Int { n.withLock { $0 += 1; return $0 } }
        var value: Int { n.withLock { $0 } }
    }

    @Test("a value is kept while the revision stays, and computed again when it changes or its lifetime ends")
    func revisions() async throws {
        let cache = ReportCache(), counter = Counter()
        let first = try await cache.value("briefing", store: "s", detail: "2026-03-10", revision: 1) { counter.next() }
        let again = try await cache.value("briefing", store: "s", detail: "2026-03-10", revision: 1) { counter.next() }
        #expect(first == 1 && again == 1)
        #expect(try await cache.value("briefing", store: "s", detail: "2026-03-10", revision: 2) { counter.next() } == 2)
        #expect(try await cache.value("briefing", store: "s", detail: "2026-03-11", revision: 2) { counter.next() } == 3, "another day")
        #expect(try await cache.value("briefing", store: "t", detail: "2026-03-10", revision: 2) { counter.next() } == 4, "another store")
        #expect(try await cache.value("table", store: "s", detail: "2026-03-10", revision: 2) { counter.next() } == 5, "another kind")
        let brief = ReportCache(lifetime: .zero)
        _ = try await brief.value("x", store: "s", detail: "", revision: 1) { counter.next() }
        #expect(try await brief.value("x", store: "s", detail: "", revision: 1) { counter.next() } == 7, "expired at once")
    }

    @Test("requests that miss together share one computation; a failure is not kept")
    func singleFlight() async throws {
        let cache = ReportCache(), counter = Counter()
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await cache.value("overview", store: "s", detail: "d", revision: 7) {
                        try await Task.sleep(for: .milliseconds(50))
                        return counter.next()
                    }
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(values == Array(repeating: 1, count: 20) && counter.value == 1)
        struct Failed: Error {}
        await #expect(throws: Failed.self) {
            _ = try await cache.value("failing", store: "s", detail: "", revision: 1) { () async throws -> Int in throw Failed() }
        }
        #expect(try await cache.value("failing", store: "s", detail: "", revision: 1) { 42 } == 42)
    }

    @Test("past its capacity the least recently used value leaves first")
    func bounded() async throws {
        let cache = ReportCache(capacity: 2), counter = Counter()
        _ = try await cache.value("k", store: "a", detail: "", revision: 1) { counter.next() }  // 1
        _ = try await cache.value("k", store: "b", detail: "", revision: 1) { counter.next() }  // 2
        _ = try await cache.value("k", store: "a", detail: "", revision: 1) { counter.next() }  // kept, used last
        _ = try await cache.value("k", store: "c", detail: "", revision: 1) { counter.next() }  // 3, b leaves
        #expect(cache.count == 2)
        #expect(try await cache.value("k", store: "a", detail: "", revision: 1) { counter.next() } == 1)
        #expect(try await cache.value("k", store: "b", detail: "", revision: 1) { counter.next() } == 4)
    }
}
