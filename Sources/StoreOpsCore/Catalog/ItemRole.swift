/// The part an item plays in the store's range over a period (domain guide §15, category roles): it brings the
/// traffic (引流款), the profit (利润款), converts best (转化款) or is rising (潜力款). An item may play several.
public enum ItemRole: String, Sendable, Codable, CaseIterable {
    case traffic, profit, converter, rising

    /// One item's figures over the period, as the roles read them; nil where the store lacks the data.
    public struct Figures: Hashable, Sendable {
        public let productID: String
        public let revenue: Int64
        /// Nil when the period before has no order data (it lies before the store's history).
        public let previousRevenue: Int64?
        public let visitors: Int64?
        public let buyers: Int64?
        /// Revenue - units x unit cost; nil when a SKU sold has no unit cost.
        public let grossProfit: Int64?

        public init(
            productID: String, revenue: Int64, previousRevenue: Int64?, visitors: Int64?, buyers: Int64?,
            grossProfit: Int64?
        ) {
            self.productID = productID
            self.revenue = revenue
            self.previousRevenue = previousRevenue
            self.visitors = visitors
            self.buyers = buyers
            self.grossProfit = grossProfit
        }
    }

    /// The share of items (by count, at least one) that lead on traffic or on profit.
    public static let leaderShare = 0.2
    /// A converter's conversion is at least this times the store's, on at least `converterVisitors` visitors.
    public static let converterLift = 1.5
    public static let converterVisitors: Int64 = 100
    /// A rising item's revenue is at least this times the period before's and at least `risingShare` of all items'.
    public static let risingGrowth = 1.5
    public static let risingShare = 0.01

    /// The roles of `items` against the store's conversion over the period.
    public static func assign(_ items: [Figures], storeConversion: Ratio?) -> [String: [ItemRole]] {
        func leaders(_ value: (Figures) -> Int64?) -> Set<String> {
            let ranked = items.compactMap { item in value(item).flatMap { $0 > 0 ? (item.productID, $0) : nil } }
                .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
            let count = max(1, Int((Double(ranked.count) * leaderShare).rounded(.up)))
            return Set(ranked.prefix(count).map(\.0))
        }
        let traffic = leaders(\.visitors)
        let profit = leaders(\.grossProfit)
        let total = items.reduce(0.0) { $0 + Double($1.revenue) }
        var roles: [String: [ItemRole]] = [:]
        for item in items {
            var own: [ItemRole] = []
            if traffic.contains(item.productID) { own.append(.traffic) }
            if profit.contains(item.productID) { own.append(.profit) }
            if let base = storeConversion?.value, base > 0, let visitors = item.visitors, let buyers = item.buyers,
                visitors >= converterVisitors, Double(buyers) / Double(visitors) >= converterLift * base
            {
                own.append(.converter)
            }
            // Rising needs the period before: without its data nothing is known to have grown.
            if item.revenue > 0, let previous = item.previousRevenue, Double(item.revenue) >= risingGrowth * Double(previous),
                Double(item.revenue) >= risingShare * total
            {
                own.append(.rising)
            }
            if !own.isEmpty { roles[item.productID] = own }
        }
        return roles
    }
}
