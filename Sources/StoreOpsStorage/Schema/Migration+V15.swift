extension Migration {
    /// Version 15: each store's revision, a number that grows with every change to its data, so that what was
    /// computed from the data can be kept until the data changes.
    static let v15StoreRevisions = Migration(
        version: 15, name: "store revisions",
        statements: [
            "ALTER TABLE stores ADD COLUMN revision BIGINT NOT NULL DEFAULT 0",
        ])
}
