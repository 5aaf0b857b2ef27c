/// Who may do what to which store: the pure rule over a user's grants and the directory. A user's role on a store
/// is the highest of their grants on the store itself, on its client and on the client's workspace; a user only
/// ever reaches stores of their own workspace's clients (or stores granted to them one by one).
public struct AccessPolicy: Sendable {
    public let user: User
    public let grants: [Grant]
    /// The workspace of every client.
    let clientWorkspaces: [ClientID: WorkspaceID]

    public init(user: User, grants: [Grant], clients: [Client]) {
        self.user = user
        self.grants = grants.filter { $0.user == user.id }
        clientWorkspaces = Dictionary(clients.map { ($0.id, $0.workspace) }, uniquingKeysWith: { first, _ in first })
    }

    /// The user's role on `store`, or nil when they have none. Checked on every access against where the store is
    /// now: a grant on a store or client that has since moved to another workspace gives nothing.
    public func role(on store: Store) -> Role? {
        guard let client = store.client, clientWorkspaces[client] == user.workspace else { return nil }
        return grants.compactMap { grant -> Role? in
            switch grant.target {
            case .store(let id): id == store.id ? grant.role : nil
            case .client(let id): id == client ? grant.role : nil
            case .workspace(let id): id == user.workspace ? grant.role : nil
            }
        }.max()
    }

    /// Whether the user may do `action` to `store`.
    public func permits(_ action: AccessAction, on store: Store) -> Bool {
        role(on: store)?.permits(action) ?? false
    }

    /// The ids of the stores among `stores` the user may do `action` to.
    public func stores(_ stores: [Store], permitting action: AccessAction) -> Set<StoreID> {
        Set(stores.filter { permits(action, on: $0) }.map(\.id))
    }

    /// Whether the user may manage the directory of `client` (its stores, users and grants).
    public func canManage(client: Client) -> Bool {
        grants.contains { grant in
            guard grant.role == .admin else { return false }
            switch grant.target {
            case .client(let id): return id == client.id && client.workspace == user.workspace
            case .workspace(let id): return id == client.workspace && id == user.workspace
            case .store: return false
            }
        }
    }

    /// Whether the user may read every store of `client`: a grant (any role) on the client or on its workspace.
    public func canRead(client: Client) -> Bool {
        client.workspace == user.workspace && grants.contains { grant in
            switch grant.target {
            case .client(let id): id == client.id
            case .workspace(let id): id == client.workspace
            case .store: false
            }
        }
    }

    /// Whether the user administers their whole workspace.
    public var isWorkspaceAdmin: Bool {
        grants.contains { $0.role == .admin && $0.target == .workspace(user.workspace) }
    }
}
