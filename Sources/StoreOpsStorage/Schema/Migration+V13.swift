extension Migration {
    /// Version 13: the store's team, their monthly goals, and customer-service reward and penalty rules, for staff KPIs.
    static let v13Staff = Migration(
        version: 13, name: "staff",
        statements: [
            """
            CREATE TABLE people (
                store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                role TEXT NOT NULL,
                agent TEXT,
                tasks_weight BIGINT NOT NULL,
                PRIMARY KEY (store_id, name)
            )
            """,
            """
            CREATE TABLE person_goals (
                store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
                person TEXT NOT NULL,
                month TEXT NOT NULL,
                metric TEXT NOT NULL,
                target BIGINT NOT NULL,
                weight BIGINT NOT NULL,
                PRIMARY KEY (store_id, person, month, metric)
            )
            """,
            """
            CREATE TABLE kpi_rules (
                store_id TEXT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
                metric TEXT NOT NULL,
                comparison TEXT NOT NULL,
                threshold BIGINT NOT NULL,
                amount_minor BIGINT NOT NULL,
                PRIMARY KEY (store_id, metric, comparison, threshold)
            )
            """,
        ])
}
