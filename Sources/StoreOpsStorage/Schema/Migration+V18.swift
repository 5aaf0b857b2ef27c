extension Migration {
    /// Version 18: each store's schedule (when its morning routine runs, where its exports are dropped) and the
    /// ledger of runs, one per store and store-local day, claimed before the run starts.
    static let v18Schedules = Migration(
        version: 18, name: "schedules and their runs",
        statements: [
            """
            CREATE TABLE schedules (
                store_id TEXT NOT NULL PRIMARY KEY REFERENCES stores (store_id) ON DELETE CASCADE,
                at_minute BIGINT NOT NULL,
                inbox TEXT,
                alerts BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE schedule_runs (
                store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
                day TEXT NOT NULL,
                status TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                finished_at BIGINT,
                detail TEXT,
                PRIMARY KEY (store_id, day)
            )
            """,
        ])
}
