/// Where an order is in its life, normalised across platforms.
public enum OrderStatus: String, Sendable, Codable, CaseIterable {
    /// Placed, not paid (等待买家付款).
    case awaitingPayment = "awaiting_payment"
    /// Paid, not shipped (买家已付款，等待卖家发货).
    case paid
    /// Paid; whether it has shipped is not known (its export had no status and no shipping columns). The unshipped
    /// check does not judge it.
    case paidShippingUnknown = "paid_shipping_unknown"
    /// Shipped, not confirmed (卖家已发货，等待买家确认).
    case shipped
    /// Completed (交易成功).
    case completed
    /// Closed: cancelled before payment or fully refunded (交易关闭).
    case closed
}
