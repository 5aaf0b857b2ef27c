import StoreOpsCore

extension DemoBuilder {
    /// Receives purchase orders due today and orders more when stock and incoming fall below lead time plus
    /// ten safety days of demand (the planned demand, or what sold over the last 14 days if more): a well-run
    /// store, which the stock checks leave alone. Injected: the hero SKU's reorder is late, so it runs out just
    /// before the last day.
    func restock(_ day: Day) {
        for index in soldToday.indices {
            recentSales[index].append(soldToday[index])
            if recentSales[index].count > 14 { recentSales[index].removeFirst() }
            soldToday[index] = 0
        }
        for (n, po) in openPOs.enumerated() where po.expectedOn == day {
            let sku = skuIndexByID[po.skuID]!
            onHand[sku] += po.quantity
            incoming[sku] -= po.quantity
            openPOs[n].receivedOn = day
        }
        batch.purchaseOrders.append(contentsOf: openPOs.filter { $0.receivedOn != nil })
        openPOs.removeAll { $0.receivedOn != nil }

        let squeezeStart = scenario.end.adding(days: -26)
        let heroSqueezed = injected && day >= squeezeStart
        if injected && day == squeezeStart {
            // Hero stock is left to run down: about 22 days of sales, with the next delivery due after the end.
            onHand[heroSKU] = Int((dailyDemand[heroSKU] * 22).rounded())
            openPOs.removeAll { $0.skuID == batch.skus[heroSKU].id }
            incoming[heroSKU] = 0
        }
        if injected && day == scenario.end.adding(days: -4) {
            order(sku: heroSKU, quantity: Int(dailyDemand[heroSKU] * 30), on: day, arriving: scenario.end.adding(days: 6))
        }
        for (index, sku) in batch.skus.enumerated() {
            if heroSqueezed && index == heroSKU { continue }
            let lead = sku.leadTimeDays ?? 10
            let demand = max(dailyDemand[index], Double(recentSales[index].reduce(0, +)) / 14)
            guard Double(onHand[index] + incoming[index]) < demand * Double(lead + 10) else { continue }
            order(sku: index, quantity: max(20, Int((demand * 30).rounded())), on: day, arriving: day.adding(days: lead))
        }
    }

    /// Places a purchase order.
    func order(sku: Int, quantity: Int, on day: Day, arriving: Day) {
        poCounter += 1
        openPOs.append(PurchaseOrder(store: store.id, id: "PO\(pad3(poCounter))", skuID: batch.skus[sku].id, quantity: quantity,
                                     orderedOn: day, expectedOn: arriving))
        incoming[sku] += quantity
    }

    /// End-of-day stock: every day for the last 30 days, weekly before.
    func recordInventory(_ day: Day) {
        guard day >= scenario.end.adding(days: -29) || scenario.end.distance(to: day) % 7 == 0 else { return }
        for (index, sku) in batch.skus.enumerated() {
            batch.inventory.append(InventorySnapshot(store: store.id, day: day, skuID: sku.id, onHand: onHand[index], incoming: incoming[index]))
        }
    }

    /// Purchase orders still open at the end are kept, with their expected arrival.
    func finishInventory() {
        batch.purchaseOrders.append(contentsOf: openPOs)
        openPOs.removeAll()
    }
}
