import Foundation
import GRDB
import StoreOpsCore
@testable import StoreOpsStorage
import StoreOpsTesting
import Testing

@Suite("SQLite storage conformance")
struct SQLiteConformanceTests {
    @Test("in memory", arguments: StorageConformance.Case.allCases)
    func inMemory(_ check: StorageConformance.Case) async throws {
        try await StorageConformance.run(check) { try SQLiteStore() }
    }

    @Test("on disk", arguments: StorageConformance.Case.allCases)
    func onDisk(_ check: StorageConformance.Case) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("storeops-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await StorageConformance.run(check) { try SQLiteStore(path: directory.appendingPathComponent("test.sqlite").path) }
    }
}

@Suite("SQLite files")
struct SQLiteFileTests {
    /// A path for a new database in the temporary directory.
    static func newDatabasePath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("storeops-\(UUID().uuidString).sqlite").path
    }

    /// Removes the database at `path` with its WAL files.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test("reopening a database keeps its data and does not migrate twice")
    func reopen() async throws {
        let path = Self.newDatabasePath()
        defer { Self.remove(path) }
        do {
            let first = try SQLiteStore(path: path)
            try await first.saveStore(Fixtures.store)
        }
        let second = try SQLiteStore(path: path)
        #expect(try await second.stores() == [Fixtures.store])
        #expect(try await second.schemaVersion() == Migration.all.count)
    }

    @Test("opening an up-to-date database while an import holds the write lock only reads: it neither waits nor fails")
    func openDuringWrite() async throws {
        let path = Self.newDatabasePath()
        defer { Self.remove(path) }
        let importing = try SQLiteStore(path: path)
        try await importing.saveStore(Fixtures.store)
        let count = try await importing.writer.write { db -> Int? in
            try db.execute(sql: "UPDATE stores SET name = name")
            // A report opened meanwhile (a write here would wait out the busy timeout, then fail).
            let reporting = try SQLiteStore(path: path)
            return try reporting.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stores") }
        }
        #expect(count == 1)
    }

    @Test("keeping reports while another write holds the database gives up at once instead of waiting for it")
    func keepDuringWrite() async throws {
        let path = Self.newDatabasePath()
        defer { Self.remove(path) }
        let storage = try SQLiteStore(path: path)
        try await storage.saveStore(Fixtures.store)
        let report = KeptReport(store: Fixtures.storeID, kind: "overview", detail: "2026-03-10",
                                revision: try await storage.revision(of: Fixtures.storeID), build: "b1", body: "{}")
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true  // the lock is held across calls, as an import's long transaction
        let importing = try DatabaseQueue(path: path, configuration: holding)
        try importing.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        // Let go after 2 s: a keep that waited for the lock would then succeed.
        let release = Task {
            try await Task.sleep(for: .seconds(2))
            try importing.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        }
        await #expect(throws: StorageError.self) { try await storage.keepReports([report]) }
        try await release.value
        try await storage.keepReports([report])
        #expect(try await storage.keptReports(kind: "overview", build: "b1", stores: [Fixtures.storeID]) ==
                [Fixtures.storeID: ["2026-03-10": "{}"]])
        // Keeping after a write drops what the write made stale.
        try await storage.saveStore(Fixtures.store)
        try await storage.keepReports([KeptReport(store: Fixtures.storeID, kind: "overview", detail: "2026-03-11",
                                                  revision: try await storage.revision(of: Fixtures.storeID), build: "b2",
                                                  body: "{}")])
        #expect(try await importing.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM kept_reports") } == 1)
    }

    @Test("reopening a database to read it writes nothing: the WAL is kept, so no throwaway table is made to create one")
    func reopenToRead() async throws {
        let path = Self.newDatabasePath()
        defer { Self.remove(path) }
        do {
            let first = try SQLiteStore(path: path)
            try await first.saveStore(Fixtures.store)
        }
        // Each call opens the database and closes it again (a command's run).
        func schemaVersion() async throws -> Int? { try await SQLiteStore(path: path).writer.read { try Int.fetchOne($0, sql: "PRAGMA schema_version") } }
        let version = try await schemaVersion()
        #expect(try await schemaVersion() == version)
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("a write that leaves the WAL past its limit checkpoints and truncates it", arguments: [(0, true), (64 << 20, false)])
    func walTrimmed(limit: Int64, truncated: Bool) async throws {
        let path = Self.newDatabasePath()
        defer { Self.remove(path) }
        let store = try SQLiteStore(path: path, walLimit: limit)
        try await store.saveStore(Fixtures.store)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int)
        #expect((size == 0) == truncated, "WAL of \(size) bytes")
        #expect(try await store.stores() == [Fixtures.store])
    }

    @Test("a path that cannot be created says so")
    func unopenable() {
        #expect(throws: StorageError.self) { try SQLiteStore(path: "/nonexistent-dir/x/y.sqlite") }
    }

    @Test("every table's key starts with store_id, except the directory's reference tables")
    func keysStartWithStore() {
        for migration in Migration.all {
            for statement in migration.statements where statement.contains("CREATE TABLE") && !statement.contains("CREATE TABLE stores") {
                let name = statement[statement.range(of: "CREATE TABLE ")!.upperBound...].prefix { $0 != " " && $0 != "(" }
                if Migration.referenceTables.contains(String(name)) {
                    #expect(!statement.contains("store_id"), "reference table \(name) must not hold store ids")
                    continue
                }
                #expect(statement.contains("PRIMARY KEY (store_id") || statement.contains("store_id TEXT NOT NULL PRIMARY KEY"), "\(statement.prefix(60))")
            }
        }
    }

    @Test("migration 11 keeps the parcels and competitor snapshots of a version-10 database, now with unknowns allowed")
    func parcelsBeforeTracking() async throws {
        let path = Self.newDatabasePath()
        defer { Self.remove(path) }
        // A version-10 database: the two tables as migration 1 made them, with a row each, and the later migrations not
        // applied.
        let v1 = Migration.all[0].statements
        let old = ["shipments", "competitor_snapshots"].map { table in v1.first { $0.contains("CREATE TABLE \(table) (") }! }
        do {
            let store = try SQLiteStore(path: path)
            try await store.saveStore(Fixtures.store)
            try await store.writer.write { db in
                try db.execute(sql: "DROP TABLE shipments")
                try db.execute(sql: "DROP TABLE competitor_snapshots")
                for statement in old { try db.execute(sql: statement) }
                try db.execute(sql: "INSERT INTO shipments VALUES ('shop', 'YT1', 'O1', '圆通速递', 100, 'in_transit', 200)")
                try db.execute(sql: "INSERT INTO competitor_snapshots VALUES ('shop', '2026-11-20', 'c', 'i', 9900, NULL, 12, 3, 't', NULL)")
                // The tables, columns and indexes of the migrations after 11 (sku_settings, the staff's tables, passwords, ...).
                for migration in Migration.all.reversed() where migration.version > 11 {
                    for statement in migration.statements.reversed() {
                        let words = statement.split(separator: " ")
                        if statement.hasPrefix("CREATE TABLE ") {
                            let name = statement[statement.range(of: "CREATE TABLE ")!.upperBound...].prefix { $0 != " " && $0 != "(" }
                            try db.execute(sql: "DROP TABLE \(name)")
                        } else if statement.hasPrefix("ALTER TABLE "), words.count > 5, words[3] == "ADD", words[4] == "COLUMN" {
                            try db.execute(sql: "ALTER TABLE \(words[2]) DROP COLUMN \(words[5])")
                        } else if statement.hasPrefix("CREATE INDEX "), words.count > 2 {
                            try db.execute(sql: "DROP INDEX \(words[2])")
                        }
                    }
                }
                try db.execute(sql: "DELETE FROM schema_migrations WHERE version >= 11")
            }
        }
        let store = try SQLiteStore(path: path)
        #expect(try await store.schemaVersion() == Migration.all.count)
        let parcels = try await store.read(Shipment.self, store: Fixtures.storeID, days: nil)
        #expect(parcels == [Shipment(store: Fixtures.storeID, trackingNo: "YT1", orderID: "O1", carrier: "圆通速递",
                                     shippedAt: Instant(seconds: 100), status: .inTransit, lastEventAt: Instant(seconds: 200))])
        let snapshots = try await store.read(CompetitorSnapshot.self, store: Fixtures.storeID, days: nil)
        #expect(snapshots.map { "\($0.itemID) \($0.monthlySales) \($0.reviewCount ?? -1)" } == ["i 12 3"])
        // Now a parcel may be named before its tracking is known.
        var batch = FactBatch()
        batch.shipments = [Shipment(store: Fixtures.storeID, trackingNo: "YT2", orderID: "O2", carrier: nil, shippedAt: nil, status: nil,
                                    lastEventAt: nil)]
        try await store.write(batch, to: Fixtures.storeID)
        #expect(try await store.read(Shipment.self, store: Fixtures.storeID, days: nil).count == 2)
    }
}

