import StoreOpsCore

/// A value computed from one store's data (an overview line of a day), kept so that a later request can read it
/// instead of computing it again. It holds while the store's revision is the one it was computed at and the program
/// is the build that computed it; either changing makes it stale, and stale values are never handed out.
public struct KeptReport: Sendable, Hashable {
    public let store: StoreID
    /// What it is (`overview`), and the rest of its request (the day).
    public let kind: String
    public let detail: String
    /// The store's revision when its computation started.
    public let revision: Int64
    /// The program that computed it (see `Environment.build`): another build may compute it differently.
    public let build: String
    /// The value, encoded by whoever keeps it.
    public let body: String

    public init(store: StoreID, kind: String, detail: String, revision: Int64, build: String, body: String) {
        self.store = store
        self.kind = kind
        self.detail = detail
        self.revision = revision
        self.build = build
        self.body = body
    }
}
