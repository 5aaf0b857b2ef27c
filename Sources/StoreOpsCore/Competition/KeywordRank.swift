/// Our item's organic rank for a tracked search keyword on one day.
public struct KeywordRank: Hashable, Sendable {
    public var store: StoreID
    public var day: Day
    public var keyword: String
    public var productID: String
    /// 1-based position in organic results; nil when not found in the tracked pages.
    public var rank: Int?

    public init(store: StoreID, day: Day, keyword: String, productID: String, rank: Int?) {
        self.store = store
        self.day = day
        self.keyword = keyword
        self.productID = productID
        self.rank = rank
    }
}
