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

    public init(store: StoreID, commissionPPM: Int64 = 0, paymentFeePPM: Int64 = 0, shippingPerOrder: Money? = nil, otherDailyCost: Money? = nil) {
        self.store = store
        self.commissionPPM = commissionPPM
        self.paymentFeePPM = paymentFeePPM
        self.shippingPerOrder = shippingPerOrder
        self.otherDailyCost = otherDailyCost
    }
}
