import Foundation
import StoreOpsCore
import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Testing

/// Imports on PostgreSQL against SQLite, and imports that lose their server half-way.
@Suite("PostgreSQL imports", .enabled(if: ThrowawayPostgres.serverTestsEnabled, "needs the test cluster that scripts/test starts; runs in its PostgreSQL pass"))
struct PostgresImportTests {
    static let clock: @Sendable () -> Instant = { Instant(year: 2026, month: 11, day: 22, hour: 1)! }

    /// Every sample of one store, in order.
    static let stores: [(store: Store, files: [String])] = [
        (Store(id: "taobao", name: "淘宝样例", platform: .taobao), ["taobao/orders.csv", "taobao/Items_orders.csv"]),
        (Store(id: "shopify", name: "Shopify sample", platform: .shopify, currency: Currency("CAD"), timeZone: StoreTimeZone("America/Toronto")!),
         ["shopify/products_export.csv", "shopify/orders_export.csv"]),
        (Store(id: "uci", name: "UCI retail", platform: .other, currency: Currency("GBP"), timeZone: StoreTimeZone("Europe/London")!),
         ["uci/online_retail_sample.xlsx"]),
        (Store(id: "amazon", name: "Amazon sample", platform: .amazon, currency: Currency("GBP"), timeZone: StoreTimeZone("Europe/London")!),
         ["amazon/BusinessReport-31-03-2026.csv"]),
    ]

    /// Imports every sample into `storage`; returns each store's master table over the days its files cover.
    static func importAll(into storage: any StoreOpsStore) async throws -> [StoreID: [MasterTableRow]] {
        let service = ImportService(storage: storage, clock: clock)
        var tables: [StoreID: [MasterTableRow]] = [:]
        for (store, files) in stores {
            try await storage.saveStore(store)
            var days: [Day] = []
            for file in files {
                let report = try await service.importFile(Samples.url(file), store: store.id, options: ImportOptions(allowRoundedIDs: true))
                #expect(report.status == .imported, "\(file)")
                days += [report.firstDay, report.lastDay].compactMap { $0 }
            }
            guard let first = days.min(), let last = days.max(), let range = DayRange(first, last) else { continue }
            tables[store.id] = try await storage.masterTable(store: store.id, days: range)
        }
        return tables
    }

    @Test("the real samples give the same master table on SQLite and PostgreSQL, row by row")
    func sameMasterTable() async throws {
        let sqlite = try await Self.importAll(into: try SQLiteStore())
        let postgres = try await ThrowawayPostgres.withStore { try await Self.importAll(into: $0) }
        #expect(sqlite.keys.sorted() == postgres.keys.sorted())
        #expect(sqlite.values.map(\.count).reduce(0, +) > 100)
        for (store, rows) in sqlite {
            let other = postgres[store] ?? []
            #expect(rows.count == other.count, "\(store)")
            for (a, b) in zip(rows, other) where a != b {
                Issue.record("\(store) \(a.day.iso): SQLite and PostgreSQL differ")
            }
        }
    }

    /// The server is stopped (`pg_ctl stop -m immediate`) a third of the way into the write pass of an 8,000-order import.
    @Test("stopping the server in the middle of an import leaves nothing; after a restart the import completes",
          .timeLimit(.minutes(5)))
    func crashMidImport() async throws {
        // A generated Taobao export big enough to be stopped half-way.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("storeops-crash-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        try TestCluster.shell(["python3", Samples.directory.deletingLastPathComponent().appendingPathComponent("bench/gen_taobao_orders.py").path,
                               "--orders", "8000", "--days", "60", "--seed", "7", "--out-dir", folder.path, "--quiet"])
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
            .sorted().map { folder.appendingPathComponent($0) }.first { !$0.lastPathComponent.contains("Detail") })
        let store = Store(id: "crash", name: "断电测试", platform: .taobao)

        // The clean run, on SQLite.
        let reference = try SQLiteStore()
        try await reference.saveStore(store)
        let clean = try await ImportService(storage: reference, clock: Self.clock).importFile(file, store: store.id)
        #expect(clean.status == .imported && clean.rowsImported > 6_000)

        let cluster = try TestCluster()
        defer { cluster.remove() }
        let database = try await ThrowawayPostgres.create(on: cluster.adminURL)
        let storage = try PostgresStore(url: database.appURL, scopeKey: database.scopeKey)
        let pool = Task.detached { try await storage.run() }
        defer { pool.cancel() }
        try await storage.saveStore(store)
        let service = ImportService(storage: storage, clock: Self.clock)

        let stopped = Flag()
        await #expect(throws: (any Error).self) {
            try await service.importFile(file, store: store.id) { progress in
                if progress.pass == 2 && progress.bytesRead > progress.totalBytes / 3 && stopped.setOnce() {
                    try? cluster.stop(immediate: true)
                }
            }
        }
        #expect(stopped.isSet, "the server was stopped during the write pass")
        // While it is down, requests fail cleanly.
        let down = await #expect(throws: StorageError.self) { try await storage.stores() }
        #expect(down?.code == .unavailable)

        try cluster.start()
        // The same handle works again without restarting StoreOps; nothing of the failed import is there.
        #expect(try await storage.read(Order.self, store: store.id, days: nil).isEmpty)
        #expect(try await storage.importRecords(store: store.id).isEmpty)
        let again = try await service.importFile(file, store: store.id)
        #expect(again.status == .imported && again.rowsImported == clean.rowsImported)
        let first = try #require(clean.firstDay), last = try #require(clean.lastDay)
        let range = try #require(DayRange(first, last))
        #expect(try await storage.masterTable(store: store.id, days: range) == (try await reference.masterTable(store: store.id, days: range)))
        #expect(try await storage.read(Order.self, store: store.id, days: nil).count == (try await reference.read(Order.self, store: store.id, days: nil).count))
    }
}

/// A flag set once, from any thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    /// Sets the flag; true only for the call that set it.
    func setOnce() -> Bool {
        lock.lock(); defer { lock.unlock() }
        if value { return false }
        value = true
        return true
    }

    var isSet: Bool {
        lock.lock(); defer { lock.unlock() }
        return value
    }
}
