import Foundation
import Logging
import NIOCore
import PostgresNIO
import ServiceLifecycle
import StoreOpsCore

/// The server store: PostgreSQL through a postgres-nio connection pool, for multi-user and agency deployments.
/// Same schema, keys, upserts and aggregates as `SQLiteStore`. Every write runs in one transaction whose first
/// statement sets the store scope that the row-level security policies read, local to the transaction. Reads run
/// outside transactions (at READ COMMITTED each statement has its own snapshot either way), under the scope set on
/// the connection's session: each read sets its handle's scope unless the connection holds it already, so a read
/// never runs under the scope another request left on a pooled connection, and a read costs one round trip instead
/// of four.
///
/// The pool must be running: either as a `Service` in the server's service group, or through
/// `PostgresStore.withStore(url:scope:_:)`. While the server is down requests fail with `.unavailable`; the pool
/// reconnects by itself when it is back.
public final class PostgresStore: StoreOpsStore, Service {
    let client: PostgresClient
    /// The stores this handle may see.
    public let scope: StoreScope
    let endpoint: String
    let logger: Logger
    let probe: PostgresConnection.Configuration
    let health: PoolHealth
    let signer: ScopeSigner

    /// A store for the database at `url` (`postgres://user:password@host:port/database?sslmode=disable|prefer|require`).
    /// `scopeKey` signs the handles' scopes; without it the key is read from the database, which only the owner of
    /// the tables may do (see `ScopeKey`).
    public convenience init(url: String, scope: StoreScope = .all, scopeKey: ScopeKey? = nil,
                            logger: Logger = PostgresStore.defaultLogger) throws {
        let configuration = try PostgresURL(url)
        self.init(client: PostgresClient(configuration: configuration.client, backgroundLogger: logger), scope: scope,
                  endpoint: configuration.endpoint, logger: logger, probe: configuration.connection, health: PoolHealth(),
                  signer: ScopeSigner(scopeKey))
    }

    private init(client: PostgresClient, scope: StoreScope, endpoint: String, logger: Logger, probe: PostgresConnection.Configuration,
                 health: PoolHealth, signer: ScopeSigner) {
        self.signer = signer
        self.health = health
        self.client = client
        self.scope = scope
        self.endpoint = endpoint
        self.logger = logger
        self.probe = probe
    }

    /// host:port/database of `url`, for messages (never the password); nil when it is not a PostgreSQL URL.
    public static func endpoint(of url: String) -> String? {
        try? PostgresURL(url).endpoint
    }

    /// Errors only: the driver's warnings (a lease queued while the pool starts) are not the user's business.
    public static var defaultLogger: Logger {
        var logger = Logger(label: "storeops.postgres")
        logger.logLevel = .error
        return logger
    }

    /// The same database through the same pool, seeing only `scope`.
    public func scoped(to scope: StoreScope) -> PostgresStore {
        PostgresStore(client: client, scope: scope, endpoint: endpoint, logger: logger, probe: probe, health: health, signer: signer)
    }

    /// A handle limited to the stores both this handle's scope and `scope` contain.
    public func restricted(to scope: StoreScope) -> any StoreOpsStore { scoped(to: self.scope.intersection(scope)) }

    /// Runs the connection pool until cancelled.
    public func run() async throws {
        await client.run()
    }

    /// What `withStore` does about the schema before handing the store out.
    public enum SchemaCheck: Sendable {
        /// Fail with advice unless the schema is at this program's version.
        case requireCurrent
        /// Nothing (the body migrates or inspects it).
        case none
    }

