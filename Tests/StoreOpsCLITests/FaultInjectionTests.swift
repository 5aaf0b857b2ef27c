import Foundation
import StoreOpsCore
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

    @Test("kill -9 of `storeops import` at 20 points: all or nothing, then the import succeeds", .timeLimit(.minutes(5)))
    func killedCLIImports() async throws {
        let bench = try await FaultBench.make()
        defer { bench.remove() }
        let reference = try await bench.reference()
        var generator = SeededGenerator(seed: 20)
        var whole = 0
        for kill in 0..<Self.kills {
            let store = "k\(kill)"
            try bench.cli(["store", "add", "--id", store, "--name", store, "--platform", "taobao"])
            // A point in the kill's twentieth of the clean run (a little past its end, for kills after the commit).
            let at = reference.duration * ((Double(kill) + Double.random(in: 0..<1, using: &generator)) / Double(Self.kills) * 1.1)
            let process = try bench.start(["import", bench.file.path, "--store", store])
            try await Task.sleep(for: at)
            kill9(process)
            if try await bench.expectWholeOrNothing(store: store, reference: reference, "CLI kill \(kill) at \(at)") { whole += 1 }
            let again = try bench.cli(["import", bench.file.path, "--store", store], allowFailure: true)
            #expect(again.code == 0, "re-import after kill \(kill): \(again.output)")
            try await bench.expectWhole(store: store, reference: reference, "CLI kill \(kill), imported again")
        }
        // The kills spread over the run: some came before the commit, some after.
        #expect(whole > 0 && whole < Self.kills, "\(whole) of \(Self.kills) killed imports had landed")
    }

    @Test("kill -9 of the server at 20 points of an upload: all or nothing, staged files removed, then the upload succeeds",
          .timeLimit(.minutes(5)))
    func killedServerUploads() async throws {
        let bench = try await FaultBench.make()
        defer { bench.remove() }
        let reference = try await bench.reference()
        try bench.cli(["workspace", "add", "--id", "w", "--name", "W"])
        try bench.cli(["client", "add", "--id", "c", "--workspace", "w", "--name", "C"])
        let token = try bench.cli(["user", "add", "--id", "op", "--workspace", "w", "--name", "Op"]).output
            .split(separator: "\n").first { $0.hasPrefix("sto_") }.map(String.init)
        let bearer = try #require(token, "user add prints the token")
        try bench.cli(["user", "grant", "--id", "op", "--role", "operator", "--client", "c"])
        var server = try await bench.startServer()
        let upload = try Data(contentsOf: bench.file)
        // The clean upload's time, for where to kill.
        try bench.cli(["store", "add", "--id", "timed", "--name", "timed", "--platform", "taobao", "--client", "c"])
        let started = ContinuousClock.now
        let clean = try await Self.post(upload, store: "timed", token: bearer, port: server.port)
        #expect(clean.hasPrefix("HTTP/1.1 201"), "\(clean.prefix(200))")
        let duration = ContinuousClock.now - started

        var generator = SeededGenerator(seed: 21)
        var whole = 0
        for kill in 0..<Self.kills {
            let store = "s\(kill)"
            try bench.cli(["store", "add", "--id", store, "--name", store, "--platform", "taobao", "--client", "c"])
            let at = duration * ((Double(kill) + Double.random(in: 0..<1, using: &generator)) / Double(Self.kills) * 1.1)
            let port = server.port
            let posting = Task { try? await Self.post(upload, store: store, token: bearer, port: port) }
            try await Task.sleep(for: at)
            kill9(server.process)
            _ = await posting.value
            // A new server removes what the killed one staged.
            server = try await bench.startServer()
            #expect(bench.stagedUploads().isEmpty, "server kill \(kill): uploads left staged")
            if try await bench.expectWholeOrNothing(store: store, reference: reference, "server kill \(kill) at \(at)") { whole += 1 }
            let again = try await Self.post(upload, store: store, token: bearer, port: server.port)
            #expect(again.hasPrefix("HTTP/1.1 201") || again.hasPrefix("HTTP/1.1 200"), "server kill \(kill): \(again.prefix(300))")
            try await bench.expectWhole(store: store, reference: reference, "server kill \(kill), uploaded again")
        }
        kill9(server.process)
        #expect(whole > 0 && whole < Self.kills, "\(whole) of \(Self.kills) killed uploads had landed")
    }

    @Test("the disk filling up mid-import (a file size limit on SQLite): an error that says so, nothing written, then it imports",
          .enabled(if: TestBackend.current == .sqlite))
    func diskFull() async throws {
        let bench = try await FaultBench.make()
        defer { bench.remove() }
        let reference = try await bench.reference()
        try bench.cli(["store", "add", "--id", "full", "--name", "full", "--platform", "taobao"])
        // The database may not grow past its size now plus 256 KB: the import's writes run out of room half-way.
        let size = (try FileManager.default.attributesOfItem(atPath: bench.sqlitePath)[.size] as? Int) ?? 0
        let blocks = (size + 256 << 10) / 512
        let full = try bench.cli(["import", bench.file.path, "--store", "full"], allowFailure: true, fileSizeBlocks: blocks)
        #expect(full.code != 0, "the import cannot have fitted")
        #expect(full.output.contains("disk is full or cannot be written"), "\(full.output)")
        try await bench.expectWholeOrNothing(store: "full", reference: reference, "disk full")
        #expect(try await bench.orders(store: "full") == 0)
        try bench.cli(["import", bench.file.path, "--store", "full"])
        try await bench.expectWhole(store: "full", reference: reference, "after the disk full")
    }

    /// Posts `body` as an upload to the store and returns the server's answer ("" when the connection failed).
    static func post(_ body: Data, store: String, token: String, port: Int) async throws -> String {
        try await Task.detached {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var timeout = timeval(tv_sec: 60, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { return "" }
            let head = "POST /api/v1/stores/\(store)/imports?name=orders.csv HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
            let request = Data(head.utf8) + body
            let sent = request.withUnsafeBytes { bytes -> Bool in
                var offset = 0
                while offset < bytes.count {
                    let n = send(fd, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                    if n <= 0 { return false }
                    offset += n
                }
                return true
            }
            guard sent else { return "" }
            var answer: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 16_384)
            while true {
                let n = recv(fd, &buffer, buffer.count, 0)
                if n <= 0 { break }
                answer += buffer[..<n]
            }
            return String(decoding: answer, as: UTF8.self)
        }.value
    }
}

/// SIGKILL, and waits for the process to be gone.
private func kill9(_ process: Process) {
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
}

/// A deterministic random number generator (SplitMix64), so that a failing kill point can be found again.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
