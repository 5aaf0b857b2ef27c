extension Migration {
    /// Version 14: passwords (bcrypt hashes) and the web workbench's sessions, kept by the SHA-256 of their id.
    static let v14WebSessions = Migration(
        version: 14, name: "web sessions",
        statements: [
            "ALTER TABLE users ADD COLUMN password_hash TEXT",
            """
            CREATE TABLE web_sessions (
                session_sha256 TEXT NOT NULL PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX web_sessions_by_user ON web_sessions (user_id)",
        ])
}
