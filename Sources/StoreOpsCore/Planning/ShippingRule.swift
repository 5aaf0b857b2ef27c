/// One line of a store's shipping price list: orders to `region` (any region when nil) weighing at most
/// `maxGrams` (any weight when nil) cost `cost` to ship. The first rule that fits an order applies.
public struct ShippingRule: Hashable, Sendable {
    public var region: String?
    public var maxGrams: Int?
    public var cost: Money

    public init(region: String? = nil, maxGrams: Int? = nil, cost: Money) {
        self.region = region
        self.maxGrams = maxGrams
        self.cost = cost
    }

    /// The rule as it is written: `REGION:MAX_GRAMS:COST`, `*` for any region or weight (e.g. `浙江省:1000:4.00`).
    public var written: String {
        "\(region ?? "*"):\(maxGrams.map(String.init) ?? "*"):\(cost.decimalString)"
    }

    /// Whether the rule fits an order to `region` weighing `grams`.
    public func fits(region orderRegion: String, grams: Int) -> Bool {
        (region == nil || region == orderRegion) && (maxGrams.map { grams <= $0 } ?? true)
    }
}

/// Paid orders of one day to one region in one 100 g weight band (band 3 is 201-300 g; 0 is unknown weight).
public struct ShippingBand: Hashable, Sendable {
    public var region: String
    public var band: Int
    public var orders: Int64

    public init(region: String, band: Int, orders: Int64) {
        self.region = region
        self.band = band
        self.orders = orders
    }
}
