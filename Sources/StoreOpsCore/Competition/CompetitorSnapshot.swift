/// What a competitor item looked like on one day.
public struct CompetitorSnapshot: Hashable, Sendable {
    public var store: StoreID
    public var day: Day
    public var competitorID: String
    public var itemID: String
    public var price: Money
    public var promoPrice: Money?
    /// 月销量.
    public var monthlySales: Int
    /// The number of reviews; nil when the snapshot did not say.
    public var reviewCount: Int?
    public var title: String
    /// A fingerprint of the main image; a change means a new image.
    public var mainImage: String?

    public init(store: StoreID, day: Day, competitorID: String, itemID: String, price: Money, promoPrice: Money? = nil, monthlySales: Int, reviewCount: Int?, title: String, mainImage: String? = nil) {
        self.store = store
        self.day = day
        self.competitorID = competitorID
        self.itemID = itemID
        self.price = price
        self.promoPrice = promoPrice
        self.monthlySales = monthlySales
        self.reviewCount = reviewCount
        self.title = title
        self.mainImage = mainImage
    }
}
