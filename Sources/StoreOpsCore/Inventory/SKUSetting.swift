/// What the operator says about one SKU by hand (`storeops product set`, or an item-settings sheet): whether it is a
/// hero item (主推款), its supplier lead time and its own safety days. Every part may be unsaid (nil): an unsaid part
/// keeps what was set before, and a SKU that was never set follows the store's settings and the catalog.
public struct SKUSetting: Hashable, Sendable {
    public var store: StoreID
    public var skuID: String
    /// Hero item (true), not one even if the catalog flags its item (false), or unsaid.
    public var isHero: Bool?
    /// Days from ordering to sellable stock; overrides the catalog's lead time and the store's default.
    public var leadTimeDays: Int?
    /// Days of cover kept on top of the lead time; overrides the store's `safety_days`.
    public var safetyDays: Int?

    public init(store: StoreID, skuID: String, isHero: Bool? = nil, leadTimeDays: Int? = nil, safetyDays: Int? = nil) {
        self.store = store
        self.skuID = skuID
        self.isHero = isHero
        self.leadTimeDays = leadTimeDays
        self.safetyDays = safetyDays
    }

    /// The days a lead or safety time may be (a year at most: a figure beyond is a typo).
    public static let dayRange = 0...365
}
