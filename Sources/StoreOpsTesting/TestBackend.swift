import Foundation
import StoreOpsStorage

/// The backend the backend-neutral tests run on: SQLite (in memory) by default, PostgreSQL when
/// `STOREOPS_TEST_BACKEND=postgres` (scripts/test runs the whole suite once each way).
public enum TestBackend: String, Sendable {
    case sqlite, postgres

    /// The backend of this test run.
    public static var current: TestBackend {
        ProcessInfo.processInfo.environment["STOREOPS_TEST_BACKEND"].flatMap(TestBackend.init(rawValue:)) ?? .sqlite
    }

    /// A fresh, empty, migrated store of the current backend. On PostgreSQL its pool runs until the process ends and
    /// the database stays until scripts/test throws the cluster away.
    public static func makeStore() async throws -> any StoreOpsDatabase {
        switch current {
        case .sqlite: return try SQLiteStore()
        case .postgres:
            let database = try await ThrowawayPostgres.create()
            let store = try PostgresStore(url: database.appURL, scopeKey: database.scopeKey)
            Task.detached { try await store.run() }
            return store
        }
    }

    /// Runs `body` with a fresh, empty, migrated store of the current backend.
    public static func withStore<T: Sendable>(_ body: (any StoreOpsDatabase) async throws -> T) async throws -> T {
        switch current {
        case .sqlite: try await body(try SQLiteStore())
        case .postgres: try await ThrowawayPostgres.withStore { try await body($0) }
        }
    }
}
