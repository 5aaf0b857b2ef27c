import Foundation
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Synchronization
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
            let other = OverviewService(storage: storage, clock: nextMorning, build: "b2")
            #expect(try await other.overview(of: [store], day: day) == computed, "another build computes its own")
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
            try await storage.saveCostSettings(Fixtures.costs)
            #expect(try await Self.body(storage, day) == nil)
            let evening = OverviewService(storage: storage, clock: { Fixtures.at(day, 20) }, build: "b1")
            _ = try await evening.overview(of: [store], day: day)
            #expect(try await evening.keep(store: store, day: day) == false)
            #expect(try await Self.body(storage, day) == nil)
            #expect(try await kept.keep(store: store, day: day))
            #expect(try await Self.body(storage, day) != nil)
        }
    }

    @Test("a user reads and keeps the lines of the stores they can read only")
    func keptLinesFollowGrants() async throws {
        let agency = try await AgencyFixture.build(in: try await TestBackend.makeStore())
        let (a, b) = (AgencyFixture.alphaStore, AgencyFixture.betaStore)
        let revisions = (try await agency.database.revision(of: a), try await agency.database.revision(of: b))
        try await agency.database.keepReports([
            KeptReport(store: a, kind: "overview", detail: "2026-03-10", revision: revisions.0, build: "b1", body: "A"),
            KeptReport(store: b, kind: "overview", detail: "2026-03-10", revision: revisions.1, build: "b1", body: "B"),
        ])
        let anna = try await agency.context("anna")
        #expect(try await anna.storage.keptReports(kind: "overview", build: "b1", stores: [a, b]) == [a: ["2026-03-10": "A"]])
        await #expect(throws: ServiceError.self) {
            try await anna.storage.keepReports([KeptReport(store: b, kind: "overview", detail: "2026-03-10",
                                                           revision: revisions.1, build: "b1", body: "planted")])
        }
        #expect(try await agency.database.keptReports(kind: "overview", build: "b1", stores: [b]) == [b: ["2026-03-10": "B"]])
        // A viewer keeps what they computed from a store they can read.
        let vic = try await agency.context("vic")
        try await vic.storage.keepReports([KeptReport(store: a, kind: "overview", detail: "2026-03-11", revision: revisions.0,
                                                      build: "b1", body: "A2")])
        #expect(try await agency.database.keptReports(kind: "overview", build: "b1", stores: [a]) ==
                [a: ["2026-03-10": "A", "2026-03-11": "A2"]])
    }

    @Test("a store edited after the caller read it: its line is neither cached nor kept for the new store")
    func storeEditedMeanwhile() async throws {
        try await TestBackend.withStore { storage in
            try await storage.saveStore(Fixtures.store)
            try await storage.write(Fixtures.batch(), to: Fixtures.storeID)
            let day = Fixtures.d1
            let before = try await storage.requireStore(Fixtures.storeID)
            var renamed = before
            renamed.name = "改名后的店"
            try await storage.saveStore(renamed)
            let service = OverviewService(storage: storage, clock: { Fixtures.at(day.adding(days: 1), 9) },
                                          cache: ReportCache(), build: "b1")
            #expect(try await service.overview(of: [before], day: day).first?.store == before)
            #expect(try await Self.body(storage, day) == nil, "not kept")
            #expect(try await service.overview(of: [renamed], day: day).first?.store == renamed, "not cached either")
            #expect(try await Self.body(storage, day) != nil)
        }
    }

    @Test("a line the server computed while its day ran is computed again once the day is over, and only that one kept")
    func lineOfARunningDay() async throws {
        try await TestBackend.withStore { storage in
            try await storage.saveStore(Fixtures.store)
            try await storage.write(Fixtures.batch(), to: Fixtures.storeID)
            let day = Fixtures.d1
            var batch = FactBatch()
            batch.complaints = [Complaint(store: Fixtures.storeID, id: "C1", orderID: nil, kind: "延迟发货", penaltyPoints: 1,
                                          openedAt: Fixtures.at(day, 15), dueAt: nil, resolved: false)]
            try await storage.write(batch, to: Fixtures.storeID)
            let store = try await storage.requireStore(Fixtures.storeID)
            let now = Mutex(Fixtures.at(day, 11))
            let clock: @Sendable () -> Instant = { now.withLock { $0 } }
            // The server's cache keeps a line for a minute of real time; the day ends meanwhile.
            let service = OverviewService(storage: storage, clock: clock, cache: ReportCache(), build: "b1")
            let during = try await service.overview(of: [store], day: day)
            now.withLock { $0 = Fixtures.at(day.adding(days: 1), 9) }
            let after = try await service.overview(of: [store], day: day)
            #expect(after[0].critical + after[0].warnings == during[0].critical + during[0].warnings + 1,
                    "the complaint opened at 15:00 counts once the day is over")
            #expect(after == (try await OverviewService(storage: storage, clock: clock).overview(of: [store], day: day)))
            #expect(try await OverviewService(storage: storage, clock: clock, build: "b1").overview(of: [store], day: day) == after,
                    "the line kept is the one of the whole day")
        }
    }
}
