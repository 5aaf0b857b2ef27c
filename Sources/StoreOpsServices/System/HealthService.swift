import StoreOpsStorage

/// Whether the database answers: what a load balancer's health check asks the server.
public struct HealthService: Sendable {
    let database: any StoreOpsDatabase

    public init(database: any StoreOpsDatabase) { self.database = database }

    /// The schema version of the database; throws when it cannot be read (the database is down or unreachable).
    public func schemaVersion() async throws -> Int { try await database.schemaVersion() }
}
