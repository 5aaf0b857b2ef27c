import StoreOpsCore

/// Orders from rows that are orders or order lines. Rows of one order follow each other (Shopify, Douyin,
/// invoice lines); order fields are read from the order's first row. A bad row rejects its whole order.
/// Lines with a negative quantity are returns (completed refunds). An order-level refund amount becomes a
/// completed refund without a date (it counts in the by-order-day view).
struct OrdersBuilder: FactBuilder {
    /// Whether an order's rows follow each other; when not, orders are held until the file ends.
    let adjacent: Bool
    private var currentID: String?
    private var rows: [FieldReader] = []
    private var held: [String: [FieldReader]] = [:]
    private var heldOrder: [String] = []
    /// The file's fields, looked up once (from the first row's binding).
    private var fields: Fields?
    /// Status texts read so far and what they mean (a file has a handful).
    private var statuses: [(text: String, status: OrderStatus?)] = []

    init(adjacent: Bool) { self.adjacent = adjacent }

    mutating func add(_ row: FieldReader) -> [CompletedUnit] {
        if fields?.binding !== row.binding { fields = Fields(row.binding) }
        var reader = row
        guard let id = reader.required("order_id", reader.id(fields!.orderID)) else {
            return [CompletedUnit(records: [row.record], diagnostics: reader.diagnostics, facts: FactBatch())]
        }
        if !adjacent {
            if held[id] == nil { heldOrder.append(id) }
            held[id, default: []].append(row)
            return []
        }
        var done: [CompletedUnit] = []
        if id != currentID { done = flush() }
        currentID = id
        rows.append(row)
        return done
    }

    mutating func finish() -> [CompletedUnit] {
        if adjacent { return flush() }
        defer { held = [:]; heldOrder = [] }
        return heldOrder.map { build(id: $0, rows: held[$0]!) }
    }

    private mutating func flush() -> [CompletedUnit] {
        guard let id = currentID, !rows.isEmpty else { return [] }
        let unit = build(id: id, rows: rows)
        rows = []
        currentID = nil
        return [unit]
    }

    private mutating func build(id: String, rows: [FieldReader]) -> CompletedUnit {
        let f = fields!
        var head = rows[0]
        let context = head.context
        let store = context.store
        let zero = Money.zero(store.currency)
        var facts = FactBatch()
        var diagnostics: [Diagnostic] = []

        let createdAt = head.instant(f.createdAt)
        let paidAtValue = head.has(f.paidAt) ? head.instant(f.paidAt) : nil
        var status = status(of: head.text(f.status))
        let goodsTotal = head.money(f.goodsTotal)
        let shipping = head.money(f.shippingFee) ?? zero
        let discount = head.money(f.discount) ?? zero
        let paidAmount = head.money(f.paidAmount)
        let units = head.count(f.units)
        let refundAmount = head.money(f.refundAmount)
        let region = head.text(f.region) ?? head.text(f.address).map(OrdersBuilder.province)
        let shippedAt = head.instant(f.shippedAt)
        let buyer = head.text(f.buyer).map(context.pseudonymise) ?? context.pseudonymise("anonymous-order:" + id)
        _ = head.required("created_at", createdAt ?? paidAtValue)
        diagnostics += head.diagnostics

        // Lines.
        var lines: [OrderLine] = []
        var returns: [(line: Int, amount: Money, sku: String?)] = []
        var lineSum = zero, amountSum = zero
        var hasAmounts = false
        for (index, original) in rows.enumerated() {
            var row = original
            if index == 0 { row = head }
            guard row.has(f.lineQuantity) || row.has(f.linePrice) || row.has(f.lineAmount) else { continue }
            let before = row.diagnostics.count
            let quantity = row.has(f.lineQuantity) ? row.count(f.lineQuantity) : 1
            let price = row.money(f.linePrice)
            let amount = row.money(f.lineAmount)
            let title = row.text(f.lineTitle) ?? ""
            let sku = row.id(f.lineSKU)
            diagnostics += row.diagnostics[before...]
            guard let quantity, price != nil || amount != nil else {
                if row.raw(f.lineQuantity).flatMap(Cell.clean) != nil || row.raw(f.linePrice).flatMap(Cell.clean) != nil {
                    row.fail(price == nil ? "line_price" : "line_quantity", "A line needs a quantity and a price", hint: "Fill in both, or leave the line out")
                    diagnostics += row.diagnostics.suffix(1)
                }
                continue
            }
            let unitPrice = price ?? (quantity != 0 ? Money(minor: Money.divideRounded(amount!.minor, by: Int64(quantity)), currency: store.currency) : amount!)
            if quantity < 0 {
                returns.append((original.record.line, unitPrice * Int64(-quantity), sku))
                continue
            }
            lineSum += unitPrice * Int64(quantity)
            if let amount { amountSum += amount; hasAmounts = true }
            lines.append(OrderLine(store: store.id, orderID: id, lineNo: lines.count + 1, productID: row.id(f.lineProductID), skuID: sku, title: title,
                                   unitPrice: unitPrice, quantity: quantity, paidAmount: amount))
        }

        let records = rows.map(\.record)
        if diagnostics.contains(where: { $0.severity == .error }) {
            return CompletedUnit(records: records, diagnostics: diagnostics, facts: FactBatch())
        }
        let placed = createdAt ?? paidAtValue!
        // Without a payment-time column, an order whose status is past payment counts as paid when placed.
        let paidAt: Instant? = head.has(f.paidAt) ? paidAtValue : ((status == nil || status == .awaitingPayment || status == .closed) ? nil : placed)
        if status == nil { status = paidAt == nil ? .awaitingPayment : .paid }
        let goods = goodsTotal ?? lineSum
        let paid = paidAmount ?? (hasAmounts ? amountSum : goods - discount + shipping)
        if paid.isNegative {
            var row = head
            row.fail("paid_amount", "The paid amount is negative", hint: "Check the amount columns of this order")
            return CompletedUnit(records: records, diagnostics: row.diagnostics, facts: FactBatch())
        }

        for (n, r) in returns.enumerated() {
            facts.refunds.append(Refund(store: store.id, id: "\(id):return:\(n + 1)", orderID: id, skuID: r.sku, kind: .returnAndRefund, status: .completed,
                                        reason: "退货", amount: r.amount, requestedAt: placed, completedAt: placed,
                                        completedDay: store.timeZone.day(of: placed), returnedToStock: true))
        }
        // An invoice made only of returns (a cancellation) is not an order.
        if !(lines.isEmpty && !returns.isEmpty) {
            facts.orders.append(Order(store: store.id, id: id, buyer: buyer, status: status!, createdAt: placed, paidAt: paidAt,
                                      paidDay: paidAt.map { store.timeZone.day(of: $0) }, goodsTotal: goods, shippingFee: shipping, paidAmount: paid,
                                      units: units ?? lines.reduce(0) { $0 + $1.quantity }, region: region, shippedAt: shippedAt))
            facts.orderLines = lines
        }
        if let refundAmount, refundAmount.minor > 0 {
            facts.refunds.append(Refund(store: store.id, id: "\(id):order-refund", orderID: id, kind: .refundOnly, status: .completed, reason: "",
                                        amount: refundAmount, requestedAt: paidAt ?? placed))
        }
        return CompletedUnit(records: records, diagnostics: diagnostics, facts: facts)
    }

