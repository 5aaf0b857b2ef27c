import StoreOpsCore
import StoreOpsStorage

/// Setting sales targets.
public struct TargetService: Sendable {
    let storage: any StoreOpsStore

    public init(storage: any StoreOpsStore) { self.storage = storage }

    /// The service as `context`'s user: every read and write limited to what their grants reach.
    public init(_ context: AccessContext) { self.init(storage: context.storage) }

    /// The targets set for store `id`, every period.
    public func targets(store id: StoreID) async throws -> [Target] {
        try await storage.read(Target.self, store: id, days: nil)
    }

    /// Sets (or replaces) the target of a period, given as `2026-11` (month), `2026` (year), `2026-Q4` (quarter),
    /// `2026-W47` (ISO week) or `2026-11-11` (an event day's own target); amounts are decimals in the store's currency.
    @discardableResult
    public func set(store id: StoreID, period: String, gmv: String, profit: String? = nil, adBudget: String? = nil,
                    spread: Target.Spread = .weekday) async throws -> Target {
        let store = try await storage.requireStore(id)
        guard let (kind, start, end) = TargetService.period(period) else {
            throw ServiceError(.invalidInput, "\"\(period)\" is not a period: use 2026-11 (month), 2026-Q4, 2026-W47, 2026 or an event day 2026-11-11.")
        }
        func amount(_ text: String?, _ name: String) throws -> Money? {
            try TargetService.amount(text, option: name, currency: store.currency)
        }
        let target = Target(store: id, period: kind, start: start, end: end, gmv: try amount(gmv, "gmv")!, profit: try amount(profit, "profit"),
                            adBudget: try amount(adBudget, "ad-budget"), spread: spread)
        var batch = FactBatch()
        batch.targets = [target]
        try await storage.write(batch, to: id)
        return target
    }

    /// A non-negative amount in the store's currency from `--option`'s text, nil for nil.
    static func amount(_ text: String?, option: String, currency: Currency) throws -> Money? {
        guard let text else { return nil }
        guard let money = Money(decimal: text.filter { $0 != "," }, currency: currency), !money.isNegative,
              money.minor <= YearPlan.maximumMinor else {
            throw ServiceError(.invalidInput, "--\(option) \"\(text)\" is not an amount in \(currency.code): write it like 3600000 or 3,600,000.00.")
        }
        return money
    }

    /// The kind and days of a period named `2026`, `2026-Q4`, `2026-11`, `2026-W47` or `2026-11-11`.
    static func period(_ text: String) -> (Target.Period, Day, Day)? {
        if let day = Day(iso: text) { return (.day, day, day) }
        let parts = text.split(separator: "-")
        guard let year = Int(parts.first ?? ""), (2000...2100).contains(year) else { return nil }
        if parts.count == 1 { return (.year, Day(year: year, month: 1, day: 1)!, Day(year: year, month: 12, day: 31)!) }
        guard parts.count == 2 else { return nil }
        let p = parts[1]
        if p.hasPrefix("Q"), let q = Int(p.dropFirst()), (1...4).contains(q) {
            let start = Day(year: year, month: q * 3 - 2, day: 1)!
            return (.quarter, start, Day(year: year, month: q * 3, day: Day.daysIn(year: year, month: q * 3))!)
        }
        if p.hasPrefix("W"), let w = Int(p.dropFirst()), (1...53).contains(w) {
            // ISO week 1 contains January 4th; weeks start on Monday.
            let jan4 = Day(year: year, month: 1, day: 4)!
            let start = jan4.adding(days: -(jan4.weekday - 1) + (w - 1) * 7)
            return (.week, start, start.adding(days: 6))
        }
        if let m = Int(p), (1...12).contains(m), p.count == 2 {
            return (.month, Day(year: year, month: m, day: 1)!, Day(year: year, month: m, day: Day.daysIn(year: year, month: m))!)
        }
        return nil
    }
}
