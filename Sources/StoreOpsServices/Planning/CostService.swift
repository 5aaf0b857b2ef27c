import StoreOpsCore
import StoreOpsStorage

/// A store's cost settings for profit.
public struct CostService: Sendable {
    let storage: any StoreOpsStore

    public init(storage: any StoreOpsStore) { self.storage = storage }

    /// The service as `context`'s user: every read and write limited to what their grants reach.
    public init(_ context: AccessContext) { self.init(storage: context.storage) }

    /// The cost rates of store `id`, nil while none are set.
    public func settings(store id: StoreID) async throws -> CostSettings? {
        try await storage.costSettings(store: id)
    }

    /// Updates the given settings (nil leaves a setting as it is). Rates are percentages such as `2` or `0.6`,
    /// amounts decimals in the store's currency; an empty amount clears it.
    @discardableResult
    public func set(store id: StoreID, commissionPercent: String? = nil, paymentFeePercent: String? = nil, shippingPerOrder: String? = nil,
                    otherDailyCost: String? = nil, shippingRules: [String]? = nil) async throws -> CostSettings {
        let store = try await storage.requireStore(id)
        var settings = try await storage.costSettings(store: id) ?? CostSettings(store: id)
        func ppm(_ text: String, _ name: String) throws -> Int64 {
            let trimmed = text.hasSuffix("%") ? String(text.dropLast()) : text
            guard let value = Money.parseMinor(trimmed, digits: 4), (0...1_000_000).contains(value) else {
                throw ServiceError(.invalidInput, "--\(name) \"\(text)\" is not a percentage between 0 and 100, e.g. 2 or 0.6.")
            }
            return value
        }
        func amount(_ text: String, _ name: String) throws -> Money? {
            if text.isEmpty { return nil }
            guard let money = Money(decimal: text, currency: store.currency), !money.isNegative else {
                throw ServiceError(.invalidInput, "--\(name) \"\(text)\" is not an amount in \(store.currency.code), e.g. 4.50.")
            }
            return money
        }
        if let commissionPercent { settings.commissionPPM = try ppm(commissionPercent, "commission") }
        if let paymentFeePercent { settings.paymentFeePPM = try ppm(paymentFeePercent, "payment-fee") }
        if let shippingPerOrder { settings.shippingPerOrder = try amount(shippingPerOrder, "shipping-per-order") }
        if let otherDailyCost { settings.otherDailyCost = try amount(otherDailyCost, "other-daily-cost") }
        if let shippingRules {
            settings.shippingRules = try shippingRules.map { text in
                // REGION:MAX_GRAMS:COST, with * for any region or any weight.
                let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 3, parts[1] == "*" || Int(parts[1]).map({ $0 > 0 }) == true,
                      let cost = Money(decimal: parts[2], currency: store.currency), !cost.isNegative else {
                    throw ServiceError(.invalidInput, "--shipping-rule \"\(text)\" is not REGION:MAX_GRAMS:COST, e.g. 浙江省:1000:4.00 or *:*:8.00.")
                }
                return ShippingRule(region: parts[0] == "*" ? nil : parts[0], maxGrams: Int(parts[1]), cost: cost)
            }
        }
        try await storage.saveCostSettings(settings)
        return settings
    }
}
