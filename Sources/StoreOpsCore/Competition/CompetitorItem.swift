/// A competitor's item that is tracked, with the item of ours it competes with.
public struct CompetitorItem: Hashable, Sendable {
    public var store: StoreID
    public var competitorID: String
    public var itemID: String
    public var title: String
    public var isCore: Bool
    public var ourProductID: String?
    public var listedOn: Day?

    public init(store: StoreID, competitorID: String, itemID: String, title: String, isCore: Bool = true, ourProductID: String? = nil, listedOn: Day? = nil) {
        self.store = store
        self.competitorID = competitorID
        self.itemID = itemID
        self.title = title
        self.isCore = isCore
        self.ourProductID = ourProductID
        self.listedOn = listedOn
    }
}
