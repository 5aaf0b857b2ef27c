/// A tracked competitor store.
public struct Competitor: Hashable, Sendable {
    public var store: StoreID
    public var id: String
    public var name: String
    public var platform: Platform
    public var tier: CompetitorTier

    public init(store: StoreID, id: String, name: String, platform: Platform, tier: CompetitorTier) {
        self.store = store
        self.id = id
        self.name = name
        self.platform = platform
        self.tier = tier
    }
}
