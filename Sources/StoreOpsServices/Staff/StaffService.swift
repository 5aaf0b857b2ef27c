import Foundation
import StoreOpsCore
import StoreOpsStorage

/// The store's team (`storeops person add|list`), their monthly goals (`storeops goal set|list`) and customer-service
/// reward and penalty rules (`storeops kpi rule add|list`), which the staff KPIs read.
public struct StaffService: Sendable {
    let storage: any StoreOpsStore

    public init(storage: any StoreOpsStore) { self.storage = storage }

    /// Adds a person, or changes one with the same name.
    @discardableResult
    public func addPerson(
        store id: StoreID, name: String, role: TaskRole, agent: String? = nil,
        tasksWeight: Int = Person.defaultTasksWeight
    ) async throws -> Person {
        _ = try await storage.requireStore(id)
        let name = try StaffService.name(name, option: "--name")
        let agent = try agent.map { try StaffService.name($0, option: "--agent") }
        guard Person.weightRange.contains(tasksWeight) else {
            throw ServiceError(.invalidInput, "--tasks-weight \(tasksWeight) must be from 0 to 100.")
        }
        let person = Person(store: id, name: name, role: role, agent: agent, tasksWeight: tasksWeight)
        var batch = FactBatch()
        batch.people = [person]
        try await storage.write(batch, to: id)
        return person
    }

    /// The store's people by name.
    public func people(store id: StoreID) async throws -> [Person] {
        try await storage.read(Person.self, store: id, days: nil).sorted { $0.name < $1.name }
    }

    /// Sets (or replaces) a person's goal on `metric` for `month` (`2026-11`). The target is written in the figure's
    /// unit: an amount for money, `3.5` for ROAS, `2.5%` or `0.025` for a rate, whole seconds for response time.
    @discardableResult
    public func setGoal(
        store id: StoreID, person: String, month: String, metric: GoalMetric, target: String,
        weight: Int
    ) async throws -> PersonGoal {
        let store = try await storage.requireStore(id)
        let name = try StaffService.name(person, option: "--person")
        guard try await people(store: id).contains(where: { $0.name == name }) else {
            throw ServiceError(
                .notFound, "\(name) is not a person of store \(id): add them first (storeops person add).")
        }
        guard let (kind, start, _) = TargetService.period(month), kind == .month else {
            throw ServiceError(.invalidInput, "--month \"\(month)\" is not a month: write it like 2026-11.")
        }
        guard Person.weightRange.contains(weight) else {
            throw ServiceError(.invalidInput, "--weight \(weight) must be from 0 to 100.")
        }
        let goal = PersonGoal(
            store: id, person: name, month: start, metric: metric,
            target: try StaffService.value(target, of: metric, option: "--target", currency: store.currency),
            weight: weight)
        var batch = FactBatch()
        batch.personGoals = [goal]
        try await storage.write(batch, to: id)
        return goal
    }

    /// The goals of `month` (all months when nil), by person and figure.
    public func goals(store id: StoreID, month: Day? = nil) async throws -> [PersonGoal] {
        try await storage.read(PersonGoal.self, store: id, days: month.map { DayRange(day: $0) })
            .sorted { ($0.month, $0.person, $0.metric.rawValue) < ($1.month, $1.person, $1.metric.rawValue) }
    }

    /// Adds a customer-service reward (positive amount) or penalty (negative) rule on an agent's inquiry conversion
    /// or response time; a rule with the same figure, side and threshold is replaced.
    @discardableResult
    public func addRule(
        store id: StoreID, metric: GoalMetric, comparison: KPIRule.Comparison, threshold: String,
        amount: String
    ) async throws -> KPIRule {
        let store = try await storage.requireStore(id)
        guard metric.isPersonal else {
            throw ServiceError(
                .invalidInput, "Reward and penalty rules are on an agent's inquiry_conversion or response_seconds.")
        }
        let text = amount.filter { $0 != "," }
        guard let money = Money(decimal: text, currency: store.currency), money.minor != 0,
            abs(money.minor) <= YearPlan.maximumMinor
        else {
            throw ServiceError(
                .invalidInput,
                "--amount \"\(amount)\" is not an amount in \(store.currency.code): 200 for a reward, -100 for a penalty."
            )
        }
        let rule = KPIRule(
            store: id, metric: metric, comparison: comparison,
            threshold: try StaffService.value(threshold, of: metric, option: "--threshold", currency: store.currency),
            amount: money)
        var batch = FactBatch()
        batch.kpiRules = [rule]
        try await storage.write(batch, to: id)
        return rule
    }

    /// The store's reward and penalty rules.
    public func rules(store id: StoreID) async throws -> [KPIRule] {
        try await storage.read(KPIRule.self, store: id, days: nil)
    }

    static func name(_ text: String, option: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.utf8.count <= 100, !name.contains(where: { $0.isNewline }) else {
            throw ServiceError(.invalidInput, "\(option) must be a name of up to 100 bytes on one line.")
        }
        return name
    }

    /// A figure's value in its unit (see `GoalMetric.Unit`) from what the user wrote.
    static func value(_ text: String, of metric: GoalMetric, option: String, currency: Currency) throws -> Int64 {
        let plain = text.trimmingCharacters(in: .whitespaces).filter { $0 != "," }
        let value: Int64?
        switch metric.unit {
        case .money: value = Money(decimal: plain, currency: currency).map(\.minor)
        case .rate:
            value =
                plain.hasSuffix("%")
                ? Money.parseMinor(String(plain.dropLast()), digits: 2) : Money.parseMinor(plain, digits: 4)
        case .seconds: value = Int64(plain)
        }
        guard let value, value >= 0, value <= YearPlan.maximumMinor else {
            let example =
                switch metric.unit {
                case .money: "an amount in \(currency.code), like 500000"
                case .rate: metric == .roas ? "a ratio like 3.5" : "a rate like 2.5% or 0.025"
                case .seconds: "whole seconds, like 30"
                }
            throw ServiceError(.invalidInput, "\(option) \"\(text)\" is not \(example).")
        }
        return value
    }
}
