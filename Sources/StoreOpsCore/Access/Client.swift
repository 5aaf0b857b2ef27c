/// One client of an agency: a brand or merchant whose stores the agency runs.
public struct Client: Hashable, Sendable {
    public var id: ClientID
    public var workspace: WorkspaceID
    public var name: String

    public init(id: ClientID, workspace: WorkspaceID, name: String) {
        self.id = id
        self.workspace = workspace
        self.name = name
    }
}
