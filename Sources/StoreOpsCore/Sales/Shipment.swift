/// A parcel sent for an order.
public struct Shipment: Hashable, Sendable {
    /// The parcel's state as the carrier last reported it.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case inTransit = "in_transit"
        case delivered
        case lost
        case returned
    }

    public var store: StoreID
    /// The tracking number (物流单号).
    public var trackingNo: String
    public var orderID: String
    public var carrier: String
    public var shippedAt: Instant
    public var status: Status
    /// The last tracking update; no update for 72 h is a logistics exception.
    public var lastEventAt: Instant

    public init(store: StoreID, trackingNo: String, orderID: String, carrier: String, shippedAt: Instant, status: Status, lastEventAt: Instant) {
        self.store = store
        self.trackingNo = trackingNo
        self.orderID = orderID
        self.carrier = carrier
        self.shippedAt = shippedAt
        self.status = status
        self.lastEventAt = lastEventAt
    }
}