    /// What a status text means, remembered per text (compared as bytes: the file repeats a handful of them).
    private mutating func status(of text: String?) -> OrderStatus? {
        guard let text else { return nil }
        if let known = statuses.first(where: { $0.text.utf8.elementsEqual(text.utf8) }) { return known.status }
        let status = OrderStatusText.status(text)
        if statuses.count < 64 { statuses.append((text, status)) }
        return status
    }

    /// The fields an order is read from.
    private struct Fields {
        let binding: ColumnBinding
        let orderID, createdAt, paidAt, status, goodsTotal, shippingFee, discount, paidAmount, units, refundAmount, region, address,
            shippedAt, buyer, lineQuantity, linePrice, lineAmount, lineTitle, lineSKU, lineProductID: FieldReader.Field

        init(_ binding: ColumnBinding) {
            self.binding = binding
            orderID = binding.field("order_id")
            createdAt = binding.field("created_at")
            paidAt = binding.field("paid_at")
            status = binding.field("status")
            goodsTotal = binding.field("goods_total")
            shippingFee = binding.field("shipping_fee")
            discount = binding.field("discount")
            paidAmount = binding.field("paid_amount")
            units = binding.field("units")
            refundAmount = binding.field("refund_amount")
            region = binding.field("region")
            address = binding.field("address")
            shippedAt = binding.field("shipped_at")
            buyer = binding.field("buyer")
            lineQuantity = binding.field("line_quantity")
            linePrice = binding.field("line_price")
            lineAmount = binding.field("line_amount")
            lineTitle = binding.field("line_title")
            lineSKU = binding.field("line_sku")
            lineProductID = binding.field("line_product_id")
        }
    }

    /// The province of an address (`广东省 广州市 越秀区 ***` → `广东省`); the rest of the address is not kept.
    static func province(_ address: String) -> String {
        // Separators are space, `,` and the full-width comma EF BC 8C (never part of another UTF-8 character).
        let bytes = Array(address.utf8)
        func separator(at i: Int) -> Int {
            if bytes[i] == 0x20 || bytes[i] == 0x2C { return 1 }
            if bytes[i] == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBC, bytes[i + 2] == 0x8C { return 3 }
            return 0
        }
        var start = 0
        while start < bytes.count, case let n = separator(at: start), n > 0 { start += n }
        var end = start
        while end < bytes.count, separator(at: end) == 0 { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
