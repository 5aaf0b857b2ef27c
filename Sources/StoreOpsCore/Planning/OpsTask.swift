/// A task for one role, usually made from a finding.
public struct OpsTask: Hashable, Sendable {
    public var store: StoreID
    public var id: String
    public var title: String
    public var detail: String
    public var role: TaskRole
    /// The finding that made the task; a persisting finding updates its task.
    public var findingKey: String?
    public var due: Day
    public var status: TaskStatus
    public var assignee: String?
    public var createdAt: Instant
    public var closedAt: Instant?
    /// On closing: whether the metric recovered in the following week.
    public var recovered: Bool?

    public init(store: StoreID, id: String, title: String, detail: String, role: TaskRole, findingKey: String? = nil, due: Day, status: TaskStatus, assignee: String? = nil, createdAt: Instant, closedAt: Instant? = nil, recovered: Bool? = nil) {
        self.store = store
        self.id = id
        self.title = title
        self.detail = detail
        self.role = role
        self.findingKey = findingKey
        self.due = due
        self.status = status
        self.assignee = assignee
        self.createdAt = createdAt
        self.closedAt = closedAt
        self.recovered = recovered
    }
}
