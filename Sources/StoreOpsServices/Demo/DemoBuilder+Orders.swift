import StoreOpsCore

extension DemoBuilder {
    /// A paid order of 1-3 lines from SKUs in stock, with what happened to it by "now": shipping, delivery,
    /// refunds and reviews. Nil when nothing the buyer picked was in stock.
    func makeOrder(day: Day, customer: Int, source: String, productSales: inout [Int: (buyers: Set<Int>, units: Int, gmv: Int64)]) -> Order? {
        // The clean demo sells more items per order (store AOV well above the hero items': page health passes).
        let lineCount = rng.chance(injected ? 0.7 : 0.4) ? 1 : (rng.chance(0.73) ? 2 : 3)
        var picked: [(sku: Int, quantity: Int)] = []
        for _ in 0..<lineCount {
            for _ in 0..<5 {
                let sku = rng.index(cumulative: skuCumulative)
                let quantity = rng.chance(0.85) ? 1 : 2
                guard onHand[sku] >= quantity, !picked.contains(where: { $0.sku == sku }) else { continue }
                onHand[sku] -= quantity
                soldToday[sku] += quantity
                picked.append((sku, quantity))
                break
            }
        }
        guard !picked.isEmpty else { return nil }
        let id = nextOrderID(day)
        let paidAt = zone.instant(day: day, hour: rng.index(cumulative: DemoBuilder.hourCumulative), minute: rng.int(0...59), second: rng.int(0...59))
        let createdAt = paidAt.adding(seconds: -Int64(rng.int(30...600)))
        var goods: Int64 = 0
        var lines: [OrderLine] = []
        for (n, pick) in picked.enumerated() {
            let sku = batch.skus[pick.sku]
            goods += sku.price.minor * Int64(pick.quantity)
            lines.append(OrderLine(store: store.id, orderID: id, lineNo: n + 1, productID: sku.productID, skuID: sku.id,
                                   title: batch.products[productOfSKU[pick.sku]].title, unitPrice: sku.price, quantity: pick.quantity))
            var sales = productSales[productOfSKU[pick.sku]] ?? ([], 0, 0)
            sales.buyers.insert(customer)
            sales.units += pick.quantity
            sales.gmv += sku.price.minor * Int64(pick.quantity)
            productSales[productOfSKU[pick.sku]] = sales
        }
        // Event price: 20 % off; otherwise a 20-yuan coupon on some orders over 199; shipping free from 49 yuan.
        let discount: Int64 = isEvent(day) ? goods / 5 : (goods >= 19_900 && rng.chance(0.3) ? 2_000 : 0)
        let shippingFee: Int64 = goods - discount < 4_900 ? 600 : 0
        let paid = goods - discount + shippingFee
        let units = picked.reduce(0) { $0 + $1.quantity }

        // Fulfilment. Injected: three orders paid three days ago are still not shipped.
        let late = injected && day == scenario.end.adding(days: -3) && lateOrders.count < 3
        if late { lateOrders.append(id) }
        let shipBy = paidAt.adding(hours: 48)
        let shippedAt: Instant? = late ? nil : paidAt.adding(seconds: Int64(rng.int(6 * 3600...30 * 3600)))
        let deliveredAt = shippedAt?.adding(seconds: Int64(rng.int(40 * 3600...80 * 3600)))
        let confirmedAt = deliveredAt?.adding(seconds: Int64(rng.int(0...5 * 86_400)))

        var status: OrderStatus = .paid
        if let shippedAt, shippedAt <= now { status = .shipped }
        if let confirmedAt, confirmedAt <= now { status = .completed }

        let refund = makeRefund(orderID: id, paidAt: paidAt, shippedAt: shippedAt, lines: lines, paid: paid)
        if let refund, refund.status == .completed, refund.amount.minor >= paid { status = .closed }

        let order = Order(store: store.id, id: id, buyer: buyerID(customer), status: status, createdAt: createdAt, paidAt: paidAt, paidDay: day,
                          goodsTotal: yuan(goods), shippingFee: yuan(shippingFee), paidAmount: yuan(paid), units: units, source: source,
                          region: rng.pick(DemoVocabulary.provinces), shipBy: shipBy, shippedAt: shippedAt.flatMap { $0 <= now ? $0 : nil })
        batch.orders.append(order)
        batch.orderLines.append(contentsOf: lines)
        if let shippedAt, shippedAt <= now, !(refund?.kind == .refundOnly && refund?.status == .completed && shippedAt > (refund?.completedAt ?? now)) {
            makeShipment(order: order, shippedAt: shippedAt, deliveredAt: deliveredAt!)
        }
        if refund == nil, status == .completed, let deliveredAt { maybeReview(order: order, lines: lines, deliveredAt: deliveredAt) }
        if !inReturningPool.contains(customer) && rng.chance(0.3) { addToReturningPool(customer) }
        return order
    }

