import StoreOpsCore
import StoreOpsStorage

/// Creating and listing stores.
public struct StoreService: Sendable {
    let storage: any StoreOpsStore

    public init(storage: any StoreOpsStore) { self.storage = storage }

    /// Validates and saves a store (creating it, or updating its name, platform, currency and time zone).
    @discardableResult
    /// Adds a store, or updates the one with this id. A store of a mainland-China platform defaults to CNY and
    /// Asia/Shanghai; any other platform's store needs both given (an update keeps the store's own): a guessed currency
    /// or time zone would let exports in other money in without a word, and shift every day.
    public func add(id: String, name: String, platform: String, currency: String? = nil, timeZone: String? = nil) async throws -> Store {
        guard let storeID = StoreID(id) else {
            throw ServiceError(.invalidInput, "\"\(id)\" is not a valid store id: use 1-64 lower-case letters, digits, - or _, e.g. acme-tmall.")
        }
        let trimmed = name.trimmingWhitespace
        guard !trimmed.isEmpty else { throw ServiceError(.invalidInput, "The store name is empty: give it with --name, e.g. --name \"棉麻时光女装店\".") }
        guard let platform = Platform(rawValue: platform.lowercased()) else {
            throw ServiceError(.invalidInput, "Unknown platform \"\(platform)\": use one of \(Platform.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let existing = try await storage.store(storeID)
        let mainland: Set<Platform> = [.taobao, .tmall, .jd, .pdd, .douyin]
        let defaults = mainland.contains(platform) ? (currency: "CNY", timeZone: "Asia/Shanghai") : nil
        guard let currency = currency ?? existing?.currency.code ?? defaults?.currency,
              let timeZone = timeZone ?? existing?.timeZone.identifier ?? defaults?.timeZone else {
            throw ServiceError(.invalidInput, "A \(platform.englishName) store needs its currency and time zone: give --currency (e.g. USD, CAD, "
                + "GBP) and --timezone (e.g. America/Toronto, Europe/London), as its back-end shows them.")
        }
        guard Currency.isValidCode(currency) else {
            throw ServiceError(.invalidInput, "\"\(currency)\" is not an ISO 4217 currency code: use three letters, e.g. CNY, USD, CAD.")
        }
        guard let zone = StoreTimeZone(timeZone) else {
            throw ServiceError(.invalidInput, "Unknown time zone \"\(timeZone)\": use an IANA name such as Asia/Shanghai or America/Toronto.")
        }
        // An existing store keeps its client (moved with `storeops store assign`).
        let client = existing?.client
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
