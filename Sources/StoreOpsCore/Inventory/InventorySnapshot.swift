/// Stock of one SKU at the end of a day.
public struct InventorySnapshot: Hashable, Sendable {
    public var store: StoreID
    public var day: Day
    public var skuID: String
    /// Sellable units in the warehouse.
    public var onHand: Int
    /// Units on open purchase orders.
    public var incoming: Int

    public init(store: StoreID, day: Day, skuID: String, onHand: Int, incoming: Int = 0) {
        self.store = store
        self.day = day
        self.skuID = skuID
        self.onHand = onHand
        self.incoming = incoming
    }
}
