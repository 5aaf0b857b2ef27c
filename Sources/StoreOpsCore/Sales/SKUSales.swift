/// Units and revenue (unit price x quantity) of one SKU of one product over some days, from the lines of the orders
/// paid on them.
public struct SKUSales: Hashable, Sendable {
    public var skuID: String?
    public var productID: String?
    public var units: Int
    public var revenue: Money

    public init(skuID: String?, productID: String?, units: Int, revenue: Money) {
        self.skuID = skuID
        self.productID = productID
        self.units = units
        self.revenue = revenue
    }
}