@Suite("SQLite query plans")
struct SQLiteQueryPlanTests {
    /// The plan SQLite picks for `sql`.
    func plan(_ store: SQLiteStore, _ sql: String, _ arguments: [SQLValue]) async throws -> String {
        try await store.writer.read { db in
            try SQLiteStore.query(db, "EXPLAIN QUERY PLAN " + sql, arguments).map { $0.map { if case .text(let t) = $0 { t } else { "" } }.joined(separator: " ") }
                .joined(separator: "\n")
        }
    }

    @Test("write-time lookups use the primary keys, not a scan of the day indexes")
    func lookups() async throws {
        let store = try SQLiteStore()
        let paid = AggregateSQL.paidDays(store: "s", orderIDs: ["1", "2"])
        let paidPlan = try await plan(store, paid.sql, paid.arguments)
        #expect(paidPlan.contains("sqlite_autoindex_orders_1 (store_id=? AND order_id=?)"), "\(paidPlan)")
        let refunds = AggregateSQL.refundDays(store: "s", refundIDs: ["1"])
        let refundPlan = try await plan(store, refunds.sql, refunds.arguments)
        #expect(refundPlan.contains("sqlite_autoindex_refunds_1 (store_id=? AND refund_id=?)") && !refundPlan.contains("completed_day"), "\(refundPlan)")
    }

