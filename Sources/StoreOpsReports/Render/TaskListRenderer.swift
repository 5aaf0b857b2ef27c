import StoreOpsCore

/// The team's tasks as a text table or JSON.
public enum TaskListRenderer {
    public static func text(_ tasks: [OpsTask], store: Store, today: Day, language l: Language) -> String {
        guard !tasks.isEmpty else { return l.pick("\(store.id) 没有任务。\n", "Store \(store.id) has no tasks.\n") }
        let rows = tasks.map { t -> [String] in
            let status: String
            switch t.status {
            case .open: status = t.due < today ? l.pick("逾期", "overdue") : l.pick("待办", "open")
            case .done: status = l.pick("已完成", "done") + (t.recovered.map { $0 ? l.pick("·已恢复", " · recovered") : l.pick("·未恢复", " · not recovered") } ?? "")
            }
            let what = TaskPlanner.check(of: t).map { $0.label(l) + " · " + t.title } ?? t.title
            return [t.id, status, t.due.iso, t.role.label(l), t.assignee ?? "—", what]
        }
        var out = TextTable.render(header: [l.pick("编号", "Id"), l.pick("状态", "Status"), l.pick("截止", "Due"), l.pick("角色", "Role"),
                                            l.pick("负责人", "Assignee"), l.pick("事项", "Task")], rows: rows)
        if tasks.count == 1, let t = tasks.first { out += "\n" + advice(t, l) + "\n" }
        return out
    }

    /// The advice line of a task in the language (tasks from findings keep both, one per line).
    public static func advice(_ task: OpsTask, _ l: Language) -> String {
        let lines = task.detail.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.count == 2 ? l.pick(lines[0], lines[1]) : task.detail
    }

    public static func json(_ tasks: [OpsTask]) -> String {
        JSONValue.array(tasks.map(task)).rendered() + "\n"
    }

    static func task(_ t: OpsTask) -> JSONValue {
        let lines = t.detail.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return .object([
            ("id", .string(t.id)), ("store", .string(t.store.rawValue)), ("check", TaskPlanner.check(of: t).map { .string($0.rawValue) } ?? .null),
            ("subject", .string(t.title)), ("role", .string(t.role.rawValue)), ("status", .string(t.status.rawValue)), ("due", .string(t.due.iso)),
            ("assignee", t.assignee.map { .string($0) } ?? .null), ("created_at", .string(t.createdAt.iso)),
            ("closed_at", t.closedAt.map { .string($0.iso) } ?? .null), ("recovered", t.recovered.map { .bool($0) } ?? .null),
            ("advice", lines.count == 2 ? .object([("zh", .string(lines[0])), ("en", .string(lines[1]))]) : .string(t.detail)),
        ])
    }
}
