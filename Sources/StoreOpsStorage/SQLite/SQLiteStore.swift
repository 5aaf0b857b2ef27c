import CStoreOpsTuning
import Foundation
import GRDB
import GRDBSQLite
import StoreOpsCore

/// The embedded store: one SQLite file (WAL, foreign keys on) through GRDB, or an in-memory database for tests.
public final class SQLiteStore: StoreOpsStore {
    let writer: any DatabaseWriter
    /// The database file (nil in memory).
    let path: String?
    /// The size past which a write checkpoints the WAL and truncates it (`trimWAL`).
    let walLimit: Int64

    /// SQLite's process-wide settings, applied once before the first connection (`storeops_sqlite_configure`).
    static let configured: Void = { _ = storeops_sqlite_configure() }()

    /// Opens (creating if needed) the database file at `path` and brings its schema up to date.
    public convenience init(path: String) throws {
        try self.init(path: path, walLimit: 64 << 20)
    }

    /// `init(path:)` with the WAL size past which writes truncate it.
    init(path: String, walLimit: Int64) throws {
        SQLiteStore.configured
        self.path = path
        self.walLimit = walLimit
        SQLiteStore.makePrivate(path)
        do {
            writer = try DatabasePool(path: path, configuration: SQLiteStore.configuration(busy: .timeout(10)))
        } catch {
            throw StorageError(.cannotOpen, "The database \(path) could not be opened: \(SQLiteStore.reason(error)). Check the path and its permissions, or pass another with --db.", underlying: error)
        }
        try migrate()
    }

    /// How every connection to a database file is set up; `busy`: how long a write waits for another one.
    static func configuration(busy: Database.BusyMode) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = busy
        config.prepareDatabase { db in
            // The WAL stays when the last connection closes. Without it the next open (every run of a command)
            // found no WAL, and GRDB made one by creating and dropping a table: two syncs, and a schema change
            // every other connection (a running server's) then had to read again.
            var persist: Int32 = 1
            _ = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 64 MB of page cache: big imports insert keys in random order, and a small cache thrashes.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        return config
    }

