import GRDB
import StoreOpsCore

/// Schedules and their runs on SQLite.
extension SQLiteStore {
    public func schedules() async throws -> [Schedule] {
        try await run { db in try SQLiteStore.query(db, ScheduleSQL.selectAll, []).map(ScheduleSQL.decode) }
    }

    public func schedule(store: StoreID) async throws -> Schedule? {
        _ = try await requireStore(store)
        return try await run { db in try SQLiteStore.query(db, ScheduleSQL.selectOne, [.text(store.rawValue)]).first.map(ScheduleSQL.decode) }
    }

    public func saveSchedule(_ schedule: Schedule) async throws {
        _ = try await requireStore(schedule.store)
        try await write { db in try SQLiteStore.execute(db, ScheduleSQL.upsert, ScheduleSQL.arguments(schedule)) }
    }

    public func removeSchedule(store: StoreID) async throws -> Bool {
        _ = try await requireStore(store)
        return try await write { db in
            try SQLiteStore.execute(db, ScheduleSQL.delete, [.text(store.rawValue)])
            return db.changesCount > 0
        }
    }

    public func claimRun(_ run: ScheduleRun) async throws -> Bool {
        _ = try await requireStore(run.store)
        return try await write { db in
            try SQLiteStore.execute(db, ScheduleSQL.claimRun, ScheduleSQL.claimArguments(run))
            return db.changesCount > 0
        }
    }

    public func takeOverRun(store: StoreID, day: Day, startedAt: Instant, now: Instant) async throws -> Bool {
        _ = try await requireStore(store)
        return try await write { db in
            try SQLiteStore.execute(db, ScheduleSQL.takeOverRun, [.instant(now), .text(store.rawValue), .day(day), .instant(startedAt)])
            return db.changesCount > 0
        }
    }

    public func saveRun(_ run: ScheduleRun) async throws {
        _ = try await requireStore(run.store)
        try await write { db in try SQLiteStore.execute(db, ScheduleSQL.updateRun, ScheduleSQL.updateArguments(run)) }
    }

    public func run(store: StoreID, day: Day) async throws -> ScheduleRun? {
        try await run(owning: store) { db, owner in
            try SQLiteStore.query(db, ScheduleSQL.selectRun, [.text(store.rawValue), .day(day)])
                .first.map { try ScheduleSQL.decodeRun($0, store: store, currency: owner.currency) }
        }
    }

    public func runs(store: StoreID, since: Day) async throws -> [ScheduleRun] {
        try await run(owning: store) { db, owner in
            try SQLiteStore.query(db, ScheduleSQL.selectRuns, [.text(store.rawValue), .day(since)])
                .map { try ScheduleSQL.decodeRun($0, store: store, currency: owner.currency) }
        }
    }
}
