import PostgresNIO
import StoreOpsCore

/// Schedules and their runs on PostgreSQL (row-level security limits them to the handle's stores). A claim is one
/// insert and a takeover one conditional update, so two servers never run the same store's day at once.
extension PostgresStore {
    public func schedules() async throws -> [Schedule] {
        try await reading("read schedules") { c in try await c.rows(ScheduleSQL.selectAll, [], logger: logger) }.map(ScheduleSQL.decode)
    }

    public func schedule(store: StoreID) async throws -> Schedule? {
        _ = try await requireStore(store)
        return try await reading("read a schedule") { c in
            try await c.rows(ScheduleSQL.selectOne, [.text(store.rawValue)], logger: logger)
        }.first.map(ScheduleSQL.decode)
    }

    public func saveSchedule(_ schedule: Schedule) async throws {
        _ = try await requireStore(schedule.store)
        try await transaction("save a schedule") { c in try await c.run(ScheduleSQL.upsert, ScheduleSQL.arguments(schedule), logger: logger) }
    }

    public func removeSchedule(store: StoreID) async throws -> Bool {
        _ = try await requireStore(store)
        return try await transaction("remove a schedule") { c in
            !(try await c.rows(ScheduleSQL.delete + NotifySQL.returning, [.text(store.rawValue)], logger: logger).isEmpty)
        }
    }

    public func claimRun(_ run: ScheduleRun) async throws -> Bool {
        _ = try await requireStore(run.store)
        return try await transaction("claim a run") { c in
            !(try await c.rows(ScheduleSQL.claimRun + NotifySQL.returning, ScheduleSQL.claimArguments(run), logger: logger).isEmpty)
        }
    }

    public func takeOverRun(store: StoreID, day: Day, startedAt: Instant, now: Instant) async throws -> Bool {
        _ = try await requireStore(store)
        return try await transaction("take over a run") { c in
            !(try await c.rows(ScheduleSQL.takeOverRun + NotifySQL.returning, [.instant(now), .text(store.rawValue), .day(day),
                                                                               .instant(startedAt)], logger: logger).isEmpty)
        }
    }

    public func saveRun(_ run: ScheduleRun) async throws {
        _ = try await requireStore(run.store)
        try await transaction("save a run") { c in try await c.run(ScheduleSQL.updateRun, ScheduleSQL.updateArguments(run), logger: logger) }
    }

    public func run(store: StoreID, day: Day) async throws -> ScheduleRun? {
        let owner = try await requireStore(store)
        let rows = try await reading("read a run") { c in
            try await c.rows(ScheduleSQL.selectRun, [.text(store.rawValue), .day(day)], logger: logger)
        }
        return try rows.first.map { try ScheduleSQL.decodeRun($0, store: store, currency: owner.currency) }
    }

    public func runs(store: StoreID, since: Day) async throws -> [ScheduleRun] {
        let owner = try await requireStore(store)
        let rows = try await reading("read runs") { c in
            try await c.rows(ScheduleSQL.selectRuns, [.text(store.rawValue), .day(since)], logger: logger)
        }
        return try rows.map { try ScheduleSQL.decodeRun($0, store: store, currency: owner.currency) }
    }
}
