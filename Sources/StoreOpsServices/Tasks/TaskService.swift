import Foundation
import StoreOpsCore
import StoreOpsReports
import StoreOpsStorage

/// The team's tasks: made from the checks' findings (`sync`), listed, assigned and closed.
public struct TaskService: Sendable {
    let storage: any StoreOpsStore
    let clock: @Sendable () -> Instant

    public init(storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant) {
        self.storage = storage
        self.clock = clock
    }

    /// The service as `context`'s user: every read and write limited to what their grants reach.
    public init(_ context: AccessContext, clock: @escaping @Sendable () -> Instant) {
        self.init(storage: context.storage, clock: clock)
    }

    /// Records a check report's findings as tasks: new tasks for new findings, updates for persisting ones (never a
    /// duplicate), and the recovery verdict of closed tasks (see `TaskPlanner`).
    @discardableResult
    public func sync(_ report: CheckReport) async throws -> TaskPlanner.Plan {
        let existing = try await storage.read(OpsTask.self, store: report.store.id, days: nil)
        let plan = TaskPlanner().plan(findings: report.findings, day: report.day, now: clock(), existing: existing, store: report.store)
        if !plan.writes.isEmpty {
            var batch = FactBatch()
            batch.tasks = plan.writes
            try await storage.write(batch, to: report.store.id)
        }
        return plan
    }

    /// The store's tasks, open ones first by due date, then closed ones (latest first); optionally one status or role.
    public func list(store id: StoreID, status: TaskStatus? = nil, role: TaskRole? = nil) async throws -> [OpsTask] {
        _ = try await storage.requireStore(id)
        return try await storage.read(OpsTask.self, store: id, days: nil)
            .filter { status == nil || $0.status == status } .filter { role == nil || $0.role == role }
            .sorted { a, b in
                if a.status != b.status { return a.status == .open }
                if a.status == .open { return (a.due, Self.number(a), a.id) < (b.due, Self.number(b), b.id) }
                return (a.closedAt ?? a.createdAt, a.id) > (b.closedAt ?? b.createdAt, b.id)
            }
    }

    /// Closes a task now; its recovery is judged by the checks of the following week.
    @discardableResult
    public func close(store id: StoreID, task taskID: String) async throws -> OpsTask {
        var task = try await require(store: id, task: taskID)
        guard task.status == .open else { throw ServiceError(.conflict, "task \(taskID) of store \(id) is already done.") }
        task.status = .done
        task.closedAt = clock()
        try await save(task)
        return task
    }

    /// Opens a closed task again (the finding came back, or it was closed by mistake); its recovery verdict is dropped.
    @discardableResult
    public func reopen(store id: StoreID, task taskID: String) async throws -> OpsTask {
        var task = try await require(store: id, task: taskID)
        guard task.status == .done else { throw ServiceError(.conflict, "task \(taskID) of store \(id) is open already.") }
        task.status = .open
        task.closedAt = nil
        task.recovered = nil
        try await save(task)
        return task
    }

    /// Gives a task to a person (and optionally another role).
    @discardableResult
    public func assign(store id: StoreID, task taskID: String, to assignee: String, role: TaskRole? = nil) async throws -> OpsTask {
        var task = try await require(store: id, task: taskID)
        let name = assignee.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw ServiceError(.invalidInput, "--to needs a name, e.g. --to 小王.") }
        task.assignee = name
        if let role { task.role = role }
        try await save(task)
        return task
    }

    func require(store id: StoreID, task taskID: String) async throws -> OpsTask {
        _ = try await storage.requireStore(id)
        guard let task = try await storage.read(OpsTask.self, store: id, days: nil).first(where: { $0.id == taskID }) else {
            throw ServiceError(.notFound, "store \(id) has no task \"\(taskID)\"; `storeops tasks list --store \(id)` shows them.")
        }
        return task
    }

    func save(_ task: OpsTask) async throws {
        var batch = FactBatch()
        batch.tasks = [task]
        try await storage.write(batch, to: task.store)
    }

    static func number(_ task: OpsTask) -> Int { Int(task.id.dropFirst()) ?? Int.max }
}
