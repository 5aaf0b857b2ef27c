/// A role given to a user on a workspace (every store of every client in it), a client (its stores) or one store.
public struct Grant: Hashable, Sendable {
    public var user: UserID
    public var target: Target
    public var role: Role

    public init(user: UserID, target: Target, role: Role) {
        self.user = user
        self.target = target
        self.role = role
    }

    /// What a grant covers.
    public enum Target: Hashable, Sendable, CustomStringConvertible {
        case workspace(WorkspaceID)
        case client(ClientID)
        case store(StoreID)

        /// `workspace`, `client` or `store`.
        public var kind: String {
            switch self {
            case .workspace: "workspace"
            case .client: "client"
            case .store: "store"
            }
        }

        /// The id of the workspace, client or store.
        public var id: String {
            switch self {
            case .workspace(let id): id.rawValue
            case .client(let id): id.rawValue
            case .store(let id): id.rawValue
            }
        }

        /// A target from its stored kind and id; nil when either is invalid.
        public init?(kind: String, id: String) {
            switch kind {
            case "workspace": guard let w = WorkspaceID(id) else { return nil }; self = .workspace(w)
            case "client": guard let c = ClientID(id) else { return nil }; self = .client(c)
            case "store": guard let s = StoreID(id) else { return nil }; self = .store(s)
            default: return nil
            }
        }

        public var description: String { "\(kind) \(id)" }
    }
}
