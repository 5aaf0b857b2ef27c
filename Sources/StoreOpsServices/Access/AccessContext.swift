import StoreOpsCore
import StoreOpsStorage

/// A signed-in user and what they may reach: the storage they work through checks every read and write against
/// their grants and, on PostgreSQL, is also limited by row-level security to the stores they can read.
public struct AccessContext: Sendable {
    public let user: User
    public let policy: AccessPolicy
    /// The stores the user can read, by id.
    public let readable: Set<StoreID>
    /// This user's view of the storage, for every other service (imports, reports, targets, costs).
    public let storage: any StoreOpsStore

    init(user: User, policy: AccessPolicy, stores: [Store], root: any StoreOpsStore) {
        self.user = user
        self.policy = policy
        readable = policy.stores(stores, permitting: .read)
        storage = AccessControlledStore(inner: root.restricted(to: .stores(readable)), policy: policy)
    }

    /// The stores the user can read.
    public func stores() async throws -> [Store] { try await storage.stores() }

    /// The store `id` when the user can read it; a store outside their grants is as unknown as a missing one.
    public func store(_ id: StoreID) async throws -> Store { try await storage.requireStore(id) }
}