    /// Opens a store on `url` and runs its pool for the duration of `body`.
    public static func withStore<T: Sendable>(url: String, scope: StoreScope = .all, scopeKey: ScopeKey? = nil,
                                              schema: SchemaCheck = .requireCurrent,
                                              _ body: (PostgresStore) async throws -> T) async throws -> T {
        let store = try PostgresStore(url: url, scope: scope, scopeKey: scopeKey)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await store.run() }
            defer { group.cancelAll() }
            try await store.checkReachable()
            if schema == .requireCurrent { try await store.requireCurrentSchema() }
            return try await body(store)
        }
    }

    // MARK: schema

    /// Applies every missing migration, then (re)applies row-level security and, with `appRole`, grants that role
    /// the privileges it needs. Must run as the role that owns the tables. Returns the versions applied.
    @discardableResult
    public func migrate(appRole: String? = nil) async throws -> [Int] {
        try await guarded("migrate the schema") {
            try await client.withConnection { c in try await PostgresSchema.migrate(c, appRole: appRole, logger: logger) }
        }
    }

    /// The database's scope key, for the application role's configuration; only the tables' owner may read it.
    public func scopeKey() async throws -> ScopeKey {
        try await guarded("read the scope key") {
            let key = try await client.withConnection { c in try await PostgresSchema.scopeKey(c, logger: logger) }
            guard let key else { throw StorageError(.migration, "The database has no scope key: run `storeops migrate`.") }
            return key
        }
    }

    /// Connects once outside the pool, so that a wrong address, database or password fails at once with the server's
    /// reason (the pool would retry for up to a minute first).
    public func checkReachable() async throws {
        do {
            let connection = try await PostgresConnection.connect(configuration: probe, id: 0, logger: logger)
            try await connection.close()
        } catch {
            let psql = error as? PSQLError
            let reason: String = psql?.serverInfo?[.message] ?? psql.map { "\($0.code)" } ?? "\(error)"
            throw StorageError(.unavailable, "Cannot connect to PostgreSQL at \(endpoint): \(reason). Check the server, the database name and the credentials in --database-url.",
                               underlying: error as? PSQLError)
        }
    }

    /// Refuses to serve as a role that row-level security does not bind: a superuser, a role with BYPASSRLS, or the
    /// owner of the tables would let one tenant's request reach every store.
    public func requireServingRole() async throws {
        let rows = try await transaction("check the serving role") { c in
            try await c.rows("""
                SELECT CAST(r.rolname AS TEXT), CAST(r.rolsuper AS INTEGER), CAST(r.rolbypassrls AS INTEGER),
                       CAST(EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = current_schema()
                                    AND pg_has_role(current_user, t.tableowner, 'MEMBER')) AS INTEGER)
                FROM pg_roles r WHERE r.rolname = current_user
                """, logger: logger)
        }
        // A member of the owner's role can act as the owner (SET ROLE), so it counts as the owner.
        guard rows.count == 1, let row = rows.first, row.count == 4, case .text(let name) = row[0] else {
            throw StorageError(.forbidden, "PostgreSQL did not say which role the server runs as, so it cannot tell whether "
                + "row-level security binds it; check the connection's role.")
        }
        var problems: [String] = []
        if row[1] == .int(1) { problems.append("is a superuser") }
        if row[2] == .int(1) { problems.append("has BYPASSRLS") }
        if row[3] == .int(1) { problems.append("owns the tables (or may act as their owner)") }
        guard problems.isEmpty else {
            throw StorageError(.forbidden, "The server would run as role \(name), which \(problems.joined(separator: " and ")): row-level security "
                + "would not keep stores apart. Serve as the application role made by `storeops migrate --app-role NAME`.")
        }
    }

    /// Throws a `.migration` error that says how to migrate when the schema is not at this program's version.
    public func requireCurrentSchema() async throws {
        let version = try await schemaVersion()
        let known = Migration.all.last?.version ?? 0
        guard version == known else {
            throw StorageError(.migration, version < known
                ? "The PostgreSQL schema at \(endpoint) is at version \(version), this StoreOps needs \(known). Run `storeops migrate --database-url URL` as the role that owns the tables."
                : "The PostgreSQL schema at \(endpoint) is at version \(version), newer than this StoreOps knows (\(known)). Upgrade StoreOps.")
        }
    }

    public func schemaVersion() async throws -> Int {
        try await reading("read the schema version") { c in
            let exists = try await c.rows("SELECT to_regclass('schema_migrations') IS NOT NULL", logger: logger)
            guard case .int(1)? = exists.first?.first else { return 0 }
            return Int(try await PostgresSchema.currentVersion(c, logger: logger))
        }
    }

    // MARK: stores

    public func saveStore(_ store: Store) async throws {
        let arguments = StoreSQL.storeArguments(store, now: .now)
        try await transaction("save store \(store.id)") { c in try await c.run(StoreSQL.upsertStore, arguments, logger: logger) }
    }

    public func store(_ id: StoreID) async throws -> Store? {
        try await reading("read store \(id)") { c in
            try await c.rows(StoreSQL.selectStore, [.text(id.rawValue)], logger: logger).first.map(StoreSQL.decodeStore)
        }
    }

    public func stores() async throws -> [Store] {
        try await reading("list stores") { c in try await c.rows(StoreSQL.selectStores, logger: logger).map(StoreSQL.decodeStore) }
    }

    // MARK: facts

    @discardableResult
    public func write(_ source: any FactBatchSource, to store: StoreID) async throws -> WriteSummary {
        _ = try await requireStore(store)
        return try await transaction("write to store \(store)") { c in
            var writer = PostgresBatchWriter(connection: c, store: store, logger: logger)
            try await writer.start()
            try await BatchPipe().run(source) { batch in try await writer.upsert(batch) }
            let summary = try await writer.finish()
            if let record = try source.ledgerRecord(), try await c.rows(LedgerSQL.insertReturning, LedgerSQL.arguments(record), logger: logger).isEmpty {
                throw StorageError.alreadyImported(record)
            }
            try await c.run(StoreSQL.bumpRevision, [.text(store.rawValue)], logger: logger)
            return summary
        }
    }

    public func importRecord(store: StoreID, sha256: String, kind: String) async throws -> ImportRecord? {
        try await reading("read the import ledger") { c in
            try await c.rows(LedgerSQL.selectOne, [.text(store.rawValue), .text(sha256), .text(kind)], logger: logger).first
                .map { try LedgerSQL.decode($0, store: store) }
        }
    }

    public func importRecords(store: StoreID) async throws -> [ImportRecord] {
        try await reading("read the import ledger") { c in
            try await c.rows(LedgerSQL.selectAll, [.text(store.rawValue)], logger: logger).map { try LedgerSQL.decode($0, store: store) }
        }
    }

    public func pseudonymKey(store: StoreID) async throws -> [UInt8] {
        _ = try await requireStore(store)
        let hex = try await transaction("read the pseudonym key") { c -> String in
            try await c.run(LedgerSQL.insertKey, [.text(store.rawValue), .text(LedgerSQL.newKey())], logger: logger)
            guard case .text(let key)? = try await c.rows(LedgerSQL.selectKey, [.text(store.rawValue)], logger: logger).first?.first else {
                throw StorageError(.database, "The store's pseudonym key could not be read.")
            }
            return key
        }
        return LedgerSQL.bytes(hex: hex)
    }

    public func removeFacts(of store: StoreID) async throws {
        try await transaction("remove the facts of \(store)") { c in
            for table in AnyFactTable.factAndAggregateTableNames.reversed() + ["import_ledger"] {
                try await c.run("DELETE FROM \(table) WHERE store_id = ?", [.text(store.rawValue)], logger: logger)
            }
            try await c.run(StoreSQL.bumpRevision, [.text(store.rawValue)], logger: logger)
        }
    }

    public func revision(of store: StoreID) async throws -> Int64 {
        let rows = try await reading("read the revision of \(store)") { c in
            try await c.rows(StoreSQL.selectRevision, [.text(store.rawValue)], logger: logger)
        }
        guard case .int(let revision)? = rows.first?.first else { throw StorageError.unknownStore(store) }
        return revision
    }

    public func removeTargets(store: StoreID, _ periods: [(Target.Period, Day)]) async throws {
        _ = try await requireStore(store)
        try await transaction("remove targets") { c in
            for (period, start) in periods {
                try await c.run(StoreSQL.deleteTarget, [.text(store.rawValue), .text(period.rawValue), .day(start)], logger: logger)
            }
            try await c.run(StoreSQL.bumpRevision, [.text(store.rawValue)], logger: logger)
        }
    }

    public func read<F: StoredFact>(_ type: F.Type, store: StoreID, days: DayRange?) async throws -> [F] {
        let owner = try await requireStore(store)
        let table = F.table
        let (sql, arguments) = table.selectSQL(store: store, days: days)
        let rows = try await reading("read \(table.name)") { c in try await c.rows(sql, arguments, logger: logger) }
        return try rows.map { values in
            var reader = RowReader(values: values, store: store, currency: owner.currency, table: table.name)
            return try table.decode(&reader)
        }
    }

    public func skuSales(store: StoreID, days: DayRange) async throws -> [SKUSales] {
        let owner = try await requireStore(store)
        let (sql, arguments) = CheckSQL.skuSales(store: store, days: days)
        let rows = try await reading("read the sales per SKU") { c in try await c.rows(sql, arguments, logger: logger) }
        return try rows.map { try CheckSQL.decodeSKUSales($0, store: store, currency: owner.currency) }
    }

    public func latestStockCounts(store: StoreID, days: DayRange) async throws -> [InventorySnapshot] {
        let owner = try await requireStore(store)
        let (sql, arguments) = CheckSQL.latestStockCounts(store: store, days: days)
        let table = InventorySnapshot.table
        let rows = try await reading("read the latest stock counts") { c in try await c.rows(sql, arguments, logger: logger) }
        return try rows.map { values in
            var reader = RowReader(values: values, store: store, currency: owner.currency, table: table.name)
            return try table.decode(&reader)
        }
    }

    public func purchases(store: StoreID, through end: Day) async throws -> [Purchase] {
        let owner = try await requireStore(store)
        let (sql, arguments) = CustomerSQL.purchases(store: store, through: end, postgres: true)
        let rows = try await reading("read the purchases") { c in try await c.rows(sql, arguments, logger: logger) }
        var previous: Purchase?
        return try rows.map { row in
            var purchase = try CustomerSQL.decodePurchase(row, store: store, currency: owner.currency)
            // One string per buyer: the analysis compares consecutive purchases' buyers, equal storage at once.
            if let previous, previous.customer.utf8.elementsEqual(purchase.customer.utf8) { purchase.customer = previous.customer }
            previous = purchase
            return purchase
        }
    }

    public func firstPurchases(store: StoreID, days: DayRange) async throws -> [FirstPurchaseDay] {
        let owner = try await requireStore(store)
        let (sql, arguments) = CustomerSQL.firstPurchasesByWindow(store: store, days: days)
        let rows = try await reading("read the first purchases") { c in try await c.rows(sql, arguments, logger: logger) }
        return try rows.map { try CustomerSQL.decodeFirstPurchase($0, store: store, currency: owner.currency) }
    }

    public func tablesWithRows(store: StoreID) async throws -> Set<String> {
        _ = try await requireStore(store)
        let arguments = Array(repeating: SQLValue.text(store.rawValue), count: AnyFactTable.all.count)
        let rows = try await reading("read which facts the store has") { c in
            try await c.rows(AggregateSQL.tablesWithRows, arguments, logger: logger)
        }
        return AggregateSQL.tableNames(rows)
    }

    public func openOrderWork(store: StoreID, days: DayRange, amountsOf orderIDs: [String]) async throws -> OpenOrderWork {
        let owner = try await requireStore(store)
        let (unshipped, parcels, amounts) = try await reading("read the open orders and parcels") { c in
            let unshipped = CheckSQL.unshippedOrders(store: store, days: days), parcels = CheckSQL.openParcels(store: store, days: days)
            var amounts: [[SQLValue]] = []
            for query in CheckSQL.orderAmounts(store: store, ids: orderIDs) { amounts += try await c.rows(query.sql, query.arguments, logger: logger) }
            return (try await c.rows(unshipped.sql, unshipped.arguments, logger: logger), try await c.rows(parcels.sql, parcels.arguments, logger: logger), amounts)
        }
        return try CheckSQL.decodeOpenWork(unshipped: unshipped, parcels: parcels, amounts: amounts, store: store, currency: owner.currency)
    }

    public func dailyFacts(store: StoreID, days: DayRange) async throws -> [DailyFacts] {
        let owner = try await requireStore(store)
        let rows = try await reading("read the daily aggregates") { c in
            var rows: [AggregateSQL.Read: [[SQLValue]]] = [:]
            let hasRules = try await !c.rows(AggregateSQL.hasShippingRules, [.text(store.rawValue)], logger: logger).isEmpty
            for read in AggregateSQL.Read.allCases where read != .shipping || hasRules {
                rows[read] = try await c.rows(read.sql, read.arguments(store: store, days: days), logger: logger)
            }
            return rows
        }
        return try DailyFactsAssembler(store: store, currency: owner.currency, days: days).assemble(rows)
    }

    public func costSettings(store: StoreID) async throws -> CostSettings? {
        let owner = try await requireStore(store)
        return try await reading("read cost settings") { c in
            let key: [SQLValue] = [.text(store.rawValue)]
            guard let row = try await c.rows(StoreSQL.selectCosts, key, logger: logger).first else { return nil }
            return try StoreSQL.decodeCosts(row, rules: try await c.rows(StoreSQL.selectShippingRules, key, logger: logger), store: store,
                                            currency: owner.currency)
        }
    }

    public func saveCostSettings(_ settings: CostSettings) async throws {
        _ = try await requireStore(settings.store)
        try await transaction("save cost settings") { c in
            let hadRules = try await !c.rows(AggregateSQL.hasShippingRules, [.text(settings.store.rawValue)], logger: logger).isEmpty
            for (sql, arguments) in StoreSQL.saveCosts(settings) { try await c.run(sql, arguments, logger: logger) }
            for (sql, arguments) in AggregateSQL.shippingBandsAfterSaving(store: settings.store, hadRules: hadRules, hasRules: !settings.shippingRules.isEmpty) {
                try await c.run(sql, arguments, logger: logger)
            }
            try await c.run(StoreSQL.bumpRevision, [.text(settings.store.rawValue)], logger: logger)
        }
    }

    // MARK: helpers

    /// Runs `body` in one transaction (opened with `begin`) whose scope is this handle's: `storeops.scope` is set local to the transaction.
    /// On failure the transaction is rolled back, except when the connection is gone (the server has dropped the
    /// transaction already, and a ROLLBACK sent on a dead connection would never be answered).
    func transaction<T: Sendable>(_ what: String, begin: String = "BEGIN", _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await guarded(what) {
            try await withConnection { c, _ in
                do {
                    try await c.run(begin, logger: logger)
                    try await signer.setScope(scope.setting, on: c, logger: logger)
                    let result = try await body(c)
                    try await c.run("COMMIT", logger: logger)
                    return result
                } catch {
                    // A ROLLBACK reverts session settings made in the transaction: what the connection holds is in doubt.
                    signer.forgetSession(of: c)
                    if !c.isClosed && !Self.isConnectionLoss(error) {
                        // A connection whose ROLLBACK failed may still be inside the transaction: closed, the pool drops
                        // it instead of handing the open transaction to the next request.
                        do { try await c.run("ROLLBACK", logger: logger) } catch { try? await c.close() }
                    }
                    throw error
                }
            }
        }
    }

    /// Runs `body`'s statements outside a transaction, each on its own, under this handle's scope set on the
    /// connection's session (see the type's documentation). For reads only: a write needs `transaction`.
    func reading<T: Sendable>(_ what: String, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await guarded(what) {
            try await withConnection { c, pooled in
                do {
                    try await signer.setSessionScope(scope.setting, on: c, pooled: pooled, logger: logger)
                    return try await body(c)
                } catch {
                    signer.forgetSession(of: c)
                    throw error
                }
            }
        }
    }

    /// A connection for `body`, and whether it is the pool's: from the pool, or, for a while after the server was lost,
    /// a connection of its own. The pool retries a lost server with growing pauses and refuses requests meanwhile; a
    /// direct connection fails at once while the server is down and works as soon as it is back.
    func withConnection<T: Sendable>(_ body: (PostgresConnection, _ pooled: Bool) async throws -> T) async throws -> T {
        if health.isSuspect {
            let connection = try await PostgresConnection.connect(configuration: probe, id: 1, logger: logger)
            do {
                let result = try await body(connection, false)
                try? await connection.close()
                return result
            } catch {
                try? await connection.close()
                if Self.isConnectionLoss(error) { health.lost() }
                throw error
            }
        }
        do {
            return try await client.withConnection { try await body($0, true) }
        } catch {
            if Self.isConnectionLoss(error) { health.lost() }
            throw error
        }
    }

    /// Whether `error` means the server cannot be reached: a lost connection, or the pool refusing requests while
    /// it cannot connect (its error type is not public, hence the name test).
    static func isConnectionLoss(_ error: any Error) -> Bool {
        if error is ConnectionClosed { return true }
        if let psql = error as? PSQLError {
            return [.connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed].contains(psql.code)
        }
        return String(reflecting: type(of: error)).contains("ConnectionPoolError")
    }

    /// Runs `body`, turning driver errors into `StorageError`s that say what failed and what to do.
    func guarded<T>(_ what: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw wrap(error, what)
        }
    }

    func wrap(_ error: any Error, _ what: String) -> any Error {
        var cause: any Error = error
        if let transaction = error as? PostgresTransactionError {
            cause = transaction.closureError ?? transaction.beginError ?? transaction.commitError ?? transaction.rollbackError ?? error
        }
        if cause is StorageError || cause is CancellationError { return cause }
        if let psql = cause as? PSQLError {
            switch psql.code {
            case .server:
                let message = psql.serverInfo?[.message] ?? "unknown server error"
                let state = psql.serverInfo?[.sqlState] ?? ""
                if state == "22003" { return StorageError.outOfRange(underlying: psql) }
                if state == "SO001" {
                    return StorageError(.forbidden, "PostgreSQL refused to \(what): \(message). Give StoreOps the key that `storeops migrate "
                        + "--app-role` printed, as STOREOPS_SCOPE_KEY.", underlying: psql)
                }
                if state == "42501" || message.contains("row-level security") {
                    return StorageError(.forbidden, "PostgreSQL refused to \(what): \(message). The store is outside this user's scope.", underlying: psql)
                }
                return StorageError(.database, "PostgreSQL could not \(what): \(message).", underlying: psql)
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed, .uncleanShutdown:
                return StorageError(.unavailable, "The PostgreSQL server at \(endpoint) cannot be reached, so StoreOps could not \(what). Nothing was changed; try again when the server is back.", underlying: psql)
            default:
                return StorageError(.database, "PostgreSQL could not \(what): \(psql.code).", underlying: psql)
            }
        }
        if Self.isConnectionLoss(cause) {
            return StorageError(.unavailable, "The PostgreSQL server at \(endpoint) cannot be reached, so StoreOps could not \(what). Nothing was changed; try again when the server is back.")
        }
        // Errors of the caller's own closures (an import's parser, an archive reader) already say what is wrong.
        let origin = String(reflecting: type(of: cause))
        guard origin.hasPrefix("PostgresNIO.") || origin.hasPrefix("NIO") else { return cause }
        return StorageError(.database, "PostgreSQL could not \(what): \(cause).", underlying: nil)
    }
}
