import Foundation
import StoreOpsCore
import StoreOpsStorage

/// The agency directory's use cases: workspaces, clients and their stores, users, their tokens and grants, and
/// signing in. Administration runs with the full database (the CLI's operator, or a workspace admin through
/// `AccessContext`); everything a user does afterwards goes through `AccessContext.storage`.
public struct AccessService: Sendable {
    let database: any StoreOpsDatabase
    /// Now, for token expiry.
    let clock: @Sendable () -> Instant

    public init(database: any StoreOpsDatabase, clock: @escaping @Sendable () -> Instant = { Instant(seconds: Int64(Date().timeIntervalSince1970)) }) {
        self.database = database
        self.clock = clock
    }

    // MARK: directory

    /// Creates or renames a workspace.
    @discardableResult
    public func addWorkspace(id: String, name: String) async throws -> Workspace {
        let workspace = Workspace(id: try Self.id(id, WorkspaceID.self), name: try Self.name(name, "workspace"))
        try await database.saveWorkspace(workspace)
        return workspace
    }

    /// Creates or renames a client of an existing workspace.
    @discardableResult
    public func addClient(id: String, workspace: String, name: String) async throws -> Client {
        let clientID = try Self.id(id, ClientID.self), workspaceID = try Self.id(workspace, WorkspaceID.self)
        guard try await database.workspaces().contains(where: { $0.id == workspaceID }) else {
            throw ServiceError(.notFound, "There is no workspace \"\(workspace)\": create it with `storeops workspace add --id \(workspace) --name NAME`.")
        }
        if let existing = try await database.clients().first(where: { $0.id == clientID }), existing.workspace != workspaceID {
            throw ServiceError(.conflict, "Client \(clientID) belongs to workspace \(existing.workspace), not \(workspaceID); client ids are unique across workspaces.")
        }
        let client = Client(id: clientID, workspace: workspaceID, name: try Self.name(name, "client"))
        try await database.saveClient(client)
        return client
    }

    /// Puts an existing store under a client (or, with nil, under none).
    @discardableResult
    public func assign(store id: String, to client: String?) async throws -> Store {
        let storeID = try Self.id(id, StoreID.self)
        var store = try await database.requireStore(storeID)
        if let client { store.client = try await requireClient(client).id } else { store.client = nil }
        try await database.saveStore(store)
        return store
    }

    /// Creates a store for a client, as `context`'s user (who must administer the client or its workspace).
    @discardableResult
    public func createStore(_ store: Store, as context: AccessContext) async throws -> Store {
        guard let clientID = store.client, let client = try await database.clients().first(where: { $0.id == clientID }) else {
            throw ServiceError(.invalidInput, "A store created by a workspace user must name one of the workspace's clients.")
        }
        guard context.policy.canManage(client: client) else {
            throw ServiceError(.forbidden, "\(context.user.id) cannot create stores for client \(client.id): that needs the admin role on the client or its workspace.")
        }
        if try await database.store(store.id) != nil {
            throw ServiceError(.conflict, "The store id \(store.id) is taken; choose another.")
        }
        try await database.saveStore(store)
        return store
    }

    /// Adds a user to a workspace and returns their bearer token (shown once; only its SHA-256 is kept).
    public func addUser(id: String, workspace: String, name: String, tokenExpiresAt: Instant? = nil) async throws -> (user: User, token: String) {
        let userID = try Self.id(id, UserID.self), workspaceID = try Self.id(workspace, WorkspaceID.self)
        guard try await database.workspaces().contains(where: { $0.id == workspaceID }) else {
            throw ServiceError(.notFound, "There is no workspace \"\(workspace)\": create it with `storeops workspace add --id \(workspace) --name NAME`.")
        }
        if try await database.users().contains(where: { $0.id == userID }) {
            throw ServiceError(.conflict, "There is already a user \(userID); give a new token with `storeops user token --id \(userID)`.")
        }
        let user = User(id: userID, workspace: workspaceID, name: try Self.name(name, "user"), tokenExpiresAt: tokenExpiresAt)
        let token = Self.newToken()
        try await database.saveUser(user, tokenSHA256: Self.hash(token))
        return (user, token)
    }

    /// Replaces a user's token (the old one stops working) and returns the new one.
    public func rotateToken(user id: String, expiresAt: Instant? = nil) async throws -> String {
        // Only the token is written: a disable at the same moment is not undone by a stale copy of the user.
        let user = try await requireUser(id)
        let token = Self.newToken()
        try await database.setToken(user: user.id, sha256: Self.hash(token), expiresAt: expiresAt)
        return token
    }

    /// Disables a user (they cannot sign in, whatever their token and grants) or enables them again.
    @discardableResult
    public func setDisabled(user id: String, _ disabled: Bool) async throws -> User {
        var user = try await requireUser(id)
        user.disabledAt = disabled ? (user.disabledAt ?? clock()) : nil
        try await database.setDisabled(user: user.id, at: user.disabledAt)
        if disabled { try await database.removeSessions(user: user.id) }
        return user
    }

    /// Gives a user a role on a workspace, client or store of their own workspace.
    @discardableResult
    public func grant(user id: String, role: Role, on target: Grant.Target) async throws -> Grant {
        let user = try await requireUser(id)
        try await requireInWorkspace(target, user.workspace)
        let grant = Grant(user: user.id, target: target, role: role)
        try await database.saveGrant(grant)
        return grant
    }

