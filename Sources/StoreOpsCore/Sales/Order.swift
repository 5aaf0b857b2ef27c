/// An order as the platform reports it. GMV counts it on the store-local day it was paid.
public struct Order: Hashable, Sendable {
    public var store: StoreID
    /// The platform's order number (订单编号).
    public var id: String
    /// The buyer's pseudonymised id (salted hash per store); never a name or phone. Nil when the export had no buyer
    /// column: the order's buyer is unknown, and so are its day's distinct buyers.
    public var buyer: String?
    public var status: OrderStatus
    public var createdAt: Instant
    /// When the buyer paid; nil for unpaid orders.
    public var paidAt: Instant?
    /// The store-local day of `paidAt`.
    public var paidDay: Day?
    /// Goods total before order-level discounts (商品总价).
    public var goodsTotal: Money
    /// Shipping fee charged to the buyer (运费).
    public var shippingFee: Money
    /// What the buyer actually paid (买家实际支付金额), after discounts, incl. shipping fee.
    public var paidAmount: Money
    /// Units in the order (宝贝总数量); nil when the export had neither a units column nor lines.
    public var units: Int?
    /// The traffic source the order is attributed to, when known (e.g. 手淘搜索).
    public var source: String?
    /// Province or region of the delivery address (never the street).
    public var region: String?
    /// Latest time to ship promised to the buyer.
    public var shipBy: Instant?
    public var shippedAt: Instant?
    /// Whether the order's export said what was refunded on it (a refund column, or return lines); false: its refunds
    /// are unknown, and so are the refund figures of its paid day until a refund export covers that day.
    public var refundsKnown: Bool

    public init(store: StoreID, id: String, buyer: String?, status: OrderStatus, createdAt: Instant, paidAt: Instant?, paidDay: Day?,
                goodsTotal: Money, shippingFee: Money, paidAmount: Money, units: Int?, source: String? = nil,
                region: String? = nil, shipBy: Instant? = nil, shippedAt: Instant? = nil, refundsKnown: Bool = true) {
        self.store = store
        self.id = id
        self.buyer = buyer
        self.status = status
        self.createdAt = createdAt
        self.paidAt = paidAt
        self.paidDay = paidDay
        self.goodsTotal = goodsTotal
        self.shippingFee = shippingFee
        self.paidAmount = paidAmount
        self.units = units
        self.source = source
        self.region = region
        self.shipBy = shipBy
        self.shippedAt = shippedAt
        self.refundsKnown = refundsKnown
    }

    /// Whether the order counts in GMV (it was paid).
    public var isPaid: Bool { paidAt != nil }
}
