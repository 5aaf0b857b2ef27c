extension Migration {
    /// Version 19: values computed from a store's data (an overview line of a day), kept with the store's revision and
    /// the build that computed them (one row per build: servers of two versions may share a database), so that a later
    /// request reads them instead of computing them again. Derived data: not part of a store's archive, stale as soon
    /// as the store's data changes, and never read by another build.
    static let v19KeptReports = Migration(
        version: 19, name: "kept reports",
        statements: [
            """
            CREATE TABLE kept_reports (
                store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                detail TEXT NOT NULL,
                revision BIGINT NOT NULL,
                build TEXT NOT NULL,
                body TEXT NOT NULL,
                PRIMARY KEY (store_id, kind, detail, build)
            )
            """,
        ])
}
