/// A buyer review of an item.
public struct Review: Hashable, Sendable {
    public var store: StoreID
    public var id: String
    public var productID: String
    public var orderID: String?
    /// 1-5 stars.
    public var rating: Int
    public var text: String
    public var at: Instant
    /// Store-local day of `at`.
    public var day: Day
    public var replied: Bool

    public init(store: StoreID, id: String, productID: String, orderID: String? = nil, rating: Int, text: String, at: Instant, day: Day, replied: Bool = false) {
        self.store = store
        self.id = id
        self.productID = productID
        self.orderID = orderID
        self.rating = rating
        self.text = text
        self.at = at
        self.day = day
        self.replied = replied
    }

    /// Good (4-5), neutral (3) or bad (1-2), as the platforms classify ratings.
    public var sentiment: ReviewSentiment { rating >= 4 ? .good : (rating == 3 ? .neutral : .bad) }
}
