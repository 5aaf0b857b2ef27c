import StoreOpsCore

/// Stock counts, summed per SKU and day over the file's rows (Shopify lists a SKU once per location; variants may
/// share a code, and the order lines then name them alike). Rows without a SKU or without a count are not stored
/// (their stock cannot be matched to sales, or is unknown, not zero); one warning at the end says how many.
struct StockBuilder: FactBuilder {
    private var totals: [String: InventorySnapshot] = [:]
    private var keys: [String] = []
    /// Rows left out, and the first line of each kind.
    private var withoutSKU = (rows: 0, line: 0), withoutCount = (rows: 0, line: 0)
    private var fileName = ""

    /// The fields whose sum is the units on the way.
    static let incomingFields = ["incoming", "incoming_planned", "incoming_shipped", "incoming_receiving"]

    mutating func add(_ row: FieldReader) -> [CompletedUnit] {
        var r = row
        fileName = r.context.fileName
        func unit(_ reader: FieldReader) -> [CompletedUnit] {
            [CompletedUnit(records: [row.record], diagnostics: reader.diagnostics, facts: FactBatch())]
        }
        guard let sku = r.id("sku") else {
            if !r.hasErrors { note(&withoutSKU, row.record.line) }
            return unit(r)
        }
        guard let raw = r.raw("on_hand").flatMap(Cell.clean), raw.lowercased() != "not stocked",
              r.flag("tracked") != false else {
            note(&withoutCount, row.record.line)
            return unit(r)
        }
        let day = r.has("day") ? r.day() : (r.context.defaultDay ?? r.context.today ?? r.day())
        let onHand = r.count("on_hand")
        var incoming = 0
        for field in Self.incomingFields {
            guard let units = r.count(field) else { continue }
            let sum = incoming.addingReportingOverflow(units)
            incoming = sum.partialValue
            if sum.overflow || sum.partialValue.magnitude > UInt(Cell.Limits.count.bound) { fail(&r, field) }
        }
        guard let day, let onHand, !r.hasErrors else { return unit(r) }
        let key = "\(day.iso)|\(sku)"
        guard let total = totals[key] else {
            totals[key] = InventorySnapshot(store: r.context.store.id, day: day, skuID: sku, onHand: onHand,
                                            incoming: incoming)
            keys.append(key)
            return unit(r)
        }
        // The sums stay within what one cell may count, so that no figure of the checks can overflow further on.
        let bound = UInt(Cell.Limits.count.bound)
        let units = total.onHand.addingReportingOverflow(onHand)
        let coming = total.incoming.addingReportingOverflow(incoming)
        guard !units.overflow, !coming.overflow, units.partialValue.magnitude <= bound,
              coming.partialValue.magnitude <= bound else {
            fail(&r, "on_hand")
            return unit(r)
        }
        totals[key] = InventorySnapshot(store: total.store, day: day, skuID: sku, onHand: units.partialValue,
                                        incoming: coming.partialValue)
        return unit(r)
    }

    mutating func finish() -> [CompletedUnit] {
        var facts = FactBatch()
        facts.inventory = keys.map { totals[$0]! }
        let notes = [
            warning(withoutSKU, "without a SKU were not stored (the first is on this line): "
                        + "their stock cannot be matched to sales",
                    hint: "Give each variant a SKU (merchant code) in the platform, as its order lines name it",
                    zh: ("行没有 SKU 编码，未保存（第一行在此）：它们的库存无法对应到销售",
                         "请在平台上为每个规格填写商家编码（与订单明细中的编码一致）")),
            warning(withoutCount, "without a count (empty, `not stocked`, or not stocked there) were not stored "
                        + "(the first is on this line): their stock is unknown, not zero",
                    hint: "Nothing to do when the items are not stocked there; otherwise export the stock again",
                    zh: ("行没有库存数（为空、not stocked 或该处未备货），未保存（第一行在此）：库存未知，不按 0 计",
                         "如果这些商品本来就不在该仓库备货，无需处理；否则请重新导出库存")),
        ].compactMap { $0 }
        return [CompletedUnit(records: [], diagnostics: notes, facts: facts)]
    }

    /// The warning of the rows left out for one reason, nil when there were none.
    private func warning(_ tally: (rows: Int, line: Int), _ message: String, hint: String,
                         zh: (message: String, hint: String)) -> Diagnostic? {
        guard tally.rows > 0 else { return nil }
        return Diagnostic(.warning, file: fileName, line: tally.line, message: "\(tally.rows) row(s) " + message,
                          hint: hint, zh: ("\(tally.rows) " + zh.message, zh.hint))
    }

    /// Counts a row left out, keeping the first line.
    private func note(_ tally: inout (rows: Int, line: Int), _ line: Int) {
        if tally.rows == 0 { tally.line = line }
        tally.rows += 1
    }

    /// The diagnostic of a sum past what can be counted.
    private func fail(_ r: inout FieldReader, _ field: String) {
        r.fail(field, "The rows of this SKU add up to more units than can be counted",
               hint: "Check the quantities of this SKU's rows",
               zh: ("这个 SKU 各行的数量合计超出范围", "请检查这个 SKU 各行的数量"))
    }
}
