import Foundation
import StoreOpsCore
import StoreOpsStorage

/// Activities (活动): platform events and the store's own promotions, entered by hand (`storeops activity add|list`) or
/// from an activities sheet, shown on the days they run.
public struct ActivityService: Sendable {
    let storage: any StoreOpsStore
    let clock: @Sendable () -> Instant

    public init(storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant) {
        self.storage = storage
        self.clock = clock
    }

    /// Records an activity from `start` to `end`; its id defaults to its name and first day, and its status to where
    /// today stands against its days (planned, running, ended). Adding one with an existing id replaces it.
    public func add(store id: StoreID, activity activityID: String?, name: String, kind: ActivityKind, start: Day, end: Day,
                    status: ActivityStatus?, gmvGoal: String?, cost: String?) async throws -> Activity {
        let store = try await storage.requireStore(id)
        let title = name.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty, title.utf8.count <= 200 else {
            throw ServiceError(.invalidInput, "--name must name the activity (up to 200 bytes), e.g. 双12 or 会员日.")
        }
        guard start <= end else { throw ServiceError(.invalidInput, "--from \(start.iso) is after --to \(end.iso).") }
        guard start.distance(to: end) < 366 else {
            throw ServiceError(.invalidInput, "An activity runs a year at most; \(start.iso) to \(end.iso) is longer.")
        }
        let key = (activityID?.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : $0 } ?? "\(title)@\(start.iso)"
        guard key.utf8.count <= 240 else { throw ServiceError(.invalidInput, "--id is longer than 240 bytes.") }
        let today = store.timeZone.day(of: clock())
        let derived: ActivityStatus = today < start ? .planned : today > end ? .ended : .running
        let activity = Activity(store: id, id: key, name: title, kind: kind, start: start, end: end, status: status ?? derived,
                                gmvGoal: try amount(gmvGoal, "--goal", store.currency),
                                cost: try amount(cost, "--cost", store.currency))
        var batch = FactBatch()
        batch.activities = [activity]
        try await storage.write(batch, to: id)
        return activity
    }

    /// The activities running on any day of `days` (every one when nil), by first day.
    public func list(store id: StoreID, days: DayRange?) async throws -> [Activity] {
        _ = try await storage.requireStore(id)
        return try await storage.read(Activity.self, store: id, days: days).sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    private func amount(_ text: String?, _ option: String, _ currency: Currency) throws -> Money? {
        guard let text else { return nil }
        guard let money = Money(decimal: text, currency: currency), money.minor >= 0 else {
            throw ServiceError(.invalidInput, "\(option) \"\(text)\" is not an amount: write it as 50000 or 50000.00.")
        }
        return money
    }
}
