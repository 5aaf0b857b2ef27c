import StoreOpsCore

/// The item-settings sheet (主推款, 交期, 安全天数 per SKU): one row per SKU, each part optional (an empty cell leaves what
/// was set before; a row with every part empty stores nothing). No silent loss: one SKU on two rows that say different
/// things is an error naming both lines.
struct SKUSettingsBuilder: FactBuilder {
    private var seen = KeyLedger()

    mutating func add(_ row: FieldReader) -> [CompletedUnit] {
        var r = row
        let sku = r.required("sku", r.keyID("sku"))
        let hero = r.raw("hero").flatMap(Cell.clean).map { _ in r.heroFlag("hero") } ?? nil
        let lead = r.days("lead_days"), safety = r.days("safety_days")
        guard let sku, !r.hasErrors else {
            return [CompletedUnit(records: [row.record], diagnostics: r.diagnostics, facts: FactBatch())]
        }
        let content = KeyLedger.hash("\(hero.map(String.init) ?? "")|\(lead ?? -1)|\(safety ?? -1)".utf8)
        if let earlier = seen.note(sku, line: row.record.line, content: content) {
            if !earlier.sameContent {
                r.fail("sku", "SKU \(sku) is set on line \(earlier.line) and on line \(row.record.line) differently: "
                           + "one would overwrite the other",
                       hint: "Keep one row per SKU",
                       zh: ("SKU \(sku) 在第 \(earlier.line) 行和第 \(row.record.line) 行的设置不同：一行会覆盖另一行", "每个 SKU 只保留一行"))
            }
            return [CompletedUnit(records: [row.record], diagnostics: r.diagnostics, facts: FactBatch())]
        }
        var facts = FactBatch()
        // A row that sets nothing says nothing: no row is stored.
        guard hero != nil || lead != nil || safety != nil else {
            return [CompletedUnit(records: [row.record], diagnostics: r.diagnostics, facts: facts)]
        }
        facts.skuSettings = [SKUSetting(store: r.context.store.id, skuID: sku, isHero: hero, leadTimeDays: lead, safetyDays: safety)]
        return [CompletedUnit(records: [row.record], diagnostics: r.diagnostics, facts: facts)]
    }

    mutating func finish() -> [CompletedUnit] { [] }
}

extension FieldReader {
    /// Yes or no (是/否, 主推, yes/no); another word is an error.
    mutating func heroFlag(_ field: String) -> Bool? {
        guard let text = raw(field).flatMap(Cell.clean) else { return nil }
        if let flag = Cell.flag(text) { return flag }
        switch text.lowercased() {
        case "主推", "主推款", "爆款", "hero": return true
        case "非主推", "不是", "-": return false
        default:
            fail(field, "\"\(text)\" is neither yes nor no", hint: "Write 是 or 否 (yes or no)",
                 zh: ("“\(text)”不是“是”或“否”", "请填 是 或 否"))
            return nil
        }
    }

    /// A number of days from 0 to 365; empty is unsaid.
    mutating func days(_ field: String) -> Int? {
        guard raw(field).flatMap(Cell.clean) != nil, let value = count(field) else { return nil }
        guard SKUSetting.dayRange.contains(value) else {
            fail(field, "\(value) days is out of range", hint: "Give a number of days from 0 to 365",
                 zh: ("\(value) 天超出范围", "请填 0 到 365 之间的天数"))
            return nil
        }
        return value
    }
}
