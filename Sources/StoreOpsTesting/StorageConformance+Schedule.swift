import StoreOpsCore
import StoreOpsStorage
import Testing

extension StorageConformance {
    /// A schedule per store, set, replaced and removed; a store's day is claimed once; a run cut off is taken over
    /// by one caller only (the one that saw its start), and finishes.
    static func schedulesAndRuns(_ storage: any StoreOpsStore) async throws {
        try await storage.saveStore(Fixtures.store)
        let id = Fixtures.storeID
        #expect(try await storage.schedules().isEmpty)
        #expect(try await storage.schedule(store: id) == nil)
        try await storage.saveSchedule(Schedule(store: id, minute: 540, inbox: "/srv/inbox/shop"))
        try await storage.saveSchedule(Schedule(store: id, minute: 480))
        #expect(try await storage.schedules() == [Schedule(store: id, minute: 480)])
        #expect(try await storage.removeSchedule(store: id))
        #expect(try await !storage.removeSchedule(store: id))

        let day = Fixtures.d1
        let run = ScheduleRun(store: id, day: day, status: .running, startedAt: Instant(seconds: 1_000))
        #expect(try await storage.claimRun(run))
        #expect(try await !storage.claimRun(run), "the day is claimed")
        #expect(try await !storage.takeOverRun(store: id, day: day, startedAt: Instant(seconds: 999), now: Instant(seconds: 5_000)),
                "another start than the one seen")
        #expect(try await storage.takeOverRun(store: id, day: day, startedAt: Instant(seconds: 1_000), now: Instant(seconds: 5_000)))
        #expect(try await !storage.takeOverRun(store: id, day: day, startedAt: Instant(seconds: 1_000), now: Instant(seconds: 5_001)),
                "taken over once")
        var done = run
        done.startedAt = Instant(seconds: 5_000)
        done.status = .finished
        done.finishedAt = Instant(seconds: 5_060)
        done.detail = "inbox: 2 files"
        try await storage.saveRun(done)
        #expect(try await storage.run(store: id, day: day) == done)
        #expect(try await !storage.takeOverRun(store: id, day: day, startedAt: Instant(seconds: 5_000), now: Instant(seconds: 9_000)),
                "a finished run is not taken over")
        #expect(try await storage.runs(store: id, since: Fixtures.d0) == [done])
        #expect(try await storage.run(store: id, day: Fixtures.d0) == nil)
    }
}
