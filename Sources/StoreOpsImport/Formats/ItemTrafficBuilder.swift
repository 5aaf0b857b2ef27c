import StoreOpsCore

/// Item traffic, summed per item and day over the file's rows (an Amazon report lists an ASIN once per SKU).
/// Facts are handed on when the file ends; memory grows with the number of items, not rows.
struct ItemTrafficBuilder: FactBuilder {
    private var totals: [String: ItemTrafficDay] = [:]
    private var keys: [String] = []

    mutating func add(_ row: FieldReader) -> [CompletedUnit] {
        var r = row
        var facts = FactBatch()
        RowBuilders.itemTraffic(&r, &facts)
        for item in facts.itemTraffic {
            let key = "\(item.day.iso)|\(item.productID)"
            if var total = totals[key] {
                total.visitors += item.visitors
                total.pageViews += item.pageViews
                total.buyers += item.buyers
                total.units += item.units
                total.gmv += item.gmv
                totals[key] = total
            } else {
                totals[key] = item
                keys.append(key)
            }
        }
        return [CompletedUnit(records: [row.record], diagnostics: r.diagnostics, facts: FactBatch())]
    }

    mutating func finish() -> [CompletedUnit] {
        var facts = FactBatch()
        facts.itemTraffic = keys.map { totals[$0]! }
        return [CompletedUnit(records: [], diagnostics: [], facts: facts)]
    }
}
