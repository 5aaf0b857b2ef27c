import Foundation
import StoreOpsCore
import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Imports killed with SIGKILL at 20 points spread over their run, from the command line and through the server, on
/// the backend under test; and an import whose disk fills up. Afterwards the database holds the file whole or not
/// at all (orders, ledger and aggregates agree with a clean import), and the same import then succeeds.
@Suite("Fault injection", .serialized)
struct FaultInjectionTests {
    static let kills = 20
    static let range = DayRange(Day(year: 2026, month: 9, day: 1)!, Day(year: 2026, month: 11, day: 30)!)!

    @Test("kill -9 of `storeops import` at 20 points: all or nothing, then the import succeeds", .timeLimit(.minutes(10)))
    func killedCLIImports() async throws {
        let bench = try await FaultBench.make()
        defer { bench.remove() }
        let reference = try await bench.reference()
        var generator = SeededRandom(seed: 20)
        var whole = 0
        // The latest clean import's time: kills follow the machine's pace now, not its slowest moment, so a load spike
        // from the suites running alongside does not stretch every later iteration.
        var duration = reference.duration
        for kill in 0..<Self.kills {
            let store = "k\(kill)"
            try await bench.cli(["store", "add", "--id", store, "--name", store, "--platform", "taobao"])
            let at = duration * Self.spread(kill, &generator)
            let process = try bench.start(["import", bench.file.path, "--store", store])
            try await Task.sleep(for: at)
            kill9(process)
            let landed = try await bench.expectWholeOrNothing(store: store, reference: reference, "CLI kill \(kill) at \(at)")
            if landed { whole += 1 }
            let started = ContinuousClock.now
            let again = try await bench.cli(["import", bench.file.path, "--store", store], allowFailure: true)
            // Only a re-import that wrote the file measures a clean import; one of a landed file is a quick no-op.
            if !landed { duration = ContinuousClock.now - started }
            #expect(again.code == 0, "re-import after kill \(kill): \(again.output)")
            try await bench.expectWhole(store: store, reference: reference, "CLI kill \(kill), imported again")
        }
        // Whether a kill lands before or after the commit depends on the machine; at least one must cut it short.
        #expect(whole < Self.kills, "all \(Self.kills) killed imports had landed: no kill came mid-import")
    }

    @Test("kill -9 of the server at 20 points of an upload: all or nothing, staged files removed, then the upload succeeds",
          .timeLimit(.minutes(10)))
    func killedServerUploads() async throws {
        let bench = try await FaultBench.make()
        defer { bench.remove() }
        let reference = try await bench.reference()
        try await bench.cli(["workspace", "add", "--id", "w", "--name", "W"])
        try await bench.cli(["client", "add", "--id", "c", "--workspace", "w", "--name", "C"])
        let token = try await bench.cli(["user", "add", "--id", "op", "--workspace", "w", "--name", "Op"]).output
            .split(separator: "\n").first { $0.hasPrefix("sto_") }.map(String.init)
        let bearer = try #require(token, "user add prints the token")
        try await bench.cli(["user", "grant", "--id", "op", "--role", "operator", "--client", "c"])
        var server = try await bench.startServer()
        let upload = try Data(contentsOf: bench.file)
        // The clean upload's time, for where to kill.
        try await bench.cli(["store", "add", "--id", "timed", "--name", "timed", "--platform", "taobao", "--client", "c"])
        let started = ContinuousClock.now
        let clean = try await Self.post(upload, store: "timed", token: bearer, port: server.port)
        #expect(clean.hasPrefix("HTTP/1.1 201"), "\(clean.prefix(200))")
        var duration = ContinuousClock.now - started
        var generator = SeededRandom(seed: 21)
        var whole = 0
        for kill in 0..<Self.kills {
            let store = "s\(kill)"
            try await bench.cli(["store", "add", "--id", store, "--name", store, "--platform", "taobao", "--client", "c"])
            let at = duration * Self.spread(kill, &generator)
            let port = server.port
            let posting = Task { try? await Self.post(upload, store: store, token: bearer, port: port) }
            if kill == Self.kills - 1 {
                // The last kill comes after the answer: a committed upload survives the server's death.
                let answer = await posting.value ?? ""
                #expect(answer.hasPrefix("HTTP/1.1 201"), "server kill \(kill): \(answer.prefix(300))")
                kill9(server.process)
            } else {
                try await Task.sleep(for: at)
                kill9(server.process)
                _ = await posting.value
            }
            // A new server removes what the killed one staged.
            server = try await bench.startServer()
            #expect(bench.stagedUploads().isEmpty, "server kill \(kill): uploads left staged")
            let landed = try await bench.expectWholeOrNothing(store: store, reference: reference, "server kill \(kill) at \(at)")
            if landed { whole += 1 }
            let started = ContinuousClock.now
            let again = try await Self.post(upload, store: store, token: bearer, port: server.port)
            if !landed { duration = ContinuousClock.now - started }
            #expect(again.hasPrefix("HTTP/1.1 201") || again.hasPrefix("HTTP/1.1 200"), "server kill \(kill): \(again.prefix(300))")
            try await bench.expectWhole(store: store, reference: reference, "server kill \(kill), uploaded again")
        }
        kill9(server.process)
        #expect(whole < Self.kills, "all \(Self.kills) killed uploads had landed: no kill came mid-upload")
    }

    /// Where kill `kill` falls, as a fraction of the latest clean run: a random point in its share of 1.25 runs, so
    /// the early kills come mid-write and the late ones after the commit when the machine keeps its pace.
    static func spread(_ kill: Int, _ generator: inout SeededRandom) -> Double {
        (Double(kill) + Double.random(in: 0..<1, using: &generator)) / Double(kills) * 1.25
    }

    @Test("the disk filling up mid-import (a file size limit on SQLite): an error that says so, nothing written, then it imports",
          .enabled(if: TestBackend.current == .sqlite))
    func diskFull() async throws {
        let bench = try await FaultBench.make()
        defer { bench.remove() }
        let reference = try await bench.reference()
        try await bench.cli(["store", "add", "--id", "full", "--name", "full", "--platform", "taobao"])
        // The database may not grow past its size now plus 256 KB: the import's writes run out of room half-way.
        let size = (try FileManager.default.attributesOfItem(atPath: bench.sqlitePath)[.size] as? Int) ?? 0
        let blocks = (size + 256 << 10) / 512
        let full = try await bench.cli(["import", bench.file.path, "--store", "full"], allowFailure: true, fileSizeBlocks: blocks)
        #expect(full.code != 0, "the import cannot have fitted")
        #expect(full.output.contains("disk is full or cannot be written"), "\(full.output)")
        try await bench.expectWholeOrNothing(store: "full", reference: reference, "disk full")
        #expect(try await bench.orders(store: "full") == 0)
        try await bench.cli(["import", bench.file.path, "--store", "full"])
        try await bench.expectWhole(store: "full", reference: reference, "after the disk full")
    }

    /// Posts `body` as an upload to the store and returns the server's answer ("" when the connection failed).
    static func post(_ body: Data, store: String, token: String, port: Int) async throws -> String {
        guard let fd = Loopback.connect(port: port, timeout: 60) else { return "" }
        defer { close(fd) }
        let head = "POST /api/v1/stores/\(store)/imports?name=orders.csv HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        guard await OffPool.run({ Loopback.send(fd, Data(head.utf8) + body) }) else { return "" }
        return String(decoding: await Loopback.receiveAll(fd).bytes, as: UTF8.self)
    }
}

/// SIGKILL, and waits for the process to be gone.
private func kill9(_ process: Process) {
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
}
