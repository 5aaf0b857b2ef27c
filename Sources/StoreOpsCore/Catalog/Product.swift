/// An item (宝贝/商品) as listed on the platform; SKUs are its variants.
public struct Product: Hashable, Sendable {
    public var store: StoreID
    /// The platform's item id (宝贝ID / 商品id / ASIN / handle).
    public var id: String
    public var title: String
    public var category: String?
    /// The list price of the item (lowest SKU price when SKUs differ).
    public var price: Money
    /// Flagged by hand as a hero item (主推款/爆款).
    public var isHero: Bool
    /// Listed since (store-local day), when known.
    public var listedOn: Day?

    public init(store: StoreID, id: String, title: String, category: String? = nil, price: Money, isHero: Bool = false, listedOn: Day? = nil) {
        self.store = store
        self.id = id
        self.title = title
        self.category = category
        self.price = price
        self.isHero = isHero
        self.listedOn = listedOn
    }
}
