import StoreOpsCore
import StoreOpsReports
import StoreOpsStorage

/// The customer report (domain guide §12): reads the store's purchases up to the range's last day (three columns of
/// the paid orders with a buyer) and the daily aggregates that say which days StoreOps can speak for.
public struct CustomerService: Sendable {
    let storage: any StoreOpsStore

    public init(storage: any StoreOpsStore) { self.storage = storage }

    /// The service as `context`'s user: every read and write limited to what their grants reach.
    public init(_ context: AccessContext) { self.init(storage: context.storage) }

    public func report(store id: StoreID, days: DayRange, grain: CohortGrain = .month, segment: CustomerSegment? = nil) async throws -> CustomerReport {
        let store = try await storage.requireStore(id)
        guard days.count <= 3_700 else {
            throw ServiceError(.invalidInput, "The range \(days.first.iso) to \(days.last.iso) is longer than ten years: choose a shorter one.")
        }
        let purchases = try await storage.purchases(store: id, through: days.last)
        let facts = try await storage.dailyFacts(store: id, days: days)
        var known: Set<Day> = [], noData: [Day] = [], noBuyers: [Day] = []
        for day in facts {
            guard let sales = day.sales else { noData.append(day.day); continue }
            guard sales.buyers != nil else { noBuyers.append(day.day); continue }
            known.insert(day.day)
        }
        var gaps: [CustomerReport.Gap] = []
        if purchases.isEmpty { gaps.append(.noPurchases) }
        if !noData.isEmpty { gaps.append(.noOrderData(days: noData)) }
        if !noBuyers.isEmpty { gaps.append(.noBuyerIDs(days: noBuyers)) }
        return CustomerReport(store: store, analysis: CustomerAnalysis(purchases: purchases, range: days, grain: grain),
                              knownDays: known, gaps: gaps, segmentFilter: segment)
    }
}