    /// Takes back a user's role on a target.
    public func revoke(user id: String, on target: Grant.Target) async throws {
        let user = try await requireUser(id)
        guard try await database.removeGrant(user: user.id, target: target) else {
            throw ServiceError(.notFound, "\(user.id) has no role on \(target).")
        }
    }

    /// Client `id` when `context`'s user may read all of it (a grant on the client or its workspace); any other
    /// client is as unknown as a missing one.
    public func client(_ id: String, as context: AccessContext) async throws -> Client {
        guard let client = try await database.clients().first(where: { $0.id.rawValue == id }), context.policy.canRead(client: client) else {
            throw ServiceError(.notFound, "There is no client \(id), or you may not read all of its stores.")
        }
        return client
    }

    /// Every workspace, client and user with their grants, for listings.
    public func directory() async throws -> Directory {
        let users = try await database.users()
        var grants: [UserID: [Grant]] = [:]
        for user in users { grants[user.id] = try await database.grants(user: user.id) }
        return Directory(workspaces: try await database.workspaces(), clients: try await database.clients(),
                         stores: try await database.stores(), users: users, grants: grants)
    }

    // MARK: signing in

    /// The user whose bearer token this is, with what they may reach.
    public func authenticate(token: String) async throws -> AccessContext {
        guard !token.isEmpty, let user = try await database.user(tokenSHA256: Self.hash(token)) else {
            throw ServiceError(.unauthorized, "The token is not valid. Ask a workspace admin for one (`storeops user add` or `storeops user token`).")
        }
        if let expiry = user.tokenExpiresAt, expiry <= clock() {
            throw ServiceError(.unauthorized, "The token of \(user.id) has expired. Ask a workspace admin for a new one (`storeops user token`).")
        }
        return try await context(for: user)
    }

    /// What `user` may reach, read fresh from the directory.
    public func context(for user: User) async throws -> AccessContext {
        guard user.disabledAt == nil else {
            throw ServiceError(.unauthorized, "User \(user.id) is disabled. A workspace admin can enable them (`storeops user enable`).")
        }
        let policy = AccessPolicy(user: user, grants: try await database.grants(user: user.id), clients: try await database.clients())
        return AccessContext(user: user, policy: policy, stores: try await database.stores(), root: database)
    }

    /// The context of the user with this id (the CLI's `--as`).
    public func context(forUser id: String) async throws -> AccessContext {
        try await context(for: try await requireUser(id))
    }

    // MARK: helpers

    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return "sto_" + SHA256.hex((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    static func hash(_ token: String) -> String { SHA256.hex(SHA256.hash(Array(token.utf8))) }

    func requireUser(_ id: String) async throws -> User {
        let userID = try Self.id(id, UserID.self)
        guard let user = try await database.users().first(where: { $0.id == userID }) else {
            throw ServiceError(.notFound, "There is no user \"\(id)\": add one with `storeops user add`.")
        }
        return user
    }

    func requireClient(_ id: String) async throws -> Client {
        let clientID = try Self.id(id, ClientID.self)
        guard let client = try await database.clients().first(where: { $0.id == clientID }) else {
            throw ServiceError(.notFound, "There is no client \"\(id)\": add one with `storeops client add`.")
        }
        return client
    }

    /// Fails unless `target` exists and belongs to `workspace` (a store through its client).
    func requireInWorkspace(_ target: Grant.Target, _ workspace: WorkspaceID) async throws {
        switch target {
        case .workspace(let id):
            guard id == workspace else { throw ServiceError(.forbidden, "Users of workspace \(workspace) can only get roles inside it, not on workspace \(id).") }
        case .client(let id):
            let client = try await requireClient(id.rawValue)
            guard client.workspace == workspace else { throw ServiceError(.forbidden, "Client \(id) belongs to workspace \(client.workspace), not \(workspace).") }
        case .store(let id):
            let store = try await database.requireStore(id)
            var owner: WorkspaceID?
            if let client = store.client { owner = try await requireClient(client.rawValue).workspace }
            guard owner == workspace else {
                throw ServiceError(.forbidden, "Store \(id) is not under a client of workspace \(workspace); assign it first with `storeops store assign --store \(id) --client CLIENT`.")
            }
        }
    }

    static func id<T: DirectoryIdentifier>(_ text: String, _ type: T.Type) throws -> T {
        guard let id = T(text) else {
            throw ServiceError(.invalidInput, "\"\(text)\" is not a valid \(T.noun) id: use 1-64 lower-case letters, digits, - or _.")
        }
        return id
    }

    static func name(_ text: String, _ noun: String) throws -> String {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { throw ServiceError(.invalidInput, "The \(noun) name is empty: give it with --name.") }
        return trimmed
    }
}

/// Ids the service parses from user input.
protocol DirectoryIdentifier {
    init?(_ text: String)
    static var noun: String { get }
}

extension DirectoryID: DirectoryIdentifier {
    static var noun: String { Kind.noun }
}

extension StoreID: DirectoryIdentifier {
    static var noun: String { "store" }
}

/// The whole directory, for listings.
public struct Directory: Sendable {
    public let workspaces: [Workspace]
    public let clients: [Client]
    public let stores: [Store]
    public let users: [User]
    public let grants: [UserID: [Grant]]
}
