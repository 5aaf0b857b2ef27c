import Foundation
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Testing

@Suite("The agency overview's kept lines")
struct OverviewServiceTests {
    /// The kept body of the store's line of `day` under `build`.
    static func body(_ storage: any StoreOpsStore, _ day: Day, build: String = "b1") async throws -> String? {
        try await storage.keptReports(kind: "overview", build: build, stores: [Fixtures.storeID])[Fixtures.storeID]?[day.iso]
    }

    @Test("a day's line is kept and read back while the store's data and the build hold; a write or another build computes it; a day not over is not kept")
    func keptLines() async throws {
        try await TestBackend.withStore { storage in
            try await storage.saveStore(Fixtures.store)
            try await storage.saveCostSettings(Fixtures.costs)
            try await storage.write(Fixtures.batch(), to: Fixtures.storeID)
            let store = try await storage.requireStore(Fixtures.storeID), day = Fixtures.d1
            let nextMorning: @Sendable () -> Instant = { Fixtures.at(day.adding(days: 1), 9) }
            let kept = OverviewService(storage: storage, clock: nextMorning, build: "b1")
            let computed = try await OverviewService(storage: storage, clock: nextMorning).overview(of: [store], day: day)
            #expect(try await Self.body(storage, day) == nil, "without a build nothing is kept")

            #expect(try await kept.overview(of: [store], day: day) == computed)
            let body = try #require(try await Self.body(storage, day))
            #expect(try await kept.overview(of: [store], day: day) == computed, "read back as computed")

            // Read back, not computed again: a kept line altered by hand is what the next overview shows.
            let critical = computed[0].critical
            let altered = body.replacingOccurrences(of: "\"critical\":\(critical)", with: "\"critical\":\(critical + 90)")
            #expect(altered != body)
            let revision = try await storage.revision(of: store.id)
            try await storage.keepReports([KeptReport(store: store.id, kind: "overview", detail: day.iso, revision: revision,
                                                      build: "b1", body: altered)])
            #expect(try await kept.overview(of: [store], day: day).first?.critical == critical + 90)
            #expect(try await OverviewService(storage: storage, clock: nextMorning, build: "b2").overview(of: [store], day: day) == computed,
                    "another build computes its own")
            // A body that does not read back is computed again.
            try await storage.keepReports([KeptReport(store: store.id, kind: "overview", detail: day.iso, revision: revision,
                                                      build: "b1", body: "{\"day\":1}")])
            #expect(try await kept.overview(of: [store], day: day) == computed)

            // A write to the store's data: computed again (the new cost settings change the profit) and kept anew.
            try await storage.keepReports([KeptReport(store: store.id, kind: "overview", detail: day.iso, revision: revision,
                                                      build: "b1", body: altered)])
            try await storage.saveCostSettings(CostSettings(store: store.id, commissionPPM: 50_000))
            let after = try await OverviewService(storage: storage, clock: nextMorning).overview(of: [store], day: day)
            #expect(after != computed && after[0].critical == critical)
            #expect(try await kept.overview(of: [store], day: day) == after)
            #expect(try await Self.body(storage, day) != nil)

            // The day not over yet in the store's time zone: its checks' "now" is the clock's, so nothing is kept.
            let evening = OverviewService(storage: storage, clock: { Fixtures.at(day, 20) }, build: "b1")
            _ = try await evening.overview(of: [store], day: day.adding(days: 1))
            _ = try await evening.overview(of: [store], day: day)
            #expect(try await Self.body(storage, day.adding(days: 1)) == nil)
            #expect(try await Self.body(storage, day) != nil)
        }
    }
}