    @Test("the paid days of written lines' orders: looked up by key for a few, matched in one ordered read for many",
          arguments: [LineOrders.lookupLimit, 0])
    func lineOrderDays(lookupLimit: Int) async throws {
        let store = try SQLiteStore()
        try await store.saveStore(Fixtures.store)
        try await store.write(Fixtures.batch(), to: Fixtures.storeID)
        // O1 is paid on d0, O5 and O6 on d1 (Shanghai time), O4 not paid; X is not an order.
        for (orders, expected) in [(["O1", "O1", "O4"], [Fixtures.d0]), (["O5", "X", "O6"], [Fixtures.d1]), (["O4", "X"], []),
                                   (["O6", "O2", "O5", "O3"], [Fixtures.d0, Fixtures.d1])] {
            var noted = LineOrders(lookupLimit: lookupLimit)
            for order in orders { noted.insert(order) }
            let lookup = noted
            let days = try await store.writer.read { db in try lookup.paidDays(db, store: Fixtures.storeID) }
            #expect(days == Set(expected), "\(orders)")
        }
        // Past the hash limit, every paid day of the store counts.
        var many = LineOrders(lookupLimit: lookupLimit, hashLimit: 1)
        for order in ["O4", "X", "O1"] { many.insert(order) }
        let lookup = many
        #expect(try await store.writer.read { db in try lookup.paidDays(db, store: Fixtures.storeID) } == [Fixtures.d0, Fixtures.d1])
    }

