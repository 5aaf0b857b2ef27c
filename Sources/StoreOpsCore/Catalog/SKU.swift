/// A sellable variant of a product (颜色/尺码...), identified by the merchant code (商家编码) or platform SKU id.
public struct SKU: Hashable, Sendable {
    public var store: StoreID
    public var id: String
    public var productID: String
    /// The variant's attributes as shown by the platform, e.g. `颜色分类:红色;尺码:M`.
    public var attributes: String
    public var price: Money
    /// Weight in grams, for shipping cost bands.
    public var weightGrams: Int?
    /// Supplier lead time in days, for restock suggestions.
    public var leadTimeDays: Int?

    public init(store: StoreID, id: String, productID: String, attributes: String = "", price: Money, weightGrams: Int? = nil, leadTimeDays: Int? = nil) {
        self.store = store
        self.id = id
        self.productID = productID
        self.attributes = attributes
        self.price = price
        self.weightGrams = weightGrams
        self.leadTimeDays = leadTimeDays
    }
}
