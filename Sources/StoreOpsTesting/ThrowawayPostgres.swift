import Foundation
import Logging
import PostgresNIO
import StoreOpsStorage

/// Throwaway PostgreSQL databases for tests, on the cluster that `scripts/test` starts (its superuser URL is in
/// `STOREOPS_TEST_POSTGRES_URL`). Each test gets its own database, owned by the `storeops_owner` role, migrated,
/// and used through the `storeops_app` role, which owns nothing and cannot bypass row-level security, as in
/// production.
public enum ThrowawayPostgres {
    /// The superuser URL of the test cluster, or nil when no cluster runs.
    public static var adminURL: String? {
        ProcessInfo.processInfo.environment["STOREOPS_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether a test cluster is running.
    public static var isAvailable: Bool { adminURL != nil }

    /// Whether the PostgreSQL-only tests (conformance, row-level security, server loss) run: a cluster is there and
    /// this is not the SQLite pass of scripts/test (so they run once, in the PostgreSQL pass).
    public static var serverTestsEnabled: Bool {
        isAvailable && ProcessInfo.processInfo.environment["STOREOPS_TEST_BACKEND"] != TestBackend.sqlite.rawValue
    }

    public static let ownerRole = "storeops_owner"
    public static let appRole = "storeops_app"

    /// One fresh database.
    public struct Database: Sendable {
        public let name: String
        /// Connects as the owner of the tables (migrations).
        public let ownerURL: String
        /// Connects as the application role.
        public let appURL: String
        /// Connects as the superuser.
        public let adminURL: String
        /// The key that signs the application role's scopes (the owner reads it from the database).
        public let scopeKey: ScopeKey
    }

    /// Creates a migrated database, runs `body` with it, and drops it afterwards.
    public static func withDatabase<T: Sendable>(_ body: (Database) async throws -> T) async throws -> T {
        let database = try await create()
        do {
            let result = try await body(database)
            try? await drop(database)
            return result
        } catch {
            try? await drop(database)
            throw error
        }
    }

    /// A fresh migrated database, through a `PostgresStore` connected as the application role (every store in scope).
    public static func withStore<T: Sendable>(_ body: (PostgresStore) async throws -> T) async throws -> T {
        try await withDatabase { database in
            try await PostgresStore.withStore(url: database.appURL, scopeKey: database.scopeKey) { store in try await body(store) }
        }
    }

    /// A fresh migrated database on the shared test cluster, or on the cluster of `admin` (a superuser URL).
    public static func create(on admin: String? = nil) async throws -> Database {
        guard let admin = admin ?? adminURL, var components = URLComponents(string: admin) else {
            throw StorageError(.cannotOpen, "No test PostgreSQL cluster: run the tests through scripts/test, which starts one.")
        }
        let shared = admin == adminURL
        if shared { try await roles.value } else { try await makeRoles(admin) }
        let name = uniqueName("t_")
        var scopeKey: ScopeKey?
        if shared {
            // A copy of the migrated template: one migration per process instead of one per test, so that dozens of
            // tests starting at once neither wait on each other nor fill the server's lock table. The copies share
            // the template's scope key.
            let template = try await migratedTemplate.value
            scopeKey = template.scopeKey
            try await execute(admin, ["CREATE DATABASE \(name) OWNER \(ownerRole) TEMPLATE \(template.name)"])
        } else {
            try await execute(admin, ["CREATE DATABASE \(name) OWNER \(ownerRole)"])
        }
        components.path = "/" + name
        components.user = ownerRole
        let ownerURL = components.string!
        components.user = appRole
        let appURL = components.string!
        components.user = URLComponents(string: admin)?.user ?? "postgres"
        components.path = "/postgres"
        let adminURL = components.string!
        if !shared { scopeKey = try await migrate(ownerURL) }
        guard let scopeKey else { throw StorageError(.migration, "The test database \(name) has no scope key.") }
        return Database(name: name, ownerURL: ownerURL, appURL: appURL, adminURL: adminURL, scopeKey: scopeKey)
    }

    /// A database name that no other test or process uses.
    static func uniqueName(_ prefix: String) -> String {
        prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
    }

    /// The shared cluster's migrated template database, made once per process. Nobody may stay connected to it
    /// (PostgreSQL copies only an unused database), so it is closed to connections once migrated. It goes with
    /// the throwaway cluster.
    static let migratedTemplate = Task<(name: String, scopeKey: ScopeKey), any Error> {
        guard let admin = adminURL, var components = URLComponents(string: admin) else {
            throw StorageError(.cannotOpen, "No test PostgreSQL cluster: run the tests through scripts/test, which starts one.")
        }
        try await roles.value
        let name = uniqueName("template_")
        try await execute(admin, ["CREATE DATABASE \(name) OWNER \(ownerRole)"])
        components.path = "/" + name
        components.user = ownerRole
        let scopeKey = try await migrate(components.string!)
        try await execute(admin, [
            "ALTER DATABASE \(name) WITH IS_TEMPLATE true ALLOW_CONNECTIONS false",
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)' AND pid <> pg_backend_pid()",
        ])
        return (name, scopeKey)
    }

    /// Migrates the database at `ownerURL` for the application role and returns its scope key.
    static func migrate(_ ownerURL: String) async throws -> ScopeKey {
        try await PostgresStore.withStore(url: ownerURL, schema: .none) { owner in
            _ = try await owner.migrate(appRole: appRole)
            return try await owner.scopeKey()
        }
    }

    static func drop(_ database: Database) async throws {
        try await execute(database.adminURL, ["DROP DATABASE IF EXISTS \(database.name) WITH (FORCE)"])
    }

    /// The two roles on the shared cluster, made once per process.
    static let roles = Task<Void, any Error> {
        guard let admin = adminURL else { return }
        try await makeRoles(admin)
    }

    static func makeRoles(_ admin: String) async throws {
        try await execute(admin, [
            """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(ownerRole)') THEN
                    CREATE ROLE \(ownerRole) LOGIN NOSUPERUSER NOBYPASSRLS;
                END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(appRole)') THEN
                    CREATE ROLE \(appRole) LOGIN NOSUPERUSER NOBYPASSRLS;
                END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$
            """,
        ])
    }

    /// Runs statements on `url` through a short-lived client.
    public static func execute(_ url: String, _ statements: [String]) async throws {
        guard let components = URLComponents(string: url), let host = components.host else { return }
        let configuration = PostgresClient.Configuration(host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
                                                         password: components.password, database: String(components.path.dropFirst()), tls: .disable)
        let client = PostgresClient(configuration: configuration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            for statement in statements {
                try await client.query(PostgresQuery(unsafeSQL: statement))
            }
        }
    }
}
