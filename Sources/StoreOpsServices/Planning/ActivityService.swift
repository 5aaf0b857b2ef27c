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

    /// The service as `context`'s user: every read and write limited to what their grants reach.
    public init(_ context: AccessContext, clock: @escaping @Sendable () -> Instant) {
        self.init(storage: context.storage, clock: clock)
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

    /// The review of activity `activityID` up to yesterday: the days before, during and after it, its goal, the items
    /// that sold most while it ran.
    public func review(store id: StoreID, activity activityID: String) async throws -> ActivityReview {
        let store = try await storage.requireStore(id)
        guard let activity = try await storage.read(Activity.self, store: id, days: nil).first(where: { $0.id == activityID }) else {
            throw ServiceError(.notFound, "Store \(id) has no activity \(activityID) (storeops activity list shows them).")
        }
        let lastDay = store.timeZone.yesterday(now: clock())
        let phases = ActivityReview.phases(of: activity, through: lastDay)
        let rows = try await storage.masterTable(store: id, days: ActivityReview.days(of: activity, through: lastDay), customers: true)
        let figures = { (days: DayRange?) in days.map { PeriodFigures(days: $0, rows: rows, currency: store.currency) } }
        var top: [ActivityReview.ItemSales] = []
        if let during = phases.during {
            let items = try await storage.skuSales(store: id, days: during).totalsByItem()
            let revenue = items.compactMapValues { Int64(exactly: $0.revenue) }
            let titles = Dictionary(try await storage.read(Product.self, store: id, days: nil).map { ($0.id, $0.title) },
                                    uniquingKeysWith: { a, _ in a })
            top = revenue.keys.sorted { (revenue[$0]!, $1) > (revenue[$1]!, $0) }.prefix(5).map { item in
                ActivityReview.ItemSales(productID: item, title: titles[item], units: Int(clamping: items[item]?.units ?? 0),
                                         revenue: Money(minor: revenue[item] ?? 0, currency: store.currency))
            }
        }
        return ActivityReview(store: store, activity: activity, lastDay: lastDay, before: figures(phases.before)!, during: figures(phases.during),
                              after: figures(phases.after), topItems: top)
    }

    private func amount(_ text: String?, _ option: String, _ currency: Currency) throws -> Money? {
        guard let text else { return nil }
        guard let money = Money(decimal: text, currency: currency), money.minor >= 0 else {
            throw ServiceError(.invalidInput, "\(option) \"\(text)\" is not an amount: write it as 50000 or 50000.00.")
        }
        return money
    }
}
