extension Migration {
    /// Version 6: per-store check thresholds (`storeops settings set`).
    static let v6CheckSettings = Migration(version: 6, name: "check_settings", statements: [
        """
        CREATE TABLE check_settings (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (store_id, name)
        )
        """,
    ])
}
