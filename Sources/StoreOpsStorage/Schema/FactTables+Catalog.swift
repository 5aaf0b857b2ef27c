import StoreOpsCore

extension Product: StoredFact {
    public static let table = FactTable<Product>(
        name: "products", columns: ["product_id", "title", "category", "price_minor", "is_hero", "listed_on"], key: ["product_id"],
        dayFilter: .none, rows: { $0.products }, store: { $0.store },
        encode: { [.text($0.id), .text($0.title), .text($0.category), .money($0.price), .bool($0.isHero), .day($0.listedOn)] },
        decode: { r in
            Product(store: r.store, id: try r.text(), title: try r.text(), category: try r.optionalText(), price: try r.money(),
                    isHero: try r.bool(), listedOn: try r.optionalDay())
        })
}

extension SKU: StoredFact {
    public static let table = FactTable<SKU>(
        name: "skus", columns: ["sku_id", "product_id", "attributes", "price_minor", "weight_grams", "lead_time_days"], key: ["sku_id"],
        dayFilter: .none, rows: { $0.skus }, store: { $0.store },
        encode: { [.text($0.id), .text($0.productID), .text($0.attributes), .money($0.price), .int($0.weightGrams), .int($0.leadTimeDays)] },
        decode: { r in
            SKU(store: r.store, id: try r.text(), productID: try r.text(), attributes: try r.text(), price: try r.money(),
                weightGrams: try r.optionalIntValue(), leadTimeDays: try r.optionalIntValue())
        })
}

extension SKUCost: StoredFact {
    public static let table = FactTable<SKUCost>(
        name: "sku_costs", columns: ["sku_id", "effective_from", "unit_cost_minor"], key: ["sku_id", "effective_from"],
        dayFilter: .none, rows: { $0.skuCosts }, store: { $0.store },
        encode: { [.text($0.skuID), .day($0.effectiveFrom), .money($0.unitCost)] },
        decode: { r in SKUCost(store: r.store, skuID: try r.text(), effectiveFrom: try r.day(), unitCost: try r.money()) })
}
