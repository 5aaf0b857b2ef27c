/// A shop on one platform: the unit every fact, report and permission is keyed by.
public struct Store: Hashable, Sendable {
    public var id: StoreID
    public var name: String
    public var platform: Platform
    public var currency: Currency
    public var timeZone: StoreTimeZone
    /// The agency client the store belongs to, if any (a store of a single business has none).
    public var client: ClientID?

    public init(id: StoreID, name: String, platform: Platform, currency: Currency = .cny, timeZone: StoreTimeZone = .shanghai,
                client: ClientID? = nil) {
        self.id = id
        self.name = name
        self.platform = platform
        self.currency = currency
        self.timeZone = timeZone
        self.client = client
    }
}
