extension Migration {
    /// Version 10: users can be disabled and their tokens can expire, and the import ledger keeps who imported
    /// each file.
    static let v10UserStatusAndImporter = Migration(version: 10, name: "user_status_and_importer", statements: [
        "ALTER TABLE users ADD COLUMN disabled_at BIGINT",
        "ALTER TABLE users ADD COLUMN token_expires_at BIGINT",
        "ALTER TABLE import_ledger ADD COLUMN imported_by TEXT",
    ])
}
