import StoreOpsCore

/// What an administrator manages in the workbench: the users of their workspace with their grants, and the
/// targets (their workspace, clients, stores) they may give roles on.
public struct Team: Sendable {
    public let users: [User]
    public let grants: [UserID: [Grant]]
    /// The targets the acting administrator may give and take roles on.
    public let targets: [Grant.Target]
    /// Names of the targets, for showing them.
    public let names: [Grant.Target: String]
}
