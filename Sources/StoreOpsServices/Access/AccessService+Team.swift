import StoreOpsCore
import StoreOpsStorage

/// Roles given and taken back by an administrator through the workbench: a workspace admin on anything of the
/// workspace, a client's admin on the client and its stores; always to users of their own workspace.
extension AccessService {
    /// The acting user's team: every user of their workspace with their grants, and the targets they may manage.
    /// Only for administrators (of the workspace or of a client).
    public func team(as context: AccessContext) async throws -> Team {
        let targets = try await manageable(by: context)
        guard !targets.isEmpty else {
            throw ServiceError(.forbidden, "\(context.user.id) administers nothing: managing roles needs the admin role on the workspace or a client.")
        }
        let users = try await database.users().filter { $0.workspace == context.user.workspace }
        // A client's admin sees the roles on what they manage, not every grant of the workspace.
        let visible = Set(targets), everything = context.policy.isWorkspaceAdmin
        var grants: [UserID: [Grant]] = [:]
        for user in users {
            grants[user.id] = try await database.grants(user: user.id).filter { everything || visible.contains($0.target) }
        }
        // Names of this workspace's own targets only: a grant left on something moved away shows its id, not its name.
        let workspace = context.user.workspace
        var names: [Grant.Target: String] = [:]
        for w in try await database.workspaces() where w.id == workspace { names[.workspace(w.id)] = w.name }
        let clients = try await database.clients().filter { $0.workspace == workspace }
        for client in clients { names[.client(client.id)] = client.name }
        let own = Set(clients.map(\.id))
        for store in try await database.stores() where store.client.map(own.contains) ?? false { names[.store(store.id)] = store.name }
        return Team(users: users, grants: grants, targets: targets, names: names)
    }

    /// Gives `user` (of the acting user's workspace) `role` on `target`, which the acting user must manage.
    @discardableResult
    public func grant(user id: String, role: Role, on target: Grant.Target, as context: AccessContext) async throws -> Grant {
        try await requireManaged(user: id, target: target, by: context)
        return try await grant(user: id, role: role, on: target)
    }

    /// Takes back `user`'s role on `target`, which the acting user must manage.
    public func revoke(user id: String, on target: Grant.Target, as context: AccessContext) async throws {
        try await requireManaged(user: id, target: target, by: context)
        try await revoke(user: id, on: target)
    }

    /// Adds a user to the acting workspace admin's workspace with a first password (they sign in with it and can be
    /// given roles at once; an API token comes from `storeops user token`).
    @discardableResult
    public func addUser(id: String, name: String, password: String, as context: AccessContext,
                        hasher: PasswordHasher = PasswordHasher()) async throws -> User {
        guard context.policy.isWorkspaceAdmin else {
            throw ServiceError(.forbidden, "\(context.user.id) cannot add users: that needs the admin role on the workspace.")
        }
        // The password is checked before the user exists, so a refused password leaves no user behind.
        try PasswordHasher.check(password)
        let (user, _) = try await addUser(id: id, workspace: context.user.workspace.rawValue, name: name)
        try await setPassword(user: id, password, hasher: hasher)
        return user
    }

    /// Sets the password of a user of the acting workspace admin's workspace (ending their sessions).
    public func setPassword(user id: String, _ password: String, as context: AccessContext,
                            hasher: PasswordHasher = PasswordHasher()) async throws {
        _ = try await requireWorkspaceUser(id, "set the password of", as: context)
        try await setPassword(user: id, password, hasher: hasher)
    }

    /// Disables (or enables again) a user of the acting workspace admin's workspace; disabling ends their sessions
    /// and their API token stops working. Not oneself: another administrator must.
    @discardableResult
    public func setDisabled(user id: String, _ disabled: Bool, as context: AccessContext) async throws -> User {
        let user = try await requireWorkspaceUser(id, "disable or enable", as: context)
        guard user.id != context.user.id else {
            throw ServiceError(.invalidInput, "You cannot disable yourself; another administrator of the workspace can. 不能停用自己，请工作区的另一位管理员操作。")
        }
        return try await setDisabled(user: id, disabled)
    }

    /// Issues a new API token (for scripts) to the acting user, or, for a workspace admin, to a user of their
    /// workspace; the user's earlier token stops working. The token is shown once: only its hash is kept.
    public func issueToken(user id: String, expiresAt: Instant? = nil, as context: AccessContext) async throws -> String {
        if id != context.user.id.rawValue { _ = try await requireWorkspaceUser(id, "issue an API token to", as: context) }
        return try await rotateToken(user: id, expiresAt: expiresAt)
    }

    /// User `id` when the acting user administers its workspace; anyone else (or a missing user) is refused alike.
    func requireWorkspaceUser(_ id: String, _ action: String, as context: AccessContext) async throws -> User {
        let user = try? await requireUser(id)
        guard context.policy.isWorkspaceAdmin, let user, user.workspace == context.user.workspace else {
            throw ServiceError(.forbidden, "\(context.user.id) cannot \(action) \(id): that needs the admin role on their workspace.")
        }
        return user
    }

    /// The workspace (for its admin), its clients the user administers, and those clients' stores.
    func manageable(by context: AccessContext) async throws -> [Grant.Target] {
        let workspace = context.user.workspace
        let clients = try await database.clients().filter { $0.workspace == workspace && context.policy.canManage(client: $0) }
        let managed = Set(clients.map(\.id))
        let stores = try await database.stores().filter { $0.client.map(managed.contains) ?? false }
        return (context.policy.isWorkspaceAdmin ? [.workspace(workspace)] : []) + clients.map { .client($0.id) } + stores.map { .store($0.id) }
    }

    func requireManaged(user id: String, target: Grant.Target, by context: AccessContext) async throws {
        // A user of another workspace is refused like one who does not exist.
        let user = try? await requireUser(id)
        guard let user, user.workspace == context.user.workspace, try await manageable(by: context).contains(target) else {
            throw ServiceError(.forbidden, "\(context.user.id) cannot manage roles of \(id) on \(target): that needs the admin role on it, "
                + "for a user of the same workspace.")
        }
        // One's own roles change only by another administrator: nobody locks themselves (or the workspace) out.
        guard user.id != context.user.id else {
            throw ServiceError(.invalidInput, "You cannot change your own roles; another administrator can. 不能修改自己的角色，请另一位管理员操作。")
        }
    }
}
