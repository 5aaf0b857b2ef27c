import Foundation
import StoreOpsCore
import StoreOpsStorage
import StoreOpsTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The ground of a fault-injection test: a generated Taobao order export, a database of the backend under test
/// (a SQLite file, or a throwaway PostgreSQL database used through the application role), the `storeops` binary of
/// this build run as separate processes, and checks of what the database holds afterwards.
final class FaultBench: @unchecked Sendable {
    let folder: URL
    let file: URL
    let binary: URL
    /// `--db FILE` or `--database-url URL`.
    let databaseArguments: [String]
    let databaseURL: String?
    /// The scope key of the PostgreSQL database (the CLI runs as the application role), nil on SQLite.
    let scopeKey: ScopeKey?
    /// The environment of every `storeops` run.
    var environment: [String: String] {
        var variables = ["LANG": "en_US.UTF-8", "PATH": "/usr/bin:/bin"]
        if let scopeKey { variables["STOREOPS_SCOPE_KEY"] = scopeKey.hex }
        return variables
    }
    var sqlitePath: String { folder.appendingPathComponent("storeops.sqlite").path }
    var uploadFolder: URL { folder.appendingPathComponent("uploads", isDirectory: true) }

    /// What a clean import of the file gives: its time, its orders and the master table (without the store id).
    struct Reference {
        let duration: Duration
        let orders: Int
        let table: [Row]
    }

    /// A master-table row without its store.
    struct Row: Hashable {
        let day: Day
        let values: [MasterField: MetricValue]
        let costMissingUnits: Int64
        let costMissingValue: Money
        let gaps: [MasterField: DataGap]

        init(_ row: MasterTableRow) {
            (day, values, costMissingUnits, costMissingValue, gaps) = (row.day, row.values, row.costMissingUnits, row.costMissingValue, row.gaps)
        }
    }

    private init(folder: URL, file: URL, binary: URL, databaseURL: String?, scopeKey: ScopeKey?) {
        self.scopeKey = scopeKey
        self.folder = folder
        self.file = file
        self.binary = binary
        self.databaseURL = databaseURL
        databaseArguments = databaseURL.map { ["--database-url", $0] } ?? ["--db", folder.appendingPathComponent("storeops.sqlite").path]
    }

