import Foundation
import Logging
import PostgresNIO
import StoreOpsCore

/// Brings a PostgreSQL schema up to date: the shared migrations, then row-level security on every table that has a
/// `store_id` column (enabled and forced, so that even the tables' owner is subject to it), and privileges for the
/// application's role. Runs as the role that owns the tables; the application should connect as another role,
/// without BYPASSRLS.
enum PostgresSchema {
    /// The policy every table with a store id gets.
    static let policyName = "store_scope"

    /// The stores the transaction may reach: `storeops.scope` (`*` or store ids separated by commas) when
    /// `storeops.scope_mac` is its HMAC-SHA256 under the database's scope key, which only the tables' owner can
    /// read. The key is kept XORed with HMAC's two pads, so a check is two SHA-256 (the whole HMAC in PL/pgSQL
    /// took half a millisecond, and a statement checks once per protected table it reads). Any
    /// role can set the settings; only one that holds the key can set a scope that works. Unset, nothing is
    /// reachable; signed wrongly, every statement that reads a protected table fails.
    static func scopeFunction(schema: String) -> String {
        """
        CREATE OR REPLACE FUNCTION storeops_scope() RETURNS text[]
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, \(schema), pg_temp AS $$
        DECLARE
            scope text := COALESCE(current_setting('storeops.scope', true), '');
            mac text := COALESCE(current_setting('storeops.scope_mac', true), '');
            inner_key bytea;
            outer_key bytea;
        BEGIN
            IF scope = '' THEN RETURN '{}'; END IF;
            SELECT inner_pad, outer_pad INTO inner_key, outer_key FROM scope_secret;
            IF inner_key IS NULL OR outer_key IS NULL
               OR mac <> encode(sha256(outer_key || sha256(inner_key || convert_to(scope, 'UTF8'))), 'hex') THEN
                RAISE EXCEPTION 'the store scope is not signed with this database''s scope key'
                    USING ERRCODE = 'SO001', HINT = 'Give the key that storeops migrate --app-role printed as STOREOPS_SCOPE_KEY';
            END IF;
            RETURN string_to_array(scope, ',');
        END $$
        """
    }

    /// The row filter of every table with a store id. The scalar subqueries make PostgreSQL check the scope once
    /// per statement, not once per row.
    static let storeFilter = "(store_id = ANY (\(scopeArray)) OR '*' = ANY (\(scopeArray)))"

    /// The scope as an array, from a scalar subquery (an InitPlan: one call per statement).
    static let scopeArray = "CAST((SELECT storeops_scope()) AS text[])"

    /// The directory (workspaces, clients, users, grants): everyone reads it; only a handle signed for every store
    /// (administration, not a user's request) writes it.
    static let directoryTables = ["workspaces", "clients", "users", "grants", "web_sessions"]

    /// The tables of the current schema that have a `store_id` column.
    static let tablesWithStoreID = """
        SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t
            ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND c.column_name = 'store_id' AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name
        """

    /// A table's columns (name and SQL type) in their order, from the catalog.
    static func columns(of table: String, on c: PostgresConnection, logger: Logger) async throws -> [(name: String, type: String)] {
        try await c.rows("""
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position
            """, [.text(table)], logger: logger).compactMap { row in
            guard case .text(let name) = row[0], case .text(let type) = row[1] else { return nil }
            return (name, type)
        }
    }

