/// One tracking update of a shipment.
public struct LogisticsEvent: Hashable, Sendable {
    public var store: StoreID
    public var trackingNo: String
    public var at: Instant
    /// Normalised state after the event.
    public var status: Shipment.Status
    /// The carrier's text, e.g. `【杭州市】快件已到达 杭州转运中心`.
    public var description: String

    public init(store: StoreID, trackingNo: String, at: Instant, status: Shipment.Status, description: String) {
        self.store = store
        self.trackingNo = trackingNo
        self.at = at
        self.status = status
        self.description = description
    }
}
