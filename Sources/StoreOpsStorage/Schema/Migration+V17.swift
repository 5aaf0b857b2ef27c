extension Migration {
    /// Version 17: where a store's messages go (chat robots, their address and secret sealed by the services) and
    /// the delivery ledger, whose key is claimed before a message is sent.
    static let v17Notify = Migration(
        version: 17, name: "notify channels and deliveries",
        statements: [
            """
            CREATE TABLE notify_channels (
                store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
                channel_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                url_sealed TEXT NOT NULL,
                secret_sealed TEXT,
                keyword TEXT,
                language TEXT NOT NULL,
                PRIMARY KEY (store_id, channel_id)
            )
            """,
            """
            CREATE TABLE deliveries (
                store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
                day TEXT NOT NULL,
                report TEXT NOT NULL,
                channel_id TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts BIGINT NOT NULL,
                detail TEXT,
                started_at BIGINT NOT NULL,
                finished_at BIGINT,
                PRIMARY KEY (store_id, day, report, channel_id)
            )
            """,
        ])
}
