import StoreOpsCore

/// The SKU ranking (商品排行) of some days: units and revenue (unit price x quantity) of every SKU sold in the lines
/// of the orders paid on them, most revenue first.
public struct SKUSalesReport: Sendable {
    public var store: Store
    public var days: DayRange
    public var rows: [SKUSales]

    public init(store: Store, days: DayRange, sales: [SKUSales]) {
        self.store = store
        self.days = days
        rows = sales.sorted { ($1.revenue.minor, $0.skuID ?? "", $0.productID ?? "") < ($0.revenue.minor, $1.skuID ?? "", $1.productID ?? "") }
    }

    public var totalUnits: Int { rows.reduce(0) { $0 + $1.units } }
    public var totalRevenue: Money { rows.reduce(.zero(store.currency)) { $0 + $1.revenue } }

    /// A row's share of the revenue.
    public func share(_ row: SKUSales) -> Ratio { Ratio(row.revenue.minor, totalRevenue.minor) }
}
