/// An agency (代运营) or a single business: the top of the directory. It has clients, clients have stores, and
/// its users get roles on the workspace, a client or a store.
public struct Workspace: Hashable, Sendable {
    public var id: WorkspaceID
    public var name: String

    public init(id: WorkspaceID, name: String) {
        self.id = id
        self.name = name
    }
}
