import StoreOpsCore

/// The agency directory: workspaces, their clients, users and the roles granted to them. Implemented by both
/// backends next to `StoreOpsStore`; the access rules over it are `AccessPolicy` (core) and the services' checks.
/// Directory tables carry no store id, so a handle limited to some stores still reads the whole directory.
public protocol AgencyDirectory: Sendable {
    /// Creates or renames a workspace.
    func saveWorkspace(_ workspace: Workspace) async throws
    /// Every workspace, by id.
    func workspaces() async throws -> [Workspace]

    /// Creates or renames a client (its workspace cannot change).
    func saveClient(_ client: Client) async throws
    /// Every client, by id.
    func clients() async throws -> [Client]

    /// Creates or renames a user; with `tokenSHA256`, also sets the hash of the user's bearer token (required when
    /// the user is new).
    func saveUser(_ user: User, tokenSHA256: String?) async throws
    /// Every user, by id.
    func users() async throws -> [User]
    /// The user whose bearer token hashes to `tokenSHA256`, or nil.
    func user(tokenSHA256: String) async throws -> User?

    /// Gives `grant.user` the role on the target (replacing the role they had there).
    func saveGrant(_ grant: Grant) async throws
    /// Takes back the user's role on the target; false when there was none.
    @discardableResult
    func removeGrant(user: UserID, target: Grant.Target) async throws -> Bool
    /// The user's grants.
    func grants(user: UserID) async throws -> [Grant]

    /// Sets only the user's bearer token hash and its expiry (nothing else of the user is written).
    func setToken(user: UserID, sha256: String, expiresAt: Instant?) async throws
    /// Sets only when the user was disabled (nil: enabled).
    func setDisabled(user: UserID, at: Instant?) async throws

    /// Sets the user's password hash (bcrypt), or with nil takes the password away.
    func setPasswordHash(user: UserID, _ hash: String?) async throws
    /// The user's password hash, nil when they have no password.
    func passwordHash(user: UserID) async throws -> String?

    /// Keeps a new session, removing the sessions that ended before it began.
    func saveSession(_ session: WebSession) async throws
    /// The session whose id hashes to `idSHA256`, ended or not; nil when there is none.
    func session(idSHA256: String) async throws -> WebSession?
    /// Ends one session; false when there was none.
    @discardableResult
    func removeSession(idSHA256: String) async throws -> Bool
    /// Ends every session of the user (a new password, a disabled user).
    func removeSessions(user: UserID) async throws
}

/// A database that keeps both the stores' data and the directory (what the composition root opens).
public typealias StoreOpsDatabase = StoreOpsStore & AgencyDirectory
