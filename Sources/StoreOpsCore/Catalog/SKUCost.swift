/// The unit cost of a SKU from a day on, until a later cost takes over (effective dating).
public struct SKUCost: Hashable, Sendable {
    public var store: StoreID
    public var skuID: String
    public var effectiveFrom: Day
    public var unitCost: Money

    public init(store: StoreID, skuID: String, effectiveFrom: Day, unitCost: Money) {
        self.store = store
        self.skuID = skuID
        self.effectiveFrom = effectiveFrom
        self.unitCost = unitCost
    }
}
