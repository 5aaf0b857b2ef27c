/// A store's cost settings for profit: platform commission, payment fees, shipping and fixed daily costs.
/// Rates are in parts per million (5 % is 50,000) so that no floating point enters money.
public struct CostSettings: Hashable, Sendable {
    public var store: StoreID
    /// Platform commission on GMV (平台扣点), e.g. Tmall 2-5 %.
    public var commissionPPM: Int64
    /// Payment processing fee on GMV (支付手续费), e.g. 0.6 %.
    public var paymentFeePPM: Int64
    /// Flat shipping cost per paid order (发货成本); nil when not set.
    public var shippingPerOrder: Money?
    /// Other fixed costs per day (rent, wages, tools); nil when not set.
    public var otherDailyCost: Money?
    /// Shipping prices by region and weight, first fit wins; orders no rule fits cost `shippingPerOrder`.
    public var shippingRules: [ShippingRule]

    public init(store: StoreID, commissionPPM: Int64 = 0, paymentFeePPM: Int64 = 0, shippingPerOrder: Money? = nil, otherDailyCost: Money? = nil,
                shippingRules: [ShippingRule] = []) {
        self.store = store
        self.commissionPPM = commissionPPM
        self.paymentFeePPM = paymentFeePPM
        self.shippingPerOrder = shippingPerOrder
        self.otherDailyCost = otherDailyCost
        self.shippingRules = shippingRules
    }

    /// The shipping cost of a day's paid orders: by the rules for each region and weight band (a band's upper
    /// weight is compared with the rule), else the flat cost per order; nil when some orders have no price.
    public func shippingCost(orders: Int64, bands: [ShippingBand], currency: Currency) -> Money? {
        guard !shippingRules.isEmpty else { return shippingPerOrder.map { $0 * orders } }
        var total = Money.zero(currency)
        for band in bands {
            if let rule = shippingRules.first(where: { $0.fits(region: band.region, grams: band.band * 100) }) {
                total += rule.cost * band.orders
            } else if let flat = shippingPerOrder {
                total += flat * band.orders
            } else {
                return nil
            }
        }
        return total
    }
}
