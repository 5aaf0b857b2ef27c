import Foundation
import StoreOpsCore
import StoreOpsStorage

/// Hero items, lead times and safety days set by hand per SKU (`storeops product set|list`, or an item-settings
/// sheet): kept apart from the catalog, so re-importing an item export never erases them.
public struct ProductSettingsService: Sendable {
    let storage: any StoreOpsStore

    public init(storage: any StoreOpsStore) { self.storage = storage }

    /// Sets what is given for `sku` and keeps what is not (nil); returns the SKU's settings as now stored.
    public func set(store id: StoreID, sku: String, hero: Bool?, leadDays: Int?, safetyDays: Int?) async throws -> SKUSetting {
        _ = try await storage.requireStore(id)
        let code = sku.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty, code.utf8.count <= 100 else {
            throw ServiceError(.invalidInput,
                               "--sku must name the SKU code (up to 100 bytes), as the order lines and stock name it.")
        }
        guard hero != nil || leadDays != nil || safetyDays != nil else {
            throw ServiceError(.invalidInput, "Nothing to set: give --hero or --no-hero, --lead-days or --safety-days.")
        }
        for (name, days) in [("--lead-days", leadDays), ("--safety-days", safetyDays)] {
            if let days, !SKUSetting.dayRange.contains(days) {
                throw ServiceError(.invalidInput, "\(name) must be from 0 to 365 days; got \(days).")
            }
        }
        var batch = FactBatch()
        batch.skuSettings = [SKUSetting(store: id, skuID: code, isHero: hero, leadTimeDays: leadDays, safetyDays: safetyDays)]
        try await storage.write(batch, to: id)
        return try await list(store: id).first { $0.skuID == code } ?? batch.skuSettings[0]
    }

    /// Every SKU with a setting, by SKU code.
    public func list(store id: StoreID) async throws -> [SKUSetting] {
        _ = try await storage.requireStore(id)
        return try await storage.read(SKUSetting.self, store: id, days: nil)
    }
}
