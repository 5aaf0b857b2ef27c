/// A purchase order (采购单) or pre-sale arrival for a SKU.
public struct PurchaseOrder: Hashable, Sendable {
    public var store: StoreID
    public var id: String
    public var skuID: String
    public var quantity: Int
    public var orderedOn: Day
    /// Expected arrival in the warehouse.
    public var expectedOn: Day
    public var receivedOn: Day?
    /// Stock already sold as pre-sale (预售).
    public var isPresale: Bool

    public init(store: StoreID, id: String, skuID: String, quantity: Int, orderedOn: Day, expectedOn: Day, receivedOn: Day? = nil, isPresale: Bool = false) {
        self.store = store
        self.id = id
        self.skuID = skuID
        self.quantity = quantity
        self.orderedOn = orderedOn
        self.expectedOn = expectedOn
        self.receivedOn = receivedOn
        self.isPresale = isPresale
    }
}
