import StoreOpsCore

/// Orders from rows that are orders or order lines. Rows of one order follow each other (Shopify, Douyin,
/// invoice lines); order fields are read from the order's first row, and the order's other rows must agree with it
/// where they repeat them. A bad row rejects its whole order. Lines with a negative quantity are returns (completed
/// refunds). An order-level refund amount becomes a completed refund without a date (it counts in the by-order-day
/// view).
///
/// No silent loss: an order id used again later in the file (not by the rows right after) is an error naming both
/// lines, unless the rows are the same row repeated; in a file of one row per order (no line columns), two rows of
/// one order must be identical. A file without an order id column (a mapping that names none: a transaction log)
/// makes every row its own order, keyed by the row's content and its occurrence in the file, so importing the file
/// again changes nothing.
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
    /// The order ids used so far, with their first line.
    private var used = KeyLedger()
    /// Rows of a file without an order id: how often each content has been seen.
    private var occurrences: [UInt64: Int] = [:]

    /// Whether the file records returns as negative lines (its orders' refunds are known without a refund column).
    let returnsAsNegativeLines: Bool

    init(adjacent: Bool, returnsAsNegativeLines: Bool = false) {
        self.adjacent = adjacent
        self.returnsAsNegativeLines = returnsAsNegativeLines
    }

    mutating func add(_ row: FieldReader) -> [CompletedUnit] {
        if fields?.binding !== row.binding { fields = Fields(row.binding) }
        var reader = row
        if !reader.has(fields!.orderID) {
            // A transaction log: each row is an order, keyed by its content and the how-manieth such row it is.
            let content = KeyLedger.hash(row.record)
            let n = occurrences[content, default: 0] + 1
            occurrences[content] = n
            let hex = String(content, radix: 16)
            return [build(id: "row-" + String(repeating: "0", count: 16 - hex.count) + hex + "-\(n)", rows: [row])]
        }
        guard let id = reader.required("order_id", reader.keyID(fields!.orderID)) else {
            return [CompletedUnit(records: [row.record], diagnostics: reader.diagnostics, facts: FactBatch())]
        }
        if !adjacent {
            if held[id] == nil { heldOrder.append(id) }
            held[id, default: []].append(row)
            return []
        }
        var done: [CompletedUnit] = []
        if id != currentID {
            done = flush()
            if let earlier = used.note(id, line: row.record.line, content: KeyLedger.hash(row.record)) {
                // The same row again (an export pasted twice) changes nothing; anything else would overwrite the order.
                if earlier.sameContent && !fields!.hasLines { return done + [CompletedUnit(records: [row.record], diagnostics: [], facts: FactBatch())] }
                reader.fail("order_id", "Order \(id) is on line \(earlier.line) and again on line \(row.record.line), with other rows between: "
                                + "the later rows would overwrite the earlier ones",
                            hint: fields!.hasLines ? "Keep an order's rows together, or set \"rows_of_an_order_are_adjacent\": false in "
                                + "the mapping file" : "Check that the order id column is really the order number; remove the duplicate rows",
                            zh: ("订单 \(id) 在第 \(earlier.line) 行出现后，又在第 \(row.record.line) 行出现，中间隔着其他行：后面的行会覆盖前面的",
                                 fields!.hasLines ? "让同一订单的行排在一起，或在映射文件中设置 \"rows_of_an_order_are_adjacent\": false"
                                    : "请确认订单编号列确实是订单号；删除重复的行"))
                return done + [CompletedUnit(records: [row.record], diagnostics: reader.diagnostics, facts: FactBatch())]
            }
        }
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
        let shipBy = head.instant(f.shipBy)
        let trackingNo = head.keyID(f.trackingNo), carrier = head.text(f.carrier)
        // Without a buyer column the buyer is unknown; an empty cell in one is a guest, a buyer of their own.
        let buyer: String? = head.has(f.buyer) ? head.text(f.buyer).map(context.pseudonymise) ?? context.pseudonymise("anonymous-order:" + id) : nil
        _ = head.required("created_at", createdAt ?? paidAtValue)
        diagnostics += head.diagnostics
        diagnostics += disagreements(of: id, rows)

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
                    row.fail(price == nil ? "line_price" : "line_quantity", "A line needs a quantity and a price", hint: "Fill in both, or leave the line out",
                             zh: ("明细行需要数量和价格", "两项都填写，或删除这一行"))
                    diagnostics += row.diagnostics.suffix(1)
                } else if amount == nil, !row.has(f.linePrice), !row.has(f.lineQuantity) {
                    // The amount is the line (a transaction file's row): without it the row is nothing, not 0.
                    let known = row.diagnostics.count
                    _ = row.required("line_amount", amount)
                    diagnostics += row.diagnostics[known...]
                }
                continue
            }
            let unitPrice = price ?? (quantity != 0 ? Money(minor: Money.divideRounded(amount!.minor, by: Int64(quantity)), currency: store.currency) : amount!)
            // Each value is within its cell limit; their products and sums over many lines still need checking.
            let total = Cell.Limits.orderTotal
            guard let lineTotal = unitPrice.multiplied(by: Int64(quantity.magnitude)), lineTotal.minor.magnitude <= total,
                  let sum = quantity < 0 ? lineSum : lineSum.adding(lineTotal), sum.minor.magnitude <= total,
                  let amounts = quantity < 0 || amount == nil ? amountSum : amountSum.adding(amount!),
                  amounts.minor.magnitude <= total else {
                row.fail("line_quantity", "The order's lines add up to more than can be counted",
                         hint: "Check the quantities and prices of this order's lines",
                         zh: ("这笔订单的明细合计超出范围", "请检查这笔订单明细的数量和价格"))
                diagnostics += row.diagnostics.suffix(1)
                continue
            }
            if quantity < 0 {
                returns.append((original.record.line, lineTotal, sku))
                continue
            }
            lineSum = sum
            if amount != nil { amountSum = amounts; hasAmounts = true }
            lines.append(OrderLine(store: store.id, orderID: id, lineNo: lines.count + 1, productID: row.id(f.lineProductID), skuID: sku, title: title,
                                   unitPrice: unitPrice, quantity: quantity, paidAmount: amount))
        }

        let records = rows.map(\.record)
        if diagnostics.contains(where: { $0.severity == .error }) {
            return CompletedUnit(records: records, diagnostics: diagnostics, facts: FactBatch())
        }
        let placed = createdAt ?? paidAtValue!
        // A paid-amount column with nothing in it, and no lines to sum: the amount is missing, not 0.
        if head.has(f.paidAmount), paidAmount == nil, lines.isEmpty, returns.isEmpty {
            var row = head
            _ = row.required("paid_amount", paidAmount)
            return CompletedUnit(records: records, diagnostics: row.diagnostics, facts: FactBatch())
        }
        let goods = goodsTotal ?? lineSum
        guard let paid = paidAmount ?? (hasAmounts ? amountSum : goods.adding(-discount)?.adding(shipping)),
              paid.minor.magnitude <= Cell.Limits.orderTotal else {
            var row = head
            row.fail("paid_amount", "The order's amounts add up to more than can be counted", hint: "Check the amount columns of this order",
                     zh: ("这笔订单的金额合计超出范围", "请检查这笔订单的金额列"))
            return CompletedUnit(records: records, diagnostics: row.diagnostics, facts: FactBatch())
        }
        // Without a payment-time column, an order whose status is past payment counts as paid when placed; without a
        // status column either, an order with something paid does.
        let paidAt: Instant?
        if head.has(f.paidAt) {
            paidAt = paidAtValue
        } else if head.has(f.status) {
            paidAt = status == nil || status == .awaitingPayment || status == .closed ? nil : placed
        } else {
            paidAt = paid.minor > 0 ? placed : nil
        }
        // Without a status column: unpaid, shipped (a shipping time), paid and not shipped (the file has shipping times),
        // or paid with its shipping unknown (the file says nothing of shipping, so the unshipped check must not judge it).
        if status == nil {
            status = paidAt == nil ? .awaitingPayment : shippedAt != nil ? .shipped : head.has(f.shippedAt) ? .paid : .paidShippingUnknown
        }
        if paid.isNegative {
            var row = head
            row.fail("paid_amount", "The paid amount is negative", hint: "Check the amount columns of this order",
                     zh: ("实付金额为负", "请检查这笔订单的金额列"))
            return CompletedUnit(records: records, diagnostics: row.diagnostics, facts: FactBatch())
        }

        for (n, r) in returns.enumerated() {
            facts.refunds.append(Refund(store: store.id, id: "\(id):return:\(n + 1)", orderID: id, skuID: r.sku, kind: .returnAndRefund, status: .completed,
                                        reason: "退货", amount: r.amount, requestedAt: placed, completedAt: placed,
                                        completedDay: store.timeZone.day(of: placed), returnedToStock: true))
        }
        // An invoice made only of returns (a cancellation) is not an order.
        if !(lines.isEmpty && !returns.isEmpty) {
            // Units: the units column, else the lines' sum; unknown when the file has neither.
            let knownUnits = units ?? (f.hasLines ? lines.reduce(Int?(0)) { sum, line in
                sum.flatMap { s in s.addingReportingOverflow(line.quantity).overflow ? nil : s + line.quantity }
            } : nil)
            facts.orders.append(Order(store: store.id, id: id, buyer: buyer, status: status!, createdAt: placed, paidAt: paidAt,
                                      paidDay: paidAt.map { store.timeZone.day(of: $0) }, goodsTotal: goods, shippingFee: shipping, paidAmount: paid,
                                      units: knownUnits, region: region, shipBy: shipBy, shippedAt: shippedAt,
                                      // A refund column, or lines whose negative quantities are returns, say what was refunded.
                                      refundsKnown: head.has(f.refundAmount) || returnsAsNegativeLines))
            facts.orderLines = lines
            // The parcel the export names; its way is unknown until a tracking export says it (status nil). Orders
            // sent in one parcel (合并发货) name it alike: it stays one parcel, of the last of them.
            if let trackingNo {
                facts.shipments.append(Shipment(store: store.id, trackingNo: trackingNo, orderID: id, carrier: carrier,
                                                shippedAt: shippedAt, status: nil, lastEventAt: nil))
            }
        }
        if let refundAmount, refundAmount.minor > 0 {
            facts.refunds.append(Refund(store: store.id, id: id + Refund.orderTotalSuffix, orderID: id, kind: .refundOnly,
                                        status: .completed, reason: "", amount: refundAmount, requestedAt: paidAt ?? placed))
        }
        return CompletedUnit(records: records, diagnostics: diagnostics, facts: facts)
    }

    /// The order's other rows against its first: in a file of one row per order they must be the same row; in a
    /// file of lines, the order fields they repeat must be the same. Each difference is an error naming both lines.
    private func disagreements(of id: String, _ rows: [FieldReader]) -> [Diagnostic] {
        guard rows.count > 1, let f = fields else { return [] }
        let head = rows[0]
        var problems: [Diagnostic] = []
        for row in rows.dropFirst() {
            if !f.hasLines {
                if row.record.sameCells(as: head.record) { continue }
                var reader = row
                reader.fail("order_id", "Order \(id) is on line \(head.record.line) and on line \(row.record.line) with different values: "
                                + "one would overwrite the other",
                            hint: "Check that the order id column is really the order number (not a line or item number), or remove the "
                                + "duplicate row",
                            zh: ("订单 \(id) 在第 \(head.record.line) 行和第 \(row.record.line) 行的内容不同：一行会覆盖另一行",
                                 "请确认订单编号列确实是订单号（不是明细或商品编号），或删除重复的行"))
                problems += reader.diagnostics
                continue
            }
            for field in f.orderLevel {
                guard let value = row.raw(field).flatMap(Cell.clean), let first = head.raw(field).flatMap(Cell.clean), value != first else { continue }
                var reader = row
                reader.fail(field.name, "Order \(id) has \(head.column(field.name) ?? field.name) \"\(first)\" on line \(head.record.line) "
                                + "but \"\(value)\" on line \(row.record.line)",
                            hint: "The rows of one order must agree on its order fields; check that the order id column is really the "
                                + "order number",
                            zh: ("订单 \(id) 的“\(head.column(field.name) ?? field.name)”在第 \(head.record.line) 行是“\(first)”，"
                                    + "在第 \(row.record.line) 行却是“\(value)”",
                                 "同一订单的各行在订单字段上必须一致；请确认订单编号列确实是订单号"))
                problems += reader.diagnostics
            }
        }
        return problems
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
            shippedAt, shipBy, trackingNo, carrier, buyer, lineQuantity, linePrice, lineAmount, lineTitle, lineSKU, lineProductID: FieldReader.Field

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
            shipBy = binding.field("ship_by")
            trackingNo = binding.field("tracking_no")
            carrier = binding.field("carrier")
            buyer = binding.field("buyer")
            lineQuantity = binding.field("line_quantity")
            linePrice = binding.field("line_price")
            lineAmount = binding.field("line_amount")
            lineTitle = binding.field("line_title")
            lineSKU = binding.field("line_sku")
            lineProductID = binding.field("line_product_id")
            hasLines = lineQuantity.index != nil || linePrice.index != nil || lineAmount.index != nil
            // Amounts and the buyer, each column once. Times are not compared: an invoice's lines may be stamped a minute
            // apart; the order's time is its first row's.
            var columns = Set<Int>()
            orderLevel = [paidAmount, goodsTotal, discount, buyer, units, refundAmount].filter { $0.index.map { columns.insert($0).inserted } ?? false }
        }

        /// Whether the file has line columns (rows are lines of orders), not one row per order.
        let hasLines: Bool
        /// The order fields the file has that an order's rows must agree on.
        let orderLevel: [FieldReader.Field]
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
        let first = String(decoding: bytes[start..<end], as: UTF8.self)
        // An address written without spaces (JD: 浙江省杭州市西湖区) is cut after its province or municipality.
        for marker in ["自治区", "特别行政区", "省"] {
            if let r = first.range(of: marker), r.upperBound < first.endIndex { return String(first[..<r.upperBound]) }
        }
        if first.count > 3, ["北京市", "上海市", "天津市", "重庆市"].contains(where: first.hasPrefix) { return String(first.prefix(3)) }
        return first
    }
}
