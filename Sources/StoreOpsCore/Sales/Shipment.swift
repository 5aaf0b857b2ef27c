/// A parcel sent for an order. An order export names the parcel (tracking number, carrier, shipping time) but
/// knows nothing of its way; a tracking export brings its status. What a file did not say is nil, and a later file
/// that does not say it either keeps what an earlier one said (the storage upserts these fields only when known).
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
    /// The order it was sent for; nil when a tracking export without order numbers named a parcel first.
    public var orderID: String?
    public var carrier: String?
    public var shippedAt: Instant?
    /// What the carrier last reported; nil while no tracking report is known (the parcel is not judged).
    public var status: Status?
    /// The last tracking update; no update for 72 h is a logistics exception. Nil with `status`.
    public var lastEventAt: Instant?

    public init(store: StoreID, trackingNo: String, orderID: String?, carrier: String?, shippedAt: Instant?, status: Status?,
                lastEventAt: Instant?) {
        self.store = store
        self.trackingNo = trackingNo
        self.orderID = orderID
        self.carrier = carrier
        self.shippedAt = shippedAt
        self.status = status
        self.lastEventAt = lastEventAt
    }
}
