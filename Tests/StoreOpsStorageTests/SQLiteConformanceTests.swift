import Foundation
import StoreOpsCore
import StoreOpsStorage
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
    @Test("reopening a database keeps its data and does not migrate twice")
    func reopen() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("storeops-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            let first = try SQLiteStore(path: path)
            try await first.saveStore(Fixtures.store)
        }
        let second = try SQLiteStore(path: path)
        #expect(try await second.stores() == [Fixtures.store])
        #expect(try await second.schemaVersion() == Migration.all.count)
    }

    @Test("a path that cannot be created says so")
    func unopenable() {
        #expect(throws: StorageError.self) { try SQLiteStore(path: "/nonexistent-dir/x/y.sqlite") }
    }

    @Test("every table's key starts with store_id")
    func keysStartWithStore() {
        for migration in Migration.all {
            for statement in migration.statements where statement.contains("CREATE TABLE") && !statement.contains("CREATE TABLE stores") {
                #expect(statement.contains("PRIMARY KEY (store_id") || statement.contains("store_id TEXT NOT NULL PRIMARY KEY"), "\(statement.prefix(60))")
            }
        }
    }
}
