/// Refunds of a period by reason, largest first, with the cumulative share (a Pareto: the few reasons behind most
/// refunds). Closed (withdrawn) requests are left out.
public struct ReturnReasons: Hashable, Sendable {
    /// One reason's line.
    public struct Line: Hashable, Sendable {
        public var reason: String
        public var count: Int64
        public var amount: Money
        /// Share of all refunds of the period, counting this line and every larger one.
        public var cumulativeShare: Ratio
    }

    public var lines: [Line]
    public var total: Int64

    /// The refunds requested from `first` to `last` (store days), by reason. An order export's total refunded on an
    /// order is left out when a refund export itemises that order's refunds (it is the same money, without a reason).
    public init(refunds: [Refund], first: Day, last: Day, zone: StoreTimeZone, currency: Currency) {
        var byReason: [String: (Int64, Money)] = [:]
        let itemised = Set(refunds.filter { !$0.isOrderTotal }.map(\.orderID))
        for refund in refunds
        where refund.status != .closed && !(refund.isOrderTotal && itemised.contains(refund.orderID)) {
            let day = zone.day(of: refund.requestedAt)
            guard day >= first, day <= last else { continue }
            let entry = byReason[refund.reason] ?? (0, .zero(currency))
            byReason[refund.reason] = (entry.0 + 1, entry.1 + refund.amount)
        }
        let total = byReason.values.reduce(0) { $0 + $1.0 }
        var running: Int64 = 0
        self.total = total
        self.lines = byReason.sorted { $0.value.0 != $1.value.0 ? $0.value.0 > $1.value.0 : $0.key < $1.key }.map { reason, entry in
            running += entry.0
            return Line(reason: reason, count: entry.0, amount: entry.1, cumulativeShare: Ratio(running, total))
        }
    }
}
