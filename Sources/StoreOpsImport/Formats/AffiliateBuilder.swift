import StoreOpsCore

/// Affiliate (淘宝客) commissions: one row per order or per sub-order; the rows of one order are summed into the order's
/// commission, counted on its paid day (the earliest day its rows give). Rows without a payment time are orders not
/// paid: they owe nothing and are left out.
struct AffiliateBuilder: FactBuilder {
    private var totals: [String: AffiliateCommission] = [:]
    private var order: [String] = []

    mutating func add(_ row: FieldReader) -> [CompletedUnit] {
        var r = row
        let id = r.required("order_id", r.keyID("order_id"))
        // An order not paid (no payment time in a file that has the column) owes no commission: it is left out.
        if r.has("paid_at"), r.raw("paid_at").flatMap(Cell.clean) == nil, !r.hasErrors {
            return [CompletedUnit(records: [row.record], diagnostics: r.diagnostics, facts: FactBatch())]
        }
        let day = r.has("paid_at") ? r.instant("paid_at").map { r.context.store.timeZone.day(of: $0) } : r.day()
        let commission = r.required("commission", r.money("commission"))
        let amount = r.money("order_amount") ?? .zero(r.context.store.currency)
        guard let id, let day, let commission, !r.hasErrors else {
            return [CompletedUnit(records: [row.record], diagnostics: r.diagnostics, facts: FactBatch())]
        }
        let entry = AffiliateCommission(store: r.context.store.id, orderID: id, day: day, orderAmount: amount, commission: commission)
        if let total = totals[id] {
            guard let sumAmount = total.orderAmount.adding(amount), let sumCommission = total.commission.adding(commission) else {
                r.fail("commission", "The rows of order \(id) add up to more than can be counted", hint: "Check the amounts of its rows",
                       zh: ("订单 \(id) 各行合计超出范围", "请检查这个订单各行的金额"))
                return [CompletedUnit(records: [r.record], diagnostics: r.diagnostics, facts: FactBatch())]
            }
            totals[id] = AffiliateCommission(store: total.store, orderID: id, day: min(total.day, day), orderAmount: sumAmount,
                                             commission: sumCommission)
        } else {
            totals[id] = entry
            order.append(id)
        }
        return [CompletedUnit(records: [r.record], diagnostics: r.diagnostics, facts: FactBatch())]
    }

    mutating func finish() -> [CompletedUnit] {
        var facts = FactBatch()
        facts.affiliateCommissions = order.map { totals[$0]! }
        return [CompletedUnit(records: [], diagnostics: [], facts: facts)]
    }
}
