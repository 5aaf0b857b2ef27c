/// One paid order as customer analytics sees it: who paid, on which store-local day, and how much.
public struct Purchase: Hashable, Sendable {
    /// The buyer's pseudonym (or a customer id of a transaction file).
    public var customer: String
    public var day: Day
    /// The amount paid, in minor units of the store's currency.
    public var amountMinor: Int64

    public init(customer: String, day: Day, amountMinor: Int64) {
        self.customer = customer
        self.day = day
        self.amountMinor = amountMinor
    }

    /// The purchase an order makes: nil when it was never paid or its buyer is unknown (no buyer id in the export).
    public init?(_ order: Order) {
        guard let buyer = order.buyer, !buyer.isEmpty, let day = order.paidDay, order.isPaid else { return nil }
        self.init(customer: buyer, day: day, amountMinor: order.paidAmount.minor)
    }
}
