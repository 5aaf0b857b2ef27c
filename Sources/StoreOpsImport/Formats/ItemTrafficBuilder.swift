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
            if let total = totals[key] {
                guard let sum = total.adding(item) else {
                    r.fail("gmv", "The rows of this item and day add up to more than can be counted",
                           hint: "Check the numbers of this item's rows",
                           zh: ("这个商品这一天的各行合计超出范围", "请检查这个商品各行的数字"))
                    return [CompletedUnit(records: [row.record], diagnostics: r.diagnostics, facts: FactBatch())]
                }
                totals[key] = sum
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

extension ItemTrafficDay {
    /// This day's figures plus `other`'s, or nil when a sum passes Int64.
    fileprivate func adding(_ other: ItemTrafficDay) -> ItemTrafficDay? {
        var sum = self
        let visitors = visitors.addingReportingOverflow(other.visitors)
        let pageViews = pageViews.addingReportingOverflow(other.pageViews)
        let buyers = buyers.addingReportingOverflow(other.buyers)
        let units = units.addingReportingOverflow(other.units)
        guard !visitors.overflow, !pageViews.overflow, !buyers.overflow, !units.overflow, let gmv = gmv.adding(other.gmv) else {
            return nil
        }
        sum.visitors = visitors.partialValue
        sum.pageViews = pageViews.partialValue
        sum.buyers = buyers.partialValue
        sum.units = units.partialValue
        sum.gmv = gmv
        // A figure one of the rows lacks is unknown for the item's day.
        func total(_ a: Int?, _ b: Int?) -> Int? {
            guard let a, let b else { return nil }
            let (value, overflow) = a.addingReportingOverflow(b)
            return overflow ? nil : value
        }
        sum.bouncedVisitors = total(bouncedVisitors, other.bouncedVisitors)
        sum.addToCartBuyers = total(addToCartBuyers, other.addToCartBuyers)
        sum.favourites = total(favourites, other.favourites)
        return sum
    }
}
