import StoreOpsCore

/// The SQL of stores and their cost settings, the same on every backend (`?` placeholders).
public enum StoreSQL {
    public static let upsertStore = """
        INSERT INTO stores (store_id, name, platform, currency, time_zone, client_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (store_id) DO UPDATE SET name = excluded.name, platform = excluded.platform,
            currency = excluded.currency, time_zone = excluded.time_zone, client_id = excluded.client_id,
            revision = stores.revision + 1
        """
    /// Run by every write to a store's data, last in its transaction (on PostgreSQL it locks the store's row until
    /// the commit).
    public static let bumpRevision = "UPDATE stores SET revision = revision + 1 WHERE store_id = ?"
    public static let selectRevision = "SELECT revision FROM stores WHERE store_id = ?"

    public static func storeArguments(_ store: Store, now: Instant) -> [SQLValue] {
        [.text(store.id.rawValue), .text(store.name), .raw(store.platform), .text(store.currency.code), .text(store.timeZone.identifier),
         .text(store.client?.rawValue), .instant(now)]
    }

    static let storeColumns = "store_id, name, platform, currency, time_zone, client_id"
    public static let selectStore = "SELECT \(storeColumns) FROM stores WHERE store_id = ?"
    public static let selectStores = "SELECT \(storeColumns) FROM stores ORDER BY store_id"

    /// A store from the columns of `selectStore`.
    public static func decodeStore(_ values: [SQLValue]) throws -> Store {
        var r = RowReader(values: values, store: "stores", currency: .cny, table: "stores")
        let id = try r.text(), name = try r.text(), platform = try r.text(), currency = try r.text(), zone = try r.text()
        let client = try r.optionalText()
        guard let storeID = StoreID(id), let p = Platform(rawValue: platform), let tz = StoreTimeZone(zone) else {
            throw StorageError(.corruptRow, "The stored store \(id) has an unknown platform or time zone (\(platform), \(zone)).")
        }
        return Store(id: storeID, name: name, platform: p, currency: Currency(currency), timeZone: tz, client: client.flatMap(ClientID.init))
    }

    public static let selectCosts = """
        SELECT commission_ppm, payment_fee_ppm, shipping_per_order_minor, other_daily_cost_minor FROM cost_settings WHERE store_id = ?
        """
    public static let deleteTarget = "DELETE FROM targets WHERE store_id = ? AND period = ? AND start_day = ?"
    public static let selectShippingRules = "SELECT region, max_grams, cost_minor FROM shipping_rules WHERE store_id = ? ORDER BY position"

    public static let upsertCosts = """
        INSERT INTO cost_settings (store_id, commission_ppm, payment_fee_ppm, shipping_per_order_minor, other_daily_cost_minor)
        VALUES (?, ?, ?, ?, ?) ON CONFLICT (store_id) DO UPDATE SET commission_ppm = excluded.commission_ppm,
            payment_fee_ppm = excluded.payment_fee_ppm, shipping_per_order_minor = excluded.shipping_per_order_minor,
            other_daily_cost_minor = excluded.other_daily_cost_minor
        """
    public static let deleteShippingRules = "DELETE FROM shipping_rules WHERE store_id = ?"
    public static let insertShippingRule = "INSERT INTO shipping_rules (store_id, position, region, max_grams, cost_minor) VALUES (?, ?, ?, ?, ?)"

    /// The statements (with arguments) that replace a store's cost settings and shipping price list.
    public static func saveCosts(_ settings: CostSettings) -> [(sql: String, arguments: [SQLValue])] {
        let store = SQLValue.text(settings.store.rawValue)
        var statements: [(sql: String, arguments: [SQLValue])] = [
            (upsertCosts, [store, .int(settings.commissionPPM), .int(settings.paymentFeePPM), .money(settings.shippingPerOrder), .money(settings.otherDailyCost)]),
            (deleteShippingRules, [store]),
        ]
        for (position, rule) in settings.shippingRules.enumerated() {
            statements.append((insertShippingRule, [store, .int(position), .text(rule.region), .int(rule.maxGrams), .money(rule.cost)]))
        }
        return statements
    }

    /// Cost settings from a `selectCosts` row and the `selectShippingRules` rows.
    public static func decodeCosts(_ values: [SQLValue], rules: [[SQLValue]], store: StoreID, currency: Currency) throws -> CostSettings {
        var r = RowReader(values: values, store: store, currency: currency, table: "cost_settings")
        let commission = try r.int64(), fee = try r.int64(), shipping = try r.optionalMoney(), other = try r.optionalMoney()
        let shippingRules = try rules.map { values -> ShippingRule in
            var rule = RowReader(values: values, store: store, currency: currency, table: "shipping_rules")
            let region = try rule.optionalText(), grams = try rule.optionalInt(), cost = try rule.money()
            return ShippingRule(region: region, maxGrams: grams.map { Int($0) }, cost: cost)
        }
        return CostSettings(store: store, commissionPPM: commission, paymentFeePPM: fee, shippingPerOrder: shipping, otherDailyCost: other,
                            shippingRules: shippingRules)
    }
}
