import StoreOpsCore

/// The customer report of a range of days (domain guide §12): the analysis, and which of its days StoreOps can speak
/// for. A day is known when the store's orders cover it and every paid order of it has a buyer id; figures over the
/// range (the summary, comeback rates and cohorts) are given only when every day is known, and the gaps say why not.
/// The customer list and segments stand on the whole history up to the last day, whatever the range.
public struct CustomerReport: Sendable {
    /// Why figures are missing.
    public enum Gap: Hashable, Sendable {
        /// No paid order with a buyer id on or before the last day.
        case noPurchases
        /// Days of the range not covered by any imported order file.
        case noOrderData(days: [Day])
        /// Days of the range with paid orders whose buyer id is unknown (an export without the buyer column).
        case noBuyerIDs(days: [Day])
    }

    public var store: Store
    public var analysis: CustomerAnalysis
    public var knownDays: Set<Day>
    public var gaps: [Gap]
    /// Only customers of this segment in the list (csv, xlsx and json).
    public var segmentFilter: CustomerSegment?

    public init(store: Store, analysis: CustomerAnalysis, knownDays: Set<Day>, gaps: [Gap], segmentFilter: CustomerSegment? = nil) {
        self.store = store
        self.analysis = analysis
        self.knownDays = knownDays
        self.gaps = gaps
        self.segmentFilter = segmentFilter
    }

    public var range: DayRange { analysis.range }
    /// Whether the figures over the range can be given.
    public var isRangeKnown: Bool { analysis.range.allSatisfy { knownDays.contains($0) } }
    /// The positions in `analysis.customers` (and its forecast's predictions) of the customers listed: all, or those
    /// of the segment filter.
    public var listedIndices: [Int] {
        guard let segmentFilter else { return Array(analysis.customers.indices) }
        return analysis.customers.indices.filter { analysis.customers[$0].segment == segmentFilter }
    }

    /// An amount in the store's currency.
    public func money(_ minor: Int64) -> Money { Money(minor: minor, currency: store.currency) }
}