    /// The database holds customer data and the stores' pseudonym keys: a new file is created readable by its owner
    /// only (SQLite gives its WAL and shared-memory files the same mode), and an existing one of ours that others
    /// could read is narrowed to that.
    static func makePrivate(_ path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 { close(fd); return }
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            if stat(file, &info) == 0, info.st_uid == geteuid(), info.st_mode & 0o077 != 0 { chmod(file, info.st_mode & 0o700) }
        }
    }

    /// Opens a private in-memory database (for tests and throwaway runs).
    public init(inMemory: Void = ()) throws {
        SQLiteStore.configured
        path = nil
        walLimit = 0
        var config = Configuration()
        config.foreignKeysEnabled = true
        writer = try DatabaseQueue(configuration: config)
        try migrate()
    }

    /// Applies every migration the database does not have yet, each in its own transaction. A database that is up to
    /// date (every open after the first) is only read: opening it takes no write lock.
    func migrate() throws {
        do {
            let known = Migration.all.last?.version ?? 0
            let applied = try writer.read(SQLiteStore.appliedVersion)
            guard applied <= known else {
                throw StorageError(.migration, "The database has schema version \(applied), newer than this StoreOps knows (\(known)). Upgrade StoreOps.")
            }
            guard applied < known else { return }
            try writer.write { db in
                try db.execute(sql: "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)")
            }
            for migration in Migration.all where migration.version > applied {
                try writer.write { db in
                    // Another process may have applied it since the read above.
                    guard try SQLiteStore.appliedVersion(db) < migration.version else { return }
                    for statement in migration.statements { try db.execute(sql: statement) }
                    try db.execute(sql: "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                                   arguments: [migration.version, migration.name, Int64(Date().timeIntervalSince1970)])
                }
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.migration, "The database schema could not be brought up to date: \(SQLiteStore.reason(error)).", underlying: error)
        }
    }

    public func schemaVersion() async throws -> Int {
        try await run(SQLiteStore.appliedVersion)
    }

    public func saveStore(_ store: Store) async throws {
        let arguments = StoreSQL.storeArguments(store, now: .now)
        try await write { db in try SQLiteStore.execute(db, StoreSQL.upsertStore, arguments) }
    }

    public func store(_ id: StoreID) async throws -> Store? {
        try await run { db in try SQLiteStore.query(db, StoreSQL.selectStore, [.text(id.rawValue)]).first.map { try StoreSQL.decodeStore($0) } }
    }

    public func stores() async throws -> [Store] {
        try await run { db in try SQLiteStore.query(db, StoreSQL.selectStores, []).map { try StoreSQL.decodeStore($0) } }
    }

    @discardableResult
    public func write(_ source: any FactBatchSource, to store: StoreID) async throws -> WriteSummary {
        _ = try await requireStore(store)
        return try await write { db in
            var writer = BatchWriter(db: db, store: store)
            let summary = try writer.write(source)
            if let record = try source.ledgerRecord(), try SQLiteStore.inserted(db, LedgerSQL.insert, LedgerSQL.arguments(record)) == 0 {
                throw StorageError.alreadyImported(record)
            }
            try SQLiteStore.execute(db, StoreSQL.bumpRevision, [.text(store.rawValue)])
            return summary
        }
    }

    public func importRecord(store: StoreID, sha256: String, kind: String) async throws -> ImportRecord? {
        try await run { db in
            try SQLiteStore.query(db, LedgerSQL.selectOne, [.text(store.rawValue), .text(sha256), .text(kind)]).first.map { try LedgerSQL.decode($0, store: store) }
        }
    }

    public func importRecords(store: StoreID) async throws -> [ImportRecord] {
        try await run { db in try SQLiteStore.query(db, LedgerSQL.selectAll, [.text(store.rawValue)]).map { try LedgerSQL.decode($0, store: store) } }
    }

    public func pseudonymKey(store: StoreID) async throws -> [UInt8] {
        _ = try await requireStore(store)
        let hex = try await write { db -> String in
            try SQLiteStore.execute(db, LedgerSQL.insertKey, [.text(store.rawValue), .text(LedgerSQL.newKey())])
            guard case .text(let key)? = try SQLiteStore.query(db, LedgerSQL.selectKey, [.text(store.rawValue)]).first?.first else {
                throw StorageError(.database, "The store's pseudonym key could not be read.")
            }
            return key
        }
        return LedgerSQL.bytes(hex: hex)
    }

    public func removeFacts(of store: StoreID) async throws {
        try await write { db in
            for table in AnyFactTable.factAndAggregateTableNames.reversed() + ["import_ledger"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE store_id = ?", arguments: [store.rawValue])
            }
            try SQLiteStore.execute(db, StoreSQL.bumpRevision, [.text(store.rawValue)])
        }
    }

    public func revision(of store: StoreID) async throws -> Int64 {
        try await run { db in
            guard case .int(let revision)? = try SQLiteStore.query(db, StoreSQL.selectRevision, [.text(store.rawValue)]).first?.first else {
                throw StorageError.unknownStore(store)
            }
            return revision
        }
    }

    public func removeTargets(store: StoreID, _ periods: [(Target.Period, Day)]) async throws {
        _ = try await requireStore(store)
        try await write { db in
            for (period, start) in periods {
                try SQLiteStore.execute(db, StoreSQL.deleteTarget, [.text(store.rawValue), .text(period.rawValue), .day(start)])
            }
            try SQLiteStore.execute(db, StoreSQL.bumpRevision, [.text(store.rawValue)])
        }
    }

    public func read<F: StoredFact>(_ type: F.Type, store: StoreID, days: DayRange?) async throws -> [F] {
        let table = F.table
        let (sql, arguments) = table.selectSQL(store: store, days: days)
        return try await run(owning: store) { db, owner in
            try SQLiteStore.query(db, sql, arguments).map { values in
                var reader = RowReader(values: values, store: store, currency: owner.currency, table: table.name)
                return try table.decode(&reader)
            }
        }
    }

    public func skuSales(store: StoreID, days: DayRange) async throws -> [SKUSales] {
        let (sql, arguments) = CheckSQL.skuSales(store: store, days: days)
        return try await run(owning: store) { db, owner in
            try SQLiteStore.query(db, sql, arguments).map { try CheckSQL.decodeSKUSales($0, store: store, currency: owner.currency) }
        }
    }

    public func latestStockCounts(store: StoreID, days: DayRange) async throws -> [InventorySnapshot] {
        let (sql, arguments) = CheckSQL.latestStockCounts(store: store, days: days)
        let table = InventorySnapshot.table
        return try await run(owning: store) { db, owner in
            try SQLiteStore.query(db, sql, arguments).map { values in
                var reader = RowReader(values: values, store: store, currency: owner.currency, table: table.name)
                return try table.decode(&reader)
            }
        }
    }

    public func purchases(store: StoreID, through end: Day) async throws -> [Purchase] {
        let (sql, arguments) = CustomerSQL.purchases(store: store, through: end, postgres: false)
        return try await run(owning: store) { db, _ in
            // A million orders: read straight from the statement, one string per buyer (not per row), days from bytes.
            let statement = try db.cachedStatement(sql: sql)
            statement.setUncheckedArguments(StatementArguments(arguments.map(\.databaseValue)))
            let cursor = try Row.fetchCursor(statement)
            let handle = statement.sqliteStatement
            var purchases: [Purchase] = [], buyer: [UInt8] = [], name = ""
            while try cursor.next() != nil {
                guard sqlite3_column_type(handle, 0) == SQLITE_TEXT, sqlite3_column_type(handle, 1) == SQLITE_TEXT,
                      sqlite3_column_type(handle, 2) == SQLITE_INTEGER, let text = sqlite3_column_text(handle, 0),
                      let dayText = sqlite3_column_text(handle, 1),
                      let day = Day(isoBytes: UnsafeBufferPointer(start: dayText, count: Int(sqlite3_column_bytes(handle, 1))))
                else {
                    throw StorageError(.corruptRow, "A stored row of orders could not be read (buyer, paid_day or paid_minor of "
                        + "paid order \(purchases.count + 1) by buyer). Run `storeops migrate` or restore from a backup.")
                }
                let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, 0)))
                if !bytes.elementsEqual(buyer) {
                    buyer = Array(bytes)
                    name = String(decoding: bytes, as: UTF8.self)
                }
                purchases.append(Purchase(customer: name, day: day, amountMinor: sqlite3_column_int64(handle, 2)))
            }
            return purchases
        }
    }

    public func firstPurchases(store: StoreID, days: DayRange) async throws -> [FirstPurchaseDay] {
        let (sql, arguments) = CustomerSQL.firstPurchases(store: store, days: days)
        return try await run(owning: store) { db, owner in
            try SQLiteStore.query(db, sql, arguments).map { try CustomerSQL.decodeFirstPurchase($0, store: store, currency: owner.currency) }
        }
    }

    public func tablesWithRows(store: StoreID) async throws -> Set<String> {
        let arguments = Array(repeating: SQLValue.text(store.rawValue), count: AnyFactTable.all.count)
        return try await run(owning: store) { db, _ in
            AggregateSQL.tableNames(try SQLiteStore.query(db, AggregateSQL.tablesWithRows, arguments))
        }
    }

    public func openOrderWork(store: StoreID, days: DayRange, amountsOf orderIDs: [String]) async throws -> OpenOrderWork {
        try await run(owning: store) { db, owner in
            let unshipped = CheckSQL.unshippedOrders(store: store, days: days), parcels = CheckSQL.openParcels(store: store, days: days)
            return try CheckSQL.decodeOpenWork(unshipped: try SQLiteStore.query(db, unshipped.sql, unshipped.arguments),
                                               parcels: try SQLiteStore.query(db, parcels.sql, parcels.arguments),
                                               amounts: try CheckSQL.orderAmounts(store: store, ids: orderIDs).flatMap { try SQLiteStore.query(db, $0.sql, $0.arguments) },
                                               store: store, currency: owner.currency)
        }
    }

    public func dailyFacts(store: StoreID, days: DayRange) async throws -> [DailyFacts] {
        let owner = try await requireStore(store)
        let rows = try await run { db in
            var rows: [AggregateSQL.Read: [[SQLValue]]] = [:]
            // Weight bands only price shipping for stores with a price list.
            let hasRules = try !SQLiteStore.query(db, AggregateSQL.hasShippingRules, [.text(store.rawValue)]).isEmpty
            for read in AggregateSQL.Read.allCases where read != .shipping || hasRules {
                rows[read] = try SQLiteStore.query(db, read.sql, read.arguments(store: store, days: days))
            }
            return rows
        }
        return try DailyFactsAssembler(store: store, currency: owner.currency, days: days).assemble(rows)
    }

    public func costSettings(store: StoreID) async throws -> CostSettings? {
        let owner = try await requireStore(store)
        return try await run { db in
            let key: [SQLValue] = [.text(store.rawValue)]
            guard let row = try SQLiteStore.query(db, StoreSQL.selectCosts, key).first else { return nil }
            return try StoreSQL.decodeCosts(row, rules: try SQLiteStore.query(db, StoreSQL.selectShippingRules, key), store: store, currency: owner.currency)
        }
    }

    public func saveCostSettings(_ settings: CostSettings) async throws {
        _ = try await requireStore(settings.store)
        try await write { db in
            let hadRules = try !SQLiteStore.query(db, AggregateSQL.hasShippingRules, [.text(settings.store.rawValue)]).isEmpty
            for (sql, arguments) in StoreSQL.saveCosts(settings) { try SQLiteStore.execute(db, sql, arguments) }
            for (sql, arguments) in AggregateSQL.shippingBandsAfterSaving(store: settings.store, hadRules: hadRules, hasRules: !settings.shippingRules.isEmpty) {
                try SQLiteStore.execute(db, sql, arguments)
            }
            try SQLiteStore.execute(db, StoreSQL.bumpRevision, [.text(settings.store.rawValue)])
        }
    }

    /// The highest migration applied to the database (0 for a new one).
    static func appliedVersion(_ db: Database) throws -> Int {
        guard try db.tableExists("schema_migrations") else { return 0 }
        return try Int.fetchOne(db, sql: "SELECT MAX(version) FROM schema_migrations") ?? 0
    }

    /// Itself: SQLite has no row-level security (see `StoreOpsStore.restricted(to:)`).
    public func restricted(to scope: StoreScope) -> any StoreOpsStore { self }

    // MARK: helpers

    func run<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await writer.read(body) } catch { throw SQLiteStore.wrap(error) }
    }

    /// `body` with the store `id` read in the same read (one trip to the database's queue, not two).
    func run<T: Sendable>(owning id: StoreID, _ body: @escaping @Sendable (Database, Store) throws -> T) async throws -> T {
        try await run { db in
            guard let row = try SQLiteStore.query(db, StoreSQL.selectStore, [.text(id.rawValue)]).first else { throw StorageError.unknownStore(id) }
            return try body(db, try StoreSQL.decodeStore(row))
        }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            let result = try await writer.write(body)
            // Housekeeping after a committed write: when it fails the WAL just stays big until a later write.
            try? await trimWAL()
            return result
        } catch { throw SQLiteStore.wrap(error) }
    }

    /// A kept WAL keeps the size of the biggest transaction written through it (an import's can be hundreds of MB):
    /// past `walLimit` it is checkpointed and truncated. The next open then makes a new one (see `init(path:)`). A
    /// reader in the middle of a read can hold the truncation off until a later write.
    func trimWAL() async throws {
        guard let path else { return }
        var info = stat()
        guard stat(path + "-wal", &info) == 0, Int64(info.st_size) > walLimit else { return }
        try await writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// Database errors become `StorageError`s; errors of the caller's own closures (an import's parser, an archive
    /// reader) pass through unchanged, since they already say what is wrong.
    static func wrap(_ error: any Error) -> any Error {
        if error is StorageError { return error }
        guard error is DatabaseError || String(reflecting: type(of: error)).hasPrefix("GRDB.") else { return error }
        if let db = error as? DatabaseError, db.message == "integer overflow" { return StorageError.outOfRange(underlying: db) }
        if let db = error as? DatabaseError, db.resultCode == .SQLITE_FULL || db.resultCode == .SQLITE_IOERR {
            return StorageError(.unavailable, "The database's disk is full or cannot be written (\(reason(db))), so nothing was "
                + "changed. Free some space on it (or check the disk) and try again.", underlying: db)
        }
        return StorageError(.database, "The database failed: \(reason(error)).", underlying: error)
    }

    static func reason(_ error: any Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? db.resultCode.description }
        return String(describing: error)
    }

    static func query(_ db: Database, _ sql: String, _ arguments: [SQLValue]) throws -> [[SQLValue]] {
        let statement = try db.cachedStatement(sql: sql)
        statement.setUncheckedArguments(StatementArguments(arguments.map(\.databaseValue)))
        var result: [[SQLValue]] = []
        let cursor = try Row.fetchCursor(statement)
        // The cursor steps the statement; the columns are read straight from it, without a row wrapper per row.
        let handle = statement.sqliteStatement
        let count = sqlite3_column_count(handle)
        while try cursor.next() != nil {
            var values: [SQLValue] = []
            values.reserveCapacity(Int(count))
            for column in 0..<count {
                switch sqlite3_column_type(handle, column) {
                case SQLITE_INTEGER: values.append(.int(sqlite3_column_int64(handle, column)))
                case SQLITE_TEXT:
                    let bytes = Int(sqlite3_column_bytes(handle, column))
                    let text = sqlite3_column_text(handle, column).map { String(decoding: UnsafeBufferPointer(start: $0, count: bytes), as: UTF8.self) } ?? ""
                    values.append(.text(text))
                // Reals (not used by the schema) are truncated toward zero, as `SQLValue(DatabaseValue)` does.
                case SQLITE_FLOAT: values.append(.int(Int64(sqlite3_column_double(handle, column))))
                default: values.append(.null)
                }
            }
            result.append(values)
        }
        return result
    }

    static func execute(_ db: Database, _ sql: String, _ arguments: [SQLValue]) throws {
        let statement = try db.cachedStatement(sql: sql)
        statement.setUncheckedArguments(StatementArguments(arguments.map(\.databaseValue)))
        try statement.execute()
    }

    /// Runs an insert and returns how many rows it inserted (0 when `ON CONFLICT DO NOTHING` skipped the row).
    static func inserted(_ db: Database, _ sql: String, _ arguments: [SQLValue]) throws -> Int {
        try execute(db, sql, arguments)
        return db.changesCount
    }
}
