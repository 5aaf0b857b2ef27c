import StoreOpsCore

/// Which stores a storage handle may see. PostgreSQL enforces it with row-level security on every table keyed by
/// store id (set per transaction); the service layer enforces it on every backend.
public enum StoreScope: Hashable, Sendable {
    /// Every store: the local operator, migrations, administration.
    case all
    /// Only these stores (an agency user's clients and stores); an empty set sees nothing.
    case stores(Set<StoreID>)

    /// Whether `store` is inside the scope.
    public func contains(_ store: StoreID) -> Bool {
        switch self {
        case .all: true
        case .stores(let ids): ids.contains(store)
        }
    }

    /// The stores both scopes contain.
    public func intersection(_ other: StoreScope) -> StoreScope {
        switch (self, other) {
        case (.all, _): other
        case (_, .all): self
        case (.stores(let a), .stores(let b)): .stores(a.intersection(b))
        }
    }

    /// The value of the `storeops.scope` setting that the row-level security policies read: `*` for every store,
    /// else the ids separated by commas (ids cannot contain commas).
    public var setting: String {
        switch self {
        case .all: "*"
        case .stores(let ids): ids.map(\.rawValue).sorted().joined(separator: ",")
        }
    }
}
