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

    /// A row is visible when the transaction's `storeops.scope` is `*` or lists its store. Unset, nothing is.
    static let visibleFunction = """
        CREATE OR REPLACE FUNCTION storeops_visible(store text) RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT COALESCE(current_setting('storeops.scope', true), '') = '*'
                OR store = ANY (string_to_array(COALESCE(current_setting('storeops.scope', true), ''), ','))
        $$
        """

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

    /// Row-level security on every table with a store id, and the application role's privileges (idempotent).
    static func secure(_ c: PostgresConnection, appRole: String?, logger: Logger) async throws {
        try await c.run(visibleFunction, logger: logger)
        for row in try await c.rows(tablesWithStoreID, logger: logger) {
            guard case .text(let table) = row[0] else { continue }
            try await c.run("ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY", logger: logger)
            try await c.run("ALTER TABLE \(table) FORCE ROW LEVEL SECURITY", logger: logger)
            try await c.run("DROP POLICY IF EXISTS \(policyName) ON \(table)", logger: logger)
            try await c.run("CREATE POLICY \(policyName) ON \(table) USING (storeops_visible(store_id)) WITH CHECK (storeops_visible(store_id))", logger: logger)
        }
        if let appRole {
            guard appRole.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw StorageError(.migration, "The application role \"\(appRole)\" must be letters, digits and underscores.")
            }
            let schema = try await schemaName(c, logger: logger)
            try await c.run("GRANT USAGE ON SCHEMA \(schema) TO \(appRole)", logger: logger)
            try await c.run("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \(schema) TO \(appRole)", logger: logger)
            try await c.run("GRANT EXECUTE ON FUNCTION storeops_visible(text) TO \(appRole)", logger: logger)
        }
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
