import Foundation
import StoreOpsCore
import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Testing

/// `storeops export` / `restore`: a store moves whole, from SQLite to the backend under test, and nothing of a bad
/// archive is restored.
@Suite("Store archives")
struct StoreArchiveServiceTests {
    static let clock: @Sendable () -> Instant = { Fixtures.at(Fixtures.d2, 9) }
    static let days = DayRange(Fixtures.dBefore, Fixtures.d2)!

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("storeops-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The fixture store on SQLite, with facts, cost settings, a target, a pseudonym key and an imported file.
    func source() async throws -> SQLiteStore {
        let sqlite = try SQLiteStore()
        try await sqlite.saveStore(Fixtures.store)
        try await sqlite.write(Fixtures.batch(), to: Fixtures.storeID)
        try await sqlite.saveCostSettings(Fixtures.costs)
        try await TargetService(storage: sqlite).set(store: Fixtures.storeID, period: "2026-03", gmv: "30000")
        let file = folder.appendingPathComponent("orders_export.csv")
        try FileManager.default.copyItem(at: Samples.url("shopify/orders_export.csv"), to: file)
        _ = try await ImportService(storage: sqlite, clock: Self.clock).importFile(file, store: Fixtures.storeID)
        return sqlite
    }

    @Test("a store exported from SQLite restores with every row, setting and key, under its own or a new id")
    func roundTrip() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let sqlite = try await source()
        let archive = folder.appendingPathComponent("shop.storeops.jsonl")
        let exported = try await StoreArchiveService(database: sqlite, clock: Self.clock).export(store: Fixtures.storeID, to: archive)
        #expect(exported.rows > 20 && exported.tables >= 8)
        #expect(try FileManager.default.attributesOfItem(atPath: archive.path)[.posixPermissions] as? Int == 0o600,
                "the archive holds the pseudonym key: its owner's only")
        // So does a database file: created private, and an old one others could read is narrowed.
        let path = folder.appendingPathComponent("storeops.db").path
        _ = try SQLiteStore(path: path)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        _ = try SQLiteStore(path: path)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)

        let target = try await TestBackend.makeStore()
        let service = StoreArchiveService(database: target, clock: Self.clock)
        let restored = try await service.restore(from: archive)
        #expect(restored == exported)
        #expect(try await target.store(Fixtures.storeID) == Fixtures.store)
        #expect(try await target.masterTable(store: Fixtures.storeID, days: Self.days) == (try await sqlite.masterTable(store: Fixtures.storeID, days: Self.days)))
        #expect(try await target.read(Order.self, store: Fixtures.storeID, days: nil) == (try await sqlite.read(Order.self, store: Fixtures.storeID, days: nil)))
        #expect(try await target.read(Target.self, store: Fixtures.storeID, days: nil) == (try await sqlite.read(Target.self, store: Fixtures.storeID, days: nil)))
        #expect(try await target.costSettings(store: Fixtures.storeID) == Fixtures.costs)
        #expect(try await target.pseudonymKey(store: Fixtures.storeID) == (try await sqlite.pseudonymKey(store: Fixtures.storeID)))
        #expect(try await target.importRecords(store: Fixtures.storeID).map(\.sha256) == (try await sqlite.importRecords(store: Fixtures.storeID).map(\.sha256)))

        // Exported again from the target, the archive is the same rows.
        let again = folder.appendingPathComponent("again.jsonl")
        try await service.export(store: Fixtures.storeID, to: again)
        #expect(try Self.rowLines(again) == (try Self.rowLines(archive)))

        // Under a new id: a second, independent copy.
        let copy = try await service.restore(from: archive, as: "shop-copy")
        #expect(copy.store == "shop-copy")
        #expect(try await target.masterTable(store: "shop-copy", days: Self.days).map(\.values) == (try await sqlite.masterTable(store: Fixtures.storeID, days: Self.days)).map(\.values))
    }

    @Test("an existing store is refused without --replace and replaced whole with it")
    func replace() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("shop.jsonl")
        try await StoreArchiveService(database: try await source(), clock: Self.clock).export(store: Fixtures.storeID, to: archive)
        let target = try await TestBackend.makeStore()
        try await target.saveStore(Fixtures.store)
        var extra = FactBatch()
        extra.orders = Fixtures.orders(store: Fixtures.storeID).orders.map { var o = $0; o.id = "X-" + o.id; return o }
        try await target.write(extra, to: Fixtures.storeID)
        let service = StoreArchiveService(database: target, clock: Self.clock)
        await #expect(throws: (any Error).self) { try await service.restore(from: archive) }
        #expect(try await target.read(Order.self, store: Fixtures.storeID, days: nil).count == 2, "untouched")
        try await service.restore(from: archive, replace: true)
        let ids = try await target.read(Order.self, store: Fixtures.storeID, days: nil).map(\.id)
        #expect(!ids.contains("X-O1") && ids.contains("O1"))
    }

    @Test("a cut-off, damaged or foreign file restores nothing and says where it broke", arguments: ["cut", "damaged", "foreign", "version", "long"])
    func badArchives(_ kind: String) async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("shop.jsonl")
        try await StoreArchiveService(database: try await source(), clock: Self.clock).export(store: Fixtures.storeID, to: archive)
        var lines = try String(contentsOf: archive, encoding: .utf8).split(separator: "\n").map(String.init)
        let expected: String
        switch kind {
        case "cut": lines.removeLast(3); expected = "cut off"
        case "damaged": lines[lines.count / 2] = "[1, 2"; expected = "line \(lines.count / 2 + 1): the line is not valid JSON"
        case "foreign": lines = ["order_id,amount", "1,2"]; expected = "not a StoreOps store archive"
        // A 70 MB line is refused once past the limit, after reading it once (no rescans per megabyte).
        case "long": lines[1] = "[\"" + String(repeating: "x", count: 70 << 20); expected = "line 2: the line is longer than 64 MB"
        default: lines[0] = lines[0].replacingOccurrences(of: "\"schema_version\":\(Migration.all.count)", with: "\"schema_version\":1"); expected = "schema version 1"
        }
        let bad = folder.appendingPathComponent("bad.jsonl")
        try lines.joined(separator: "\n").write(to: bad, atomically: true, encoding: .utf8)
        let target = try await TestBackend.makeStore()
        let error = await #expect(throws: ServiceError.self) { try await StoreArchiveService(database: target, clock: Self.clock).restore(from: bad) }
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "")")
        #expect(try await target.stores().isEmpty, "nothing restored")
    }

    /// The row lines of an archive, sorted (tables come in catalog order, which may differ between backends).
    static func rowLines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst().map(String.init).sorted()
    }
}