    /// Applies missing migrations and the security statements; returns the versions applied.
    static func migrate(_ connection: PostgresConnection, appRole: String?, logger: Logger) async throws -> [Int] {
        try await connection.withTransaction(logger: logger) { c in
            // One migrator at a time, even from several processes.
            try await c.run("SELECT pg_advisory_xact_lock(727001)", logger: logger)
            try await c.run("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)", logger: logger)
            let applied = Int(try await currentVersion(c, logger: logger))
            let known = Migration.all.last?.version ?? 0
            guard applied <= known else {
                throw StorageError(.migration, "The database has schema version \(applied), newer than this StoreOps knows (\(known)). Upgrade StoreOps.")
            }
            var done: [Int] = []
            for migration in Migration.all where migration.version > applied {
                for statement in migration.statements { try await c.run(statement, logger: logger) }
                try await c.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                                [.int(migration.version), .text(migration.name), .int(Int64(Date.now.timeIntervalSince1970))], logger: logger)
                done.append(migration.version)
            }
            try await secure(c, appRole: appRole, logger: logger)
            return done
        }
    }

    /// Row-level security on every table with a store id and on the directory, the scope key, and the application
    /// role's privileges (idempotent; the key, once made, is kept).
    static func secure(_ c: PostgresConnection, appRole: String?, logger: Logger) async throws {
        if let appRole {
            guard appRole.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw StorageError(.migration, "The application role \"\(appRole)\" must be letters, digits and underscores.")
            }
        }
        let schema = try await schemaName(c, logger: logger)
        try await c.run("""
            CREATE TABLE IF NOT EXISTS scope_secret (one BOOLEAN PRIMARY KEY DEFAULT true CHECK (one), secret TEXT NOT NULL,
                inner_pad BYTEA, outer_pad BYTEA)
            """, logger: logger)
        try await c.run("INSERT INTO scope_secret (secret) VALUES (?) ON CONFLICT DO NOTHING", [.text(ScopeKey.random().hex)], logger: logger)
        guard let key = try await scopeKey(c, logger: logger) else {
            throw StorageError(.migration, "The scope key in scope_secret is not 32 to 64 bytes of hex; delete the row and migrate again.")
        }
        let pads = key.pads
        try await c.run("UPDATE scope_secret SET inner_pad = decode(?, 'hex'), outer_pad = decode(?, 'hex')",
                        [.text(SHA256.hex(pads.inner)), .text(SHA256.hex(pads.outer))], logger: logger)
        try await c.run("REVOKE ALL ON scope_secret FROM PUBLIC", logger: logger)
        try await c.run(scopeFunction(schema: schema), logger: logger)
        try await c.run("REVOKE ALL ON FUNCTION storeops_scope() FROM PUBLIC", logger: logger)
        for row in try await c.rows(tablesWithStoreID, logger: logger) {
            guard case .text(let table) = row[0] else { continue }
            try await c.run("ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY", logger: logger)
            try await c.run("ALTER TABLE \(table) FORCE ROW LEVEL SECURITY", logger: logger)
            try await c.run("DROP POLICY IF EXISTS \(policyName) ON \(table)", logger: logger)
            try await c.run("CREATE POLICY \(policyName) ON \(table) USING \(storeFilter) WITH CHECK \(storeFilter)", logger: logger)
        }
        let everyStore = "('*' = ANY (\(scopeArray)))"
        for table in directoryTables {
            try await c.run("ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY", logger: logger)
            try await c.run("ALTER TABLE \(table) FORCE ROW LEVEL SECURITY", logger: logger)
            try await c.run("DROP POLICY IF EXISTS directory_read ON \(table)", logger: logger)
            try await c.run("DROP POLICY IF EXISTS directory_write ON \(table)", logger: logger)
            try await c.run("CREATE POLICY directory_read ON \(table) FOR SELECT USING (true)", logger: logger)
            try await c.run("CREATE POLICY directory_write ON \(table) USING \(everyStore) WITH CHECK \(everyStore)", logger: logger)
        }
        try await c.run("DROP FUNCTION IF EXISTS storeops_visible(text)", logger: logger)
        if let appRole {
            try await c.run("GRANT USAGE ON SCHEMA \(schema) TO \(appRole)", logger: logger)
            try await c.run("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \(schema) TO \(appRole)", logger: logger)
            try await c.run("REVOKE ALL ON scope_secret FROM \(appRole)", logger: logger)
            try await c.run("GRANT EXECUTE ON FUNCTION storeops_scope() TO \(appRole)", logger: logger)
        }
    }

    /// The database's scope key; only the tables' owner (or a superuser) may read it.
    static func scopeKey(_ c: PostgresConnection, logger: Logger) async throws -> ScopeKey? {
        guard case .text(let hex)? = try await c.rows("SELECT secret FROM scope_secret", logger: logger).first?.first else { return nil }
        return ScopeKey(hex: hex)
    }

    static func currentVersion(_ c: PostgresConnection, logger: Logger) async throws -> Int64 {
        let rows = try await c.rows("SELECT CAST(COALESCE(MAX(version), 0) AS BIGINT) FROM schema_migrations", logger: logger)
        if case .int(let v)? = rows.first?.first { return v }
        return 0
    }

    private static func schemaName(_ c: PostgresConnection, logger: Logger) async throws -> String {
        guard case .text(let name)? = try await c.rows("SELECT current_schema()", logger: logger).first?.first else {
            throw StorageError(.migration, "PostgreSQL has no current schema; check the search_path of the role.")
        }
        return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
