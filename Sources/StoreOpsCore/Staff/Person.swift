/// A member of the store's team (运营, 推广, 美工, 客服, 内容) whose monthly goals and tasks make their KPI (domain guide
/// §14). Tasks count as theirs when assigned to their name.
public struct Person: Hashable, Sendable {
    public var store: StoreID
    /// Unique in the store; what `storeops tasks assign` is given.
    public var name: String
    public var role: TaskRole
    /// Their nick in the customer-service exports (旺旺/千牛 子账号), for their own inquiry conversion and response time;
    /// nil: their name.
    public var agent: String?
    /// The weight of closing tasks on time in their KPI score, against their goals' weights.
    public var tasksWeight: Int

    public init(
        store: StoreID, name: String, role: TaskRole, agent: String? = nil, tasksWeight: Int = Person.defaultTasksWeight
    ) {
        self.store = store
        self.name = name
        self.role = role
        self.agent = agent
        self.tasksWeight = tasksWeight
    }

    /// The name their service figures are kept under.
    public var agentName: String { agent ?? name }

    public static let defaultTasksWeight = 20
    /// The weights a goal or the tasks may have.
    public static let weightRange = 0...100
}
