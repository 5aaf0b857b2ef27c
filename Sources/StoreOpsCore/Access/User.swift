/// A person (or program) working in a workspace. Signs in with a bearer token whose SHA-256 is all that is kept.
public struct User: Hashable, Sendable {
    public var id: UserID
    public var workspace: WorkspaceID
    public var name: String

    public init(id: UserID, workspace: WorkspaceID, name: String) {
        self.id = id
        self.workspace = workspace
        self.name = name
    }
}
