/// One item line of an order (宝贝报表 row, Shopify line item).
public struct OrderLine: Hashable, Sendable {
    public var store: StoreID
    public var orderID: String
    /// 1-based position of the line within its order.
    public var lineNo: Int
    public var productID: String?
    public var skuID: String?
    public var title: String
    public var unitPrice: Money
    public var quantity: Int
    /// The line's share of what the buyer paid, when the platform gives it.
    public var paidAmount: Money?

    public init(store: StoreID, orderID: String, lineNo: Int, productID: String?, skuID: String?, title: String,
                unitPrice: Money, quantity: Int, paidAmount: Money? = nil) {
        self.store = store
        self.orderID = orderID
        self.lineNo = lineNo
        self.productID = productID
        self.skuID = skuID
        self.title = title
        self.unitPrice = unitPrice
        self.quantity = quantity
        self.paidAmount = paidAmount
    }
}
