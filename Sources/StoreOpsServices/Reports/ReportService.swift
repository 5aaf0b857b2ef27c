import StoreOpsCore
import StoreOpsReports
import StoreOpsStorage

/// The master table and the daily report of a store.
public struct ReportService: Sendable {
    let storage: any StoreOpsStore
    let clock: @Sendable () -> Instant

    /// `clock` gives the current moment (a fixed one in tests).
    public init(storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant) {
        self.storage = storage
        self.clock = clock
    }

    /// The service as `context`'s user: every read and write limited to what their grants reach.
    public init(_ context: AccessContext, clock: @escaping @Sendable () -> Instant) {
        self.init(storage: context.storage, clock: clock)
    }

    /// Yesterday in the store's time zone.
    public func yesterday(of store: Store) -> Day { store.timeZone.yesterday(now: clock()) }

    /// The daily report of `day` (default: yesterday in the store's time zone).
    public func dailyReport(store id: StoreID, day: Day? = nil) async throws -> DailyReport {
        let store = try await storage.requireStore(id)
        let day = day ?? yesterday(of: store)
        return try ReportService.dailyReport(store: store, day: day, table: try await storage.masterTable(store: id, days: DailyReport.daysNeeded(for: day), customers: true))
    }

    /// The daily report of `day` from the master `table` of (at least) `DailyReport.daysNeeded(for: day)`.
    static func dailyReport(store: Store, day: Day, table: [MasterTableRow]) throws -> DailyReport {
        guard let report = DailyReport(store: store, day: day, table: table) else {
            throw ServiceError(.notFound, "No master table for \(store.id) on \(day.iso).")
        }
        return report
    }

    /// The master table of `days`, one row per day.
    public func masterTable(store id: StoreID, days: DayRange) async throws -> (store: Store, rows: [MasterTableRow]) {
        let store = try await storage.requireStore(id)
        guard days.count <= 3_700 else {
            throw ServiceError(.invalidInput, "The range \(days.first.iso) to \(days.last.iso) is longer than ten years: export it in parts.")
        }
        return (store, try await storage.masterTable(store: id, days: days, customers: true))
    }

    /// The SKU ranking of `days`: units and revenue of every SKU in the lines of the orders paid on them.
    public func skuSales(store id: StoreID, days: DayRange) async throws -> SKUSalesReport {
        let store = try await storage.requireStore(id)
        return SKUSalesReport(store: store, days: days, sales: try await storage.skuSales(store: id, days: days))
    }
}
