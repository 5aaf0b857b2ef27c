import StoreOpsCore

extension Person: StoredFact {
    public static let table = FactTable<Person>(
        name: "people", columns: ["name", "role", "agent", "tasks_weight"], key: ["name"], dayFilter: .none,
        rows: { $0.people }, store: { $0.store },
        encode: { [.text($0.name), .raw($0.role), .text($0.agent), .int($0.tasksWeight)] },
        decode: { r in
            Person(
                store: r.store, name: try r.text(), role: try r.value(TaskRole.self), agent: try r.optionalText(),
                tasksWeight: try r.int())
        })
}

extension PersonGoal: StoredFact {
    public static let table = FactTable<PersonGoal>(
        name: "person_goals", columns: ["person", "month", "metric", "target", "weight"],
        key: ["person", "month", "metric"],
        dayFilter: .column("month"), rows: { $0.personGoals }, store: { $0.store },
        encode: { [.text($0.person), .day($0.month), .raw($0.metric), .int($0.target), .int($0.weight)] },
        decode: { r in
            PersonGoal(
                store: r.store, person: try r.text(), month: try r.day(), metric: try r.value(GoalMetric.self),
                target: try r.int64(), weight: try r.int())
        })
}

extension KPIRule: StoredFact {
    public static let table = FactTable<KPIRule>(
        name: "kpi_rules", columns: ["metric", "comparison", "threshold", "amount_minor"],
        key: ["metric", "comparison", "threshold"],
        dayFilter: .none, rows: { $0.kpiRules }, store: { $0.store },
        encode: { [.raw($0.metric), .raw($0.comparison), .int($0.threshold), .money($0.amount)] },
        decode: { r in
            KPIRule(
                store: r.store, metric: try r.value(GoalMetric.self), comparison: try r.value(KPIRule.Comparison.self),
                threshold: try r.int64(), amount: try r.money())
        })
}
