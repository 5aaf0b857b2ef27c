/// A refund or after-sales case (退款/售后).
public struct Refund: Hashable, Sendable {
    /// Refund only, return goods and refund, or exchange.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case refundOnly = "refund_only"
        case returnAndRefund = "return"
        case exchange
    }

    /// Where the case stands.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Waiting for the seller (买家已经申请退款，等待卖家同意).
        case waitingSeller = "waiting_seller"
        /// Waiting for the buyer to return the goods (等待买家退货).
        case waitingReturn = "waiting_return"
        /// Refund done (退款成功).
        case completed
        /// Refused or withdrawn (退款关闭).
        case closed
    }

    public var store: StoreID
    /// The platform's refund number (退款编号).
    public var id: String
    public var orderID: String
    public var productID: String?
    public var skuID: String?
    public var kind: Kind
    public var status: Status
    /// The buyer's reason as given (买家退款原因).
    public var reason: String
    public var amount: Money
    public var requestedAt: Instant
    /// When the refund completed; set only for completed refunds.
    public var completedAt: Instant?
    /// The store-local day of `completedAt`.
    public var completedDay: Day?
    /// Deadline for the seller to act (超时时间).
    public var dueAt: Instant?
    /// Whether the goods came back to stock (a return received in good condition).
    public var returnedToStock: Bool

    public init(store: StoreID, id: String, orderID: String, productID: String? = nil, skuID: String? = nil, kind: Kind,
                status: Status, reason: String, amount: Money, requestedAt: Instant, completedAt: Instant? = nil,
                completedDay: Day? = nil, dueAt: Instant? = nil, returnedToStock: Bool = false) {
        self.store = store
        self.id = id
        self.orderID = orderID
        self.productID = productID
        self.skuID = skuID
        self.kind = kind
        self.status = status
        self.reason = reason
        self.amount = amount
        self.requestedAt = requestedAt
        self.completedAt = completedAt
        self.completedDay = completedDay
        self.dueAt = dueAt
        self.returnedToStock = returnedToStock
    }
}

extension Refund {
    /// The id suffix of a refund an order export's refund column made (the order's total refunded, undated, no reason).
    public static let orderTotalSuffix = ":order-refund"

    /// Whether this is an order export's total refunded on an order rather than a refund of a refund export.
    public var isOrderTotal: Bool { id.hasSuffix(Refund.orderTotalSuffix) }
}