    @Test("the aggregates made from lines are led by the days' orders, each order's lines found by key")
    func lineAggregates() async throws {
        let store = try SQLiteStore()
        let days = Array(DayRange(Day(iso: "2026-03-01")!, Day(iso: "2026-03-31")!)!)
        let skuSales = AggregateSQL.bind(AggregateSQL.insertSKUSales, store: "s", days: days)
        let plan = try await plan(store, skuSales.sql, skuSales.arguments).split(separator: "\n")
        let orders = try #require(plan.firstIndex { $0.contains("orders_by_paid_day") }, "\(plan)")
        let lines = try #require(plan.firstIndex { $0.contains("sqlite_autoindex_order_lines_1 (store_id=? AND order_id=?)") }, "\(plan)")
        #expect(orders < lines)
        let sales = AggregateSQL.bind(AggregateSQL.insertSales, store: "s", days: days)
        #expect(!(try await self.plan(store, sales.sql, sales.arguments)).contains("order_lines"), "COGS come from daily_sku_sales")
    }

    @Test("read-time queries search indexes; none scans a fact table", arguments: AggregateSQL.Read.allCases)
    func reads(_ read: AggregateSQL.Read) async throws {
        let store = try SQLiteStore()
        let days = DayRange(Day(iso: "2026-03-01")!, Day(iso: "2026-03-31")!)!
        let plan = try await plan(store, read.sql, read.arguments(store: "s", days: days))
        let scans = plan.split(separator: "\n").filter { $0.contains("SCAN") && !$0.contains("SCAN CONSTANT ROW") }
        #expect(scans.isEmpty, "\(read): \(plan)")
    }

    @Test("the morning checks' reads search the indexes meant for them, and sort what they found")
    func checkReads() async throws {
        let store = try SQLiteStore()
        let days = DayRange(Day(iso: "2026-03-01")!, Day(iso: "2026-03-31")!)!
        // The rows of the orders paid in the days: led by the paid-day index, each order's rows found by key.
        for (sql, arguments, index) in [(Shipment.table.selectSQL(store: "s", days: days), "shipments_order"),
                                         (OrderLine.table.selectSQL(store: "s", days: days), "sqlite_autoindex_order_lines_1")]
            .map({ ($0.0.sql, $0.0.arguments, $0.1) }) {
            let steps = try await plan(store, sql, arguments).split(separator: "\n")
            let orders = try #require(steps.firstIndex { $0.contains("orders_by_paid_day") }, "\(steps)")
            let rows = try #require(steps.firstIndex { $0.contains("\(index) (store_id=? AND order_id=?)") }, "\(steps)")
            #expect(orders < rows, "\(steps)")
        }
        let refunds = Refund.table.selectSQL(store: "s", days: days)
        let refundsPlan = try await plan(store, refunds.sql, refunds.arguments)
        #expect(refundsPlan.components(separatedBy: "refunds_by_completed_day").count == 3 && !refundsPlan.contains("sqlite_autoindex_refunds_1"), "\(refundsPlan)")
        let open = CheckSQL.openParcels(store: "s", days: days)
        let openPlan = try await plan(store, open.sql, open.arguments)
        #expect(openPlan.contains("shipments_open") && openPlan.contains("sqlite_autoindex_orders_1 (store_id=? AND order_id=?)")
                && !openPlan.contains("CORRELATED"), "\(openPlan)")
        let purchases = PurchaseOrder.table.selectSQL(store: "s", days: days)
        let purchasesPlan = try await plan(store, purchases.sql, purchases.arguments)
        #expect(purchasesPlan.components(separatedBy: "purchase_orders_by_received_on").count == 3, "\(purchasesPlan)")
        let unshipped = CheckSQL.unshippedOrders(store: "s", days: days)
        let unshippedPlan = try await plan(store, unshipped.sql, unshipped.arguments)
        #expect(unshippedPlan.contains("orders_unshipped"), "\(unshippedPlan)")
    }
}
