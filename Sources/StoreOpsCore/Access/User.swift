/// A person (or program) working in a workspace. Signs in with a bearer token whose SHA-256 is all that is kept.
public struct User: Hashable, Sendable {
    public var id: UserID
    public var workspace: WorkspaceID
    public var name: String
    /// When the user was disabled: they cannot sign in until enabled again.
    public var disabledAt: Instant?
    /// When the user's token stops working; nil for never.
    public var tokenExpiresAt: Instant?

    public init(id: UserID, workspace: WorkspaceID, name: String, disabledAt: Instant? = nil, tokenExpiresAt: Instant? = nil) {
        self.id = id
        self.workspace = workspace
        self.name = name
        self.disabledAt = disabledAt
        self.tokenExpiresAt = tokenExpiresAt
    }
}
