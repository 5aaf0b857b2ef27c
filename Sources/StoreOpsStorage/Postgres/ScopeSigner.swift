import Logging
import PostgresNIO
import Synchronization

/// Signs the scope of a PostgreSQL store's transactions and reads, with the key it was configured with or, failing
/// that, the key read from the database on first use (which only the tables' owner may do). Shared by the handles of
/// one connection pool, it also remembers which scope each pooled connection's session holds.
final class ScopeSigner: Sendable {
    private let key: Mutex<ScopeKey?>
    /// Whether the database has accepted a scope signed with the key.
    private let checked = Mutex(false)
    /// The scope set on each pooled connection's session, by connection id (unique within a pool). A connection not
    /// listed may hold any scope, or none: it is set before its next read.
    private let sessions = Mutex<[PostgresConnection.ID: String]>([:])
    /// Past this many connections remembered, the list starts again (closed connections are never removed).
    static let rememberedSessions = 4_096

    init(_ key: ScopeKey?) { self.key = Mutex(key) }

    /// Sets the transaction's scope on `c`, signed. The first time, it also asks the database to check the
    /// signature, so that a wrong key fails at once rather than at the first read of a table with rows.
    func setScope(_ setting: String, on c: PostgresConnection, logger: Logger) async throws {
        let mac = try await sign(setting, c, logger: logger)
        try await c.run("SELECT set_config('storeops.scope', ?, true), set_config('storeops.scope_mac', ?, true)",
                        [.text(setting), .text(mac)], logger: logger)
        try await checkOnce(setting, on: c, logger: logger)
    }

    /// Sets the scope on `c`'s session, for statements run outside a transaction, unless a pooled connection holds it
    /// already. A read sets its handle's scope whatever the last user of the connection left, so no read runs under
    /// another handle's scope; a transaction's local scope overrides the session's and ends with it.
    func setSessionScope(_ setting: String, on c: PostgresConnection, pooled: Bool, logger: Logger) async throws {
        if pooled, sessions.withLock({ $0[c.id] }) == setting { return }
        // Unknown until the database has answered: a failure or cancellation in between leaves it unlisted.
        sessions.withLock { _ = $0.removeValue(forKey: c.id) }
        let mac = try await sign(setting, c, logger: logger)
        try await c.run("SELECT set_config('storeops.scope', ?, false), set_config('storeops.scope_mac', ?, false)",
                        [.text(setting), .text(mac)], logger: logger)
        try await checkOnce(setting, on: c, logger: logger)
        guard pooled else { return }
        sessions.withLock {
            if $0.count >= Self.rememberedSessions { $0.removeAll() }
            $0[c.id] = setting
        }
    }

    /// Forgets which scope `c`'s session holds (after an error: a rolled-back transaction, a statement cut off), so
    /// the next read on it sets its own again.
    func forgetSession(of c: PostgresConnection) {
        sessions.withLock { _ = $0.removeValue(forKey: c.id) }
    }

    /// Asks the database to check the signature the first time a scope is set, so that a wrong key fails at once
    /// rather than at the first read of a table with rows. An empty scope sees nothing and is not checked, so it
    /// cannot vouch for the key.
    private func checkOnce(_ setting: String, on c: PostgresConnection, logger: Logger) async throws {
        guard !setting.isEmpty, !checked.withLock({ $0 }) else { return }
        _ = try await c.rows("SELECT CAST(storeops_scope() AS TEXT)", logger: logger)
        checked.withLock { $0 = true }
    }

    /// The key in use, once known.
    var configuredKey: ScopeKey? { key.withLock { $0 } }

    /// The signature of `setting`, reading the key through `c` when none is known yet.
    func sign(_ setting: String, _ c: PostgresConnection, logger: Logger) async throws -> String {
        if let key = key.withLock({ $0 }) { return key.sign(setting) }
        let read: ScopeKey?
        do {
            read = try await PostgresSchema.scopeKey(c, logger: logger)
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "42501" {
            let reason = error.serverInfo?[.message] ?? ""
            throw StorageError(.forbidden, "This PostgreSQL role may not read the scope key (\(reason)). Give StoreOps the key that "
                + "`storeops migrate --app-role` printed, as STOREOPS_SCOPE_KEY.", underlying: error)
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "42P01" {
            throw StorageError(.migration, "The database has no scope key yet: run `storeops migrate` as the role that owns the tables.",
                               underlying: error)
        }
        guard let read else {
            throw StorageError(.migration, "The database has no scope key: run `storeops migrate` as the role that owns the tables.")
        }
        key.withLock { $0 = read }
        return read.sign(setting)
    }
}
