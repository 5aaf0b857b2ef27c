extension Migration {
    /// Version 2: the import ledger and each store's pseudonym key.
    static let v2Imports = Migration(version: 2, name: "imports", statements: [
        """
        CREATE TABLE import_ledger (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            sha256 TEXT NOT NULL,
            kind TEXT NOT NULL,
            file_name TEXT NOT NULL,
            rows_read BIGINT NOT NULL,
            rows_imported BIGINT NOT NULL,
            rows_rejected BIGINT NOT NULL,
            counts TEXT NOT NULL,
            first_day TEXT,
            last_day TEXT,
            diagnostics TEXT NOT NULL,
            imported_at BIGINT NOT NULL,
            PRIMARY KEY (store_id, sha256, kind)
        )
        """,
        """
        CREATE TABLE store_secrets (
            store_id TEXT NOT NULL PRIMARY KEY REFERENCES stores (store_id) ON DELETE CASCADE,
            pseudonym_key TEXT NOT NULL
        )
        """,
    ])
}
