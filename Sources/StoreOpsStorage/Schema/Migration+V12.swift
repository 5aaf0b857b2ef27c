extension Migration {
    /// Version 12: what the operator sets by hand per SKU (hero item, lead time, safety days), kept apart from the
    /// catalog so that re-importing an item export never erases it.
    static let v12SKUSettings = Migration(version: 12, name: "sku_settings", statements: [
        """
        CREATE TABLE sku_settings (
            store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
            sku_id TEXT NOT NULL,
            is_hero BIGINT,
            lead_time_days BIGINT,
            safety_days BIGINT,
            PRIMARY KEY (store_id, sku_id)
        )
        """,
    ])
}
