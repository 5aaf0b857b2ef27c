import ArgumentParser
import StoreOpsReports
import StoreOpsStorage

/// `storeops migrate`: brings the database schema up to date.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply database migrations (PostgreSQL: run as the role that owns the tables).",
        discussion: """
            SQLite files are migrated whenever StoreOps opens them; this command does it explicitly. On PostgreSQL it \
            applies the missing migrations, (re)creates the row-level security policy on every table keyed by store, \
            and with --app-role grants the application's role what it needs and prints the scope key. The application \
            should connect as that role, with the key in STOREOPS_SCOPE_KEY: it owns no table, cannot bypass row-level \
            security, and cannot widen the scope of its requests without the key.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("PostgreSQL role the application connects as, to be granted table privileges.", valueName: "role"))
    var appRole: String?

    func run() async throws {
        let l = global.language
        if let url = global.postgresURL {
            let applied = try await PostgresStore.withStore(url: url, schema: .none) { store in
                let applied = try await store.migrate(appRole: appRole)
                return (applied, try await store.schemaVersion(), appRole == nil ? nil : try await store.scopeKey())
            }
            Console.print(applied.0.isEmpty
                ? l.pick("数据库已是最新版本 (\(applied.1))", "The database is up to date (version \(applied.1))")
                : l.pick("已应用迁移 \(applied.0.map(String.init).joined(separator: ", ")); 当前版本 \(applied.1)",
                         "Applied migrations \(applied.0.map(String.init).joined(separator: ", ")); now at version \(applied.1)"))
            if let key = applied.2, let appRole {
                Console.print(l.pick("\(appRole) 的范围密钥（保密，和数据库密码一样存放；运行 StoreOps 时设为 STOREOPS_SCOPE_KEY）：",
                                     "Scope key for \(appRole) (keep it secret like the database password; run StoreOps with it in STOREOPS_SCOPE_KEY):"))
                Console.print(key.hex)
            }
        } else {
            if appRole != nil { throw ValidationError("--app-role applies to PostgreSQL only (give --database-url).") }
            let version = try await global.withStorage { try await $0.schemaVersion() }
            Console.print(l.pick("数据库已是最新版本 (\(version))", "The database is up to date (version \(version))"))
        }
    }
}
