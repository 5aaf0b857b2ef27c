import StoreOpsCore

extension Array where Element == SKUSales {
    /// Units and line revenue per item (the SKU when its lines name no item), summed wide in 128 bits: a caller leaves
    /// out an item whose total does not fit an amount rather than showing it wrong.
    func totalsByItem() -> [String: (units: Int128, revenue: Int128)] {
        var items: [String: (units: Int128, revenue: Int128)] = [:]
        for sale in self {
            let item = sale.productID ?? sale.skuID ?? ""
            var line = items[item] ?? (0, 0)
            line.units += Int128(sale.units)
            line.revenue += Int128(sale.revenue.minor)
            items[item] = line
        }
        return items
    }

    /// Units and line revenue per SKU (lines without a SKU left out), summed in 128 bits like `totalsByItem`.
    func totalsBySKU() -> [String: (units: Int128, revenue: Int128)] {
        var skus: [String: (units: Int128, revenue: Int128)] = [:]
        for sale in self {
            guard let sku = sale.skuID else { continue }
            var line = skus[sku] ?? (0, 0)
            line.units += Int128(sale.units)
            line.revenue += Int128(sale.revenue.minor)
            skus[sku] = line
        }
        return skus
    }
}
