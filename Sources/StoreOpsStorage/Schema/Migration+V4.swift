extension Migration {
    /// Version 4: the agency directory. Workspaces, clients, users and grants are small tables without a store id
    /// (reference tables on a sharded cluster); a store names its client.
    static let v4Agencies = Migration(version: 4, name: "agencies", statements: [
        """
        CREATE TABLE workspaces (
            workspace_id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            created_at BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE clients (
            client_id TEXT NOT NULL PRIMARY KEY,
            workspace_id TEXT NOT NULL REFERENCES workspaces (workspace_id),
            name TEXT NOT NULL,
            created_at BIGINT NOT NULL
        )
        """,
        "ALTER TABLE stores ADD COLUMN client_id TEXT REFERENCES clients (client_id)",
        """
        CREATE TABLE users (
            user_id TEXT NOT NULL PRIMARY KEY,
            workspace_id TEXT NOT NULL REFERENCES workspaces (workspace_id),
            name TEXT NOT NULL,
            token_sha256 TEXT NOT NULL UNIQUE,
            created_at BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE grants (
            user_id TEXT NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
            target_kind TEXT NOT NULL,
            target_id TEXT NOT NULL,
            role TEXT NOT NULL,
            PRIMARY KEY (user_id, target_kind, target_id)
        )
        """,
    ])
}
