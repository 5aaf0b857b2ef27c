import StoreOpsCore
import StoreOpsStorage

/// Creating and listing stores.
public struct StoreService: Sendable {
    let storage: any StoreOpsStore

    public init(storage: any StoreOpsStore) { self.storage = storage }

    /// Validates and saves a store (creating it, or updating its name, platform, currency and time zone).
    @discardableResult
    public func add(id: String, name: String, platform: String, currency: String = "CNY", timeZone: String = "Asia/Shanghai") async throws -> Store {
        guard let storeID = StoreID(id) else {
            throw ServiceError(.invalidInput, "\"\(id)\" is not a valid store id: use 1-64 lower-case letters, digits, - or _, e.g. acme-tmall.")
        }
        let trimmed = name.trimmingWhitespace
        guard !trimmed.isEmpty else { throw ServiceError(.invalidInput, "The store name is empty: give it with --name, e.g. --name \"棉麻时光女装店\".") }
        guard let platform = Platform(rawValue: platform.lowercased()) else {
            throw ServiceError(.invalidInput, "Unknown platform \"\(platform)\": use one of \(Platform.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        guard Currency.isValidCode(currency) else {
            throw ServiceError(.invalidInput, "\"\(currency)\" is not an ISO 4217 currency code: use three letters, e.g. CNY, USD, CAD.")
        }
        guard let zone = StoreTimeZone(timeZone) else {
            throw ServiceError(.invalidInput, "Unknown time zone \"\(timeZone)\": use an IANA name such as Asia/Shanghai or America/Toronto.")
        }
        // An existing store keeps its client (moved with `storeops store assign`).
        let client = try await storage.store(storeID)?.client
        let store = Store(id: storeID, name: trimmed, platform: platform, currency: Currency(currency), timeZone: zone, client: client)
        try await storage.saveStore(store)
        return store
    }

    /// All stores, by id.
    public func list() async throws -> [Store] { try await storage.stores() }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
