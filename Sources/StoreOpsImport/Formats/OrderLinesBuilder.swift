import StoreOpsCore

/// Order lines of an item export (宝贝报表). Lines are numbered in file order within each order; an order's
/// rows follow each other, so re-importing the same or an overlapping export gives the same numbers. An order whose
/// rows come back further down is an error naming both lines: numbered again from 1, they would overwrite its lines.
struct OrderLinesBuilder: FactBuilder {
    private var lastOrder: String?
    private var lineNo = 0
    private var used = KeyLedger()

    mutating func add(_ row: FieldReader) -> [CompletedUnit] {
        var r = row
        var facts = FactBatch()
        let orderID = r.required("order_id", r.keyID("order_id"))
        let price = r.required("line_price", r.money("line_price"))
        let quantity = r.required("line_quantity", r.count("line_quantity"))
        if let quantity, quantity < 0 { r.fail("line_quantity", "The quantity is negative", hint: "Item exports list bought quantities; refunds come from the refund export",
                                              zh: ("购买数量为负", "宝贝报表只列购买数量；退款请导入退款报表")) }
        var returned = false
        if let orderID, orderID != lastOrder, let earlier = used.note(orderID, line: row.record.line, content: 0) {
            returned = true
            r.fail("order_id", "Order \(orderID) has lines on line \(earlier.line) and again on line \(row.record.line), with other orders' "
                    + "lines between: the later lines would overwrite the earlier ones",
                   hint: "Keep an order's lines together (sort the export by order number), or import the parts as separate files",
                   zh: ("订单 \(orderID) 的明细在第 \(earlier.line) 行出现后，又在第 \(row.record.line) 行出现，中间隔着其他订单：后面的明细会覆盖前面的",
                        "让同一订单的明细排在一起（按订单编号排序），或分成几个文件导入"))
        }
        // A returning order does not become the current one: every row of it is refused, not only the first.
        if let orderID, orderID != lastOrder, !returned {
            lastOrder = orderID
            lineNo = 0
        }
        if let orderID, let price, let quantity, !r.hasErrors {
            lineNo += 1
            let sku = r.id("line_sku") ?? r.id("line_sku_fallback")
            facts.orderLines.append(OrderLine(store: r.context.store.id, orderID: orderID, lineNo: lineNo, productID: r.id("line_product_id"), skuID: sku,
                                              title: r.text("line_title") ?? "", unitPrice: price, quantity: quantity))
        }
        return [CompletedUnit(records: [row.record], diagnostics: r.diagnostics, facts: r.hasErrors ? FactBatch() : facts)]
    }

    mutating func finish() -> [CompletedUnit] { [] }
}

/// Products with their variants (continuation rows share the product id) and unit costs.
struct ProductsBuilder: FactBuilder {
    private var current: String?
    private var rows: [FieldReader] = []

    mutating func add(_ row: FieldReader) -> [CompletedUnit] {
        var r = row
        guard let id = r.required("product_id", r.id("product_id")) else { return flush() + [CompletedUnit(records: [row.record], diagnostics: r.diagnostics, facts: FactBatch())] }
        var done: [CompletedUnit] = []
        if id != current { done = flush() }
        current = id
        rows.append(row)
        return done
    }

    mutating func finish() -> [CompletedUnit] { flush() }

    private mutating func flush() -> [CompletedUnit] {
        guard let id = current, !rows.isEmpty else { return [] }
        defer { rows = []; current = nil }
        var diagnostics: [Diagnostic] = []
        var facts = FactBatch()
        var head = rows[0]
        let context = head.context
        let title = head.text("title") ?? id
        let category = head.text("category")
        diagnostics += head.diagnostics
        for (n, original) in rows.enumerated() {
            var row = n == 0 ? head : original
            let before = row.diagnostics.count
            guard let price = row.money("price") else { diagnostics += row.diagnostics[before...]; continue }
            let sku = row.id("sku") ?? "\(id)#\(facts.skus.count + 1)"
            facts.skus.append(SKU(store: context.store.id, id: sku, productID: id, attributes: row.text("attributes") ?? "", price: price,
                                  weightGrams: row.count("grams")))
            if let cost = row.money("cost") {
                facts.skuCosts.append(SKUCost(store: context.store.id, skuID: sku, effectiveFrom: context.costsFrom, unitCost: cost))
            }
            diagnostics += row.diagnostics[before...]
        }
        let records = rows.map(\.record)
        if diagnostics.contains(where: { $0.severity == .error }) { return [CompletedUnit(records: records, diagnostics: diagnostics, facts: FactBatch())] }
        let price = facts.skus.map(\.price).min() ?? .zero(context.store.currency)
        facts.products.append(Product(store: context.store.id, id: id, title: title, category: category, price: price))
        return [CompletedUnit(records: records, diagnostics: diagnostics, facts: facts)]
    }
}