    /// A new bench: 4,000 generated orders over 30 days, and an empty database of the backend under test.
    static func make() async throws -> FaultBench {
        let binary = try #require(BenchHarnessTests.binary, "build the storeops product first (swift build --build-tests)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("storeops-faults-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try TestCluster.shell(["python3", Samples.directory.deletingLastPathComponent().appendingPathComponent("bench/gen_taobao_orders.py").path,
                               "--orders", "4000", "--days", "30", "--end-date", "2026-10-31", "--seed", "9", "--out-dir", folder.path,
                               "--quiet"])
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".csv") && !$0.contains("Detail") }.first.map { folder.appendingPathComponent($0) })
        let database = TestBackend.current == .postgres ? try await ThrowawayPostgres.create() : nil
        let bench = FaultBench(folder: folder, file: file, binary: binary, databaseURL: database?.appURL, scopeKey: database?.scopeKey)
        return bench
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Runs `storeops ARGUMENTS` on the bench's database and waits; its exit code and what it printed. Fails the
    /// test on a non-zero exit unless `allowFailure`. `fileSizeBlocks` limits the size of any file it writes
    /// (`ulimit -f`, in 512-byte blocks), as a full disk would.
    @discardableResult
    func cli(_ arguments: [String], allowFailure: Bool = false, fileSizeBlocks: Int? = nil) async throws -> (code: Int32, output: String) {
        let process = Process()
        let output = Pipe()
        if let fileSizeBlocks {
            // SIGXFSZ ignored: a write past the limit fails with EFBIG instead of killing the process.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "trap '' XFSZ; ulimit -f \(fileSizeBlocks); exec \"$0\" \"$@\"", binary.path] + arguments + databaseArguments
        } else {
            process.executableURL = binary
            process.arguments = arguments + databaseArguments
        }
        process.environment = environment
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // Waited for off the cooperative pool: tests of a server in this process need its threads meanwhile.
        let (code, text) = await OffPool.run { () -> (Int32, String) in
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        if !allowFailure {
            #expect(code == 0, "storeops \(arguments.joined(separator: " ")): \(text)")
        }
        return (code, text)
    }

    /// Starts `storeops ARGUMENTS` on the bench's database without waiting for it.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments + databaseArguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Starts `storeops serve` on a free loopback port and waits until `/health` answers.
    func startServer() async throws -> (process: Process, port: Int) {
        let port = try #require(Loopback.freePort())
        let process = try start(["serve", "--port", "\(port)", "--upload-folder", uploadFolder.path])
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if await Self.answers(port: port) { return (process, port) }
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(process.processIdentifier, SIGKILL)
        throw CancellationError()
    }

    /// A clean import of the file into store `ref`, timed.
    func reference() async throws -> Reference {
        try await cli(["store", "add", "--id", "ref", "--name", "ref", "--platform", "taobao"])
        let started = ContinuousClock.now
        try await cli(["import", file.path, "--store", "ref"])
        let duration = ContinuousClock.now - started
        let orders = try await orders(store: "ref")
        #expect(orders == 4_000)
        return Reference(duration: duration, orders: orders, table: try await table(store: "ref"))
    }

    /// The store holds the import whole (orders, one ledger entry, the master table of a clean import) or not at all
    /// (no order, no entry, a master table without sales). Returns whether it was whole.
    @discardableResult
    func expectWholeOrNothing(store: String, reference: Reference, _ what: String) async throws -> Bool {
        let (orders, ledger) = try await withStorage { storage in
            (try await storage.read(Order.self, store: try Self.id(store), days: nil).count,
             try await storage.importRecords(store: try Self.id(store)).count)
        }
        if orders == 0 {
            #expect(ledger == 0, "\(what): no orders but a ledger entry")
            let paid = try await table(store: store).compactMap { row -> Int64? in
                if case .count(let n)? = row.values[.paidOrders] { return n } else { return nil }
            }
            #expect(paid.allSatisfy { $0 == 0 }, "\(what): aggregates without the orders they sum")
            return false
        }
        try await expectWhole(store: store, reference: reference, what)
        return true
    }

    /// The store holds the import whole.
    func expectWhole(store: String, reference: Reference, _ what: String) async throws {
        #expect(try await orders(store: store) == reference.orders, "\(what): orders")
        #expect(try await withStorage { try await $0.importRecords(store: try Self.id(store)).count } == 1, "\(what): ledger")
        #expect(try await table(store: store) == reference.table, "\(what): master table differs from a clean import")
    }

    func orders(store: String) async throws -> Int {
        try await withStorage { try await $0.read(Order.self, store: try Self.id(store), days: nil).count }
    }

    func table(store: String) async throws -> [Row] {
        try await withStorage { try await $0.masterTable(store: try Self.id(store), days: FaultInjectionTests.range).map(Row.init) }
    }

    /// Files staged for uploads (not the servers' lock files) under the upload folder.
    func stagedUploads() -> [String] {
        let paths = FileManager.default.enumerator(atPath: uploadFolder.path)?.allObjects as? [String] ?? []
        return paths.filter { path in
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: uploadFolder.appendingPathComponent(path).path, isDirectory: &isFolder)
            return !isFolder.boolValue && !path.hasSuffix(".lock")
        }
    }

    static func id(_ text: String) throws -> StoreID { try #require(StoreID(text)) }

    /// Runs `body` with a fresh handle on the bench's database.
    private func withStorage<T: Sendable>(_ body: (any StoreOpsDatabase) async throws -> T) async throws -> T {
        if let databaseURL { return try await PostgresStore.withStore(url: databaseURL, scopeKey: scopeKey) { try await body($0) } }
        return try await body(try SQLiteStore(path: sqlitePath))
    }

    /// Whether `GET /health` on `port` answers 200.
    static func answers(port: Int) async -> Bool {
        guard let fd = Loopback.connect(port: port, timeout: 5) else { return false }
        defer { close(fd) }
        Loopback.send(fd, Data("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
        return String(decoding: await Loopback.receiveAll(fd).bytes, as: UTF8.self).hasPrefix("HTTP/1.1 200")
    }
}