    /// An order placed and never paid: closed, or still awaiting payment when placed on the last day.
    func makeUnpaidOrder(day: Day) {
        let sku = rng.index(cumulative: skuCumulative)
        let price = batch.skus[sku].price
        let createdAt = time(day, hour: rng.int(8...23))
        customers += 1
        let id = nextOrderID(day)
        batch.orders.append(Order(store: store.id, id: id, buyer: buyerID(customers), status: day == scenario.end ? .awaitingPayment : .closed,
                                  createdAt: createdAt, paidAt: nil, paidDay: nil, goodsTotal: price, shippingFee: .zero(.cny), paidAmount: price,
                                  units: 1, source: "手淘搜索", region: rng.pick(DemoVocabulary.provinces)))
        batch.orderLines.append(OrderLine(store: store.id, orderID: id, lineNo: 1, productID: batch.skus[sku].productID, skuID: batch.skus[sku].id,
                                          title: batch.products[productOfSKU[sku]].title, unitPrice: price, quantity: 1))
    }

    /// About 5 % of orders ask for a refund (the SKU with a quality problem: far more), for one line.
    func makeRefund(orderID: String, paidAt: Instant, shippedAt: Instant?, lines: [OrderLine], paid: Int64) -> Refund? {
        let problem = lines.contains { $0.skuID == batch.skus[qualityProblemSKU].id } && injected
        guard rng.chance(problem ? 0.3 : 0.05) else { return nil }
        let line = problem ? lines.first { $0.skuID == batch.skus[qualityProblemSKU].id }! : rng.pick(lines)
        let reasons = DemoVocabulary.refundReasons
        var total = 0.0
        let cumulative = reasons.map { total += $0.weight; return total }
        let reason = problem ? "质量问题" : reasons[rng.index(cumulative: cumulative)].reason
        let requestedAt = paidAt.adding(seconds: Int64(rng.int(2 * 3600...6 * 86_400)))
        guard requestedAt <= now else { return nil }
        let beforeShipping = shippedAt.map { requestedAt < $0 } ?? true
        let kind: Refund.Kind = beforeShipping ? .refundOnly : (rng.chance(0.08) ? .exchange : (rng.chance(0.75) ? .returnAndRefund : .refundOnly))
        // The clean demo answers refund-only requests within 20 h (never near the 48 h deadline).
        let duration = kind == .returnAndRefund ? rng.int(3 * 86_400...6 * 86_400) : rng.int(4 * 3600...(injected ? 2 * 86_400 : 20 * 3600))
        let done = requestedAt.adding(seconds: Int64(duration))
        let completed = done <= now
        let amount = min(paid, line.unitPrice.minor * Int64(line.quantity))
        // A return request is agreed to within 20 h; then it waits for the buyer's parcel.
        let status: Refund.Status = completed ? .completed
            : (kind == .returnAndRefund && (rng.chance(0.6) || now.seconds - requestedAt.seconds > 20 * 3600) ? .waitingReturn : .waitingSeller)
        let refund = Refund(store: store.id, id: "R" + orderID.dropFirst(4) + "\(line.lineNo)", orderID: orderID, productID: line.productID, skuID: line.skuID,
                            kind: kind, status: status, reason: reason, amount: yuan(kind == .exchange ? 0 : amount), requestedAt: requestedAt,
                            completedAt: completed ? done : nil, completedDay: completed ? zone.day(of: done) : nil,
                            dueAt: completed ? nil : requestedAt.adding(hours: 48), returnedToStock: completed && kind != .refundOnly)
        batch.refunds.append(refund)
        return refund
    }
}
