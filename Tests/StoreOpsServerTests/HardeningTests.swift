import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import StoreOpsCore
@testable import StoreOpsServer
import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The server against hostile clients: roles checked before a body is read, uploads staged privately and capped,
/// one ingest per file however often it is posted, every failure a JSON error with a request id, idle and
/// half-sent connections closed.
@Suite("Server hardening")
struct HardeningTests {
    static let clock: @Sendable () -> Instant = { Fixtures.at(Fixtures.d1, 9) }

    /// A fresh private upload folder per test, removed afterwards.
    static func settings(_ change: (inout ServerSettings) -> Void = { _ in }) -> ServerSettings {
        var settings = ServerSettings()
        settings.uploadFolder = FileManager.default.temporaryDirectory.appendingPathComponent("storeops-test-uploads-\(UUID().uuidString)")
        change(&settings)
        return settings
    }

    func withAPI(_ settings: ServerSettings = HardeningTests.settings(),
                 _ body: @Sendable @escaping (any TestClientProtocol, AgencyFixture) async throws -> Void) async throws {
        let agency = try await AgencyFixture.build(in: try await TestBackend.makeStore())
        defer { try? FileManager.default.removeItem(at: settings.uploadFolder) }
        let app = Application(router: try ServerApplication.router(services: ServerServices(database: agency.database, clock: Self.clock), settings: settings))
        try await app.test(.router) { client in try await body(client, agency) }
    }

    static func auth(_ token: String?) -> HTTPFields { token.map { [.authorization: "Bearer \($0)"] } ?? [:] }

    static func error(_ response: TestResponse) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]
        return try #require(object?["error"] as? [String: Any])
    }

    /// The staged uploads (files other than sessions' lock files) anywhere under the upload folder.
    static func stagedFiles(_ settings: ServerSettings) -> [String] {
        let paths = FileManager.default.enumerator(atPath: settings.uploadFolder.path)?.allObjects as? [String] ?? []
        return paths.filter { path in
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: settings.uploadFolder.appendingPathComponent(path).path, isDirectory: &isFolder)
            return !isFolder.boolValue && !path.hasSuffix(".lock")
        }.map { ($0 as NSString).lastPathComponent }.sorted()
    }

    @Test("a viewer's upload is refused before its body is read, even of a file imported before; nothing is staged")
    func viewerRefusedFirst() async throws {
        let settings = Self.settings()
        try await withAPI(settings) { client, agency in
            let file = ByteBuffer(bytes: try Data(contentsOf: Samples.url("taobao/orders.csv")))
            let uri = "/api/v1/stores/alpha-tmall/imports?name=orders.csv&allow_rounded_ids=true"
            try await client.execute(uri: uri, method: .post, headers: Self.auth(agency.tokens["anna"]), body: file) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: uri, method: .post, headers: Self.auth(agency.tokens["vic"]), body: file) { response in
                #expect(response.status == .forbidden, "a viewer learns nothing, not even that the file is there already")
                let code = try Self.error(response)["code"] as? String
                #expect(code == "forbidden")
            }
            // A body larger than the limit gets 403 for a viewer (role first) and 413 for an operator.
            let big = ByteBuffer(repeating: 0x41, count: 300 << 20)
            try await client.execute(uri: uri, method: .post, headers: Self.auth(agency.tokens["vic"]), body: big) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: uri, method: .post, headers: Self.auth(agency.tokens["anna"]), body: big) { response in
                #expect(response.status == .contentTooLarge)
                let code = try Self.error(response)["code"] as? String
                #expect(code == "too_large")
            }
            #expect(Self.stagedFiles(settings).isEmpty, "every staged upload is removed")
        }
    }

    @Test("the same file posted ten times at once is ingested exactly once")
    func concurrentSameFile() async throws {
        let settings = Self.settings { $0.maxConcurrentUploads = 10 }
        try await withAPI(settings) { client, agency in
            let file = ByteBuffer(bytes: try Data(contentsOf: Samples.url("taobao/orders.csv")))
            let uri = "/api/v1/stores/alpha-tmall/imports?name=orders.csv&allow_rounded_ids=true"
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        try await client.execute(uri: uri, method: .post, headers: Self.auth(agency.tokens["anna"]), body: file) { $0.status }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .ok }.count == 9, "\(statuses)")
            #expect(try await agency.database.importRecords(store: AgencyFixture.alphaStore).count == 1)
            #expect(Self.stagedFiles(settings).isEmpty)
        }
    }

    @Test("uploads beyond the cap answer 503 with Retry-After")
    func uploadCap() async throws {
        let gate = UploadGate(capacity: 1)
        let (started, release) = (AsyncStream<Void>.makeStream(), AsyncStream<Void>.makeStream())
        let held = Task {
            try await gate.run {
                started.continuation.yield()
                for await _ in release.stream { break }
                return 1
            }
        }
        for await _ in started.stream { break }
        #expect(try await gate.run { 2 } == nil, "the only slot is taken")
        release.continuation.yield()
        #expect(try await held.value == 1)
        #expect(try await gate.run { 3 } == 3, "the slot is free again")
        let response = APIErrorMiddleware<ServerContext>.response(
            for: ServiceError(.unavailable, "busy"), requestID: "r1", request: Request(head: .init(method: .post, scheme: nil, authority: nil, path: "/"),
                                                                                      body: .init(buffer: ByteBuffer())),
            logger: Logger(label: "test"))
        #expect(response.status == .serviceUnavailable && response.headers[.retryAfter] == "5")
    }

    @Test("uploads are staged privately (0700 folder, 0600 file) and a dead server's leftovers are removed at start")
    func staging() async throws {
        let settings = Self.settings()
        defer { try? FileManager.default.removeItem(at: settings.uploadFolder) }
        let staging = try UploadStaging(root: settings.uploadFolder)
        let file = try await staging.stage(RequestBody(buffer: ByteBuffer(string: "a,b\n")), name: "x.csv", limit: 100)
        #expect(try String(contentsOf: file, encoding: .utf8) == "a,b\n")
        #expect(Self.mode(settings.uploadFolder.path) == 0o700)
        #expect(Self.mode(file.deletingLastPathComponent().path) == 0o700)
        #expect(Self.mode(file.path) == 0o600)
        staging.remove(file)
        await #expect(throws: UploadTooLarge.self) {
            _ = try await staging.stage(RequestBody(buffer: ByteBuffer(repeating: 1, count: 101)), name: "y.csv", limit: 100)
        }
        #expect(Self.stagedFiles(settings).isEmpty, "a refused upload leaves nothing")
        // A crashed server's session (its lock file free) and an older StoreOps's folder go; a running server's stays,
        // whatever its process id.
        let dead = settings.uploadFolder.appendingPathComponent("server-crashed")
        let legacy = settings.uploadFolder.appendingPathComponent("4194000-crashed")
        for folder in [dead, legacy] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("u"), withIntermediateDirectories: true)
            try Data("secret".utf8).write(to: folder.appendingPathComponent("u/orders.csv"))
        }
        try Data().write(to: settings.uploadFolder.appendingPathComponent("server-crashed.lock"))
        let running = try UploadStaging(root: settings.uploadFolder)
        _ = try await running.stage(RequestBody(buffer: ByteBuffer(string: "a,b\n")), name: "running.csv", limit: 100)
        #expect(staging.removeLeftovers() == 2)
        #expect(Self.stagedFiles(settings) == ["running.csv"])
        #expect(!FileManager.default.fileExists(atPath: settings.uploadFolder.appendingPathComponent("server-crashed.lock").path))
        // A folder that others can enter is made private; one that belongs to no one here is refused.
        chmod(settings.uploadFolder.path, 0o755)
        _ = try UploadStaging(root: settings.uploadFolder)
        #expect(Self.mode(settings.uploadFolder.path) == 0o700)
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    @Test("every answer is JSON with a request id, private and typed; unexpected errors say only the id")
    func errorsAndHeaders() async throws {
        try await withAPI { client, agency in
            try await client.execute(uri: "/api/v1/no-such-route", method: .get, headers: Self.auth(agency.tokens["anna"])) { response in
                #expect(response.status == .notFound)
                let error = try Self.error(response)
                #expect(error["code"] as? String == "not_found")
                #expect(error["request_id"] as? String == response.headers[.init("X-Request-ID")!])
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff")
            }
            try await client.execute(uri: "/api/v1/stores", method: .get, headers: Self.auth(agency.tokens["anna"])) { response in
                #expect(response.status == .ok && response.headers[.cacheControl] == "no-store")
            }
            for name in ["..%2Fx.csv", ".hidden.csv", "a%00b.csv", String(repeating: "n", count: 300) + ".csv"] {
                try await client.execute(uri: "/api/v1/stores/alpha-tmall/imports?name=\(name)", method: .post,
                                         headers: Self.auth(agency.tokens["anna"]), body: ByteBuffer(string: "x")) { response in
                    #expect(response.status == .badRequest, "\(name)")
                }
            }
        }
        struct Unexpected: Error {}
        let response = APIErrorMiddleware<ServerContext>.response(
            for: Unexpected(), requestID: "abc", request: Request(head: .init(method: .get, scheme: nil, authority: nil, path: "/x"),
                                                                 body: .init(buffer: ByteBuffer())),
            logger: Logger(label: "test"))
        #expect(response.status == .internalServerError)
    }

    @Test("a half-sent request head and an idle connection are closed after the idle timeout")
    func idleTimeout() async throws {
        try await withLiveServer(Self.settings { $0.idleTimeout = .seconds(1) }) { client, port, _, _ in
            for request in ["GET /health HTTP/1.1\r\nHost: x", ""] {
                let fd = try #require(Loopback.connect(port: port))
                defer { close(fd) }
                if !request.isEmpty { Loopback.send(fd, Data(request.utf8)) }
                let started = ContinuousClock.now
                let (received, closed) = await Loopback.receiveAll(fd)
                #expect(received.isEmpty && closed, "the server closed the connection")
                // Generous: with the whole suite running on two cores the close has been seen 5.1 s after a 1 s timeout.
                #expect(ContinuousClock.now - started < .seconds(20))
            }
        }
    }

    @Test("an upload trickled in just under the idle timeout is cut off at the upload timeout, freeing its slot")
    func slowUpload() async throws {
        // The idle timeout is long enough that even a server slowed by the whole suite's load (the body is not read
        // while the request is authenticated) does not close the connection first.
        let settings = Self.settings {
            $0.idleTimeout = .seconds(30)
            $0.uploadTimeout = .seconds(1)
            $0.maxConcurrentUploads = 1
        }
        try await withLiveServer(settings) { _, port, agency, settings in
            let fd = try #require(Loopback.connect(port: port))
            defer { close(fd) }
            let head = "POST /api/v1/stores/alpha-tmall/imports?name=slow.csv HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer \(agency.tokens["anna"]!)\r\nContent-Length: 100000\r\n\r\n"
            Loopback.send(fd, Data(head.utf8))
            let started = ContinuousClock.now
            var answer = ""
            // A byte every 200 ms: never idle, never done.
            // The answer is the upload timeout's 408: the idle timeout would close without one. (No bound on when it
            // comes: under the whole suite's load it can be seconds late.)
            while ContinuousClock.now - started < .seconds(120), answer.isEmpty {
                Loopback.send(fd, Data("a".utf8))
                try await Task.sleep(for: .milliseconds(200))
                var buffer = [UInt8](repeating: 0, count: 4096)
                let n = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
                if n > 0 { answer = String(decoding: buffer[..<n], as: UTF8.self) }
                if n == 0 { break }
            }
            #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer.isEmpty ? "closed without an answer" : answer)")
            #expect(Self.stagedFiles(settings).isEmpty, "the cut-off upload is removed")
            // The slot is free again: the next upload is read, not answered 503 (on a new connection: the test
            // client's own may have been closed as idle meanwhile).
            let next = try #require(Loopback.connect(port: port, timeout: 120))
            defer { close(next) }
            Loopback.send(next, Data(("POST /api/v1/stores/alpha-tmall/imports?name=small.csv HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer \(agency.tokens["anna"]!)\r\nContent-Length: 8\r\nConnection: close\r\n\r\na,b\n1,2\n").utf8))
            let received = await Loopback.receiveAll(next)
            let reply = String(decoding: received.bytes, as: UTF8.self)
            let failure = reply.isEmpty ? (received.closed ? "closed without an answer" : "no answer within 120 s") : String(reply.prefix(200))
            #expect(reply.hasPrefix("HTTP/1.1 ") && !reply.hasPrefix("HTTP/1.1 503"), "\(failure)")
        }
    }

    @Test("a refused upload's body is not received: the answer comes and the connection closes mid-body")
    func refusedBodyNotRead() async throws {
        // The idle timeout (180 s) is past the client's 120 s read timeout: only the refusal can close the connection.
        try await withLiveServer(Self.settings { $0.idleTimeout = .seconds(180) }) { _, port, agency, _ in
            let fd = try #require(Loopback.connect(port: port, timeout: 120))
            defer { close(fd) }
            // A viewer declares 100 MB and sends 64 KB of it.
            let head = "POST /api/v1/stores/alpha-tmall/imports?name=big.csv HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer \(agency.tokens["vic"]!)\r\nContent-Length: 104857600\r\n\r\n"
            Loopback.send(fd, Data(head.utf8) + Data(repeating: UInt8(ascii: "a"), count: 65_536))
            let (received, closed) = await Loopback.receiveAll(fd)
            #expect(String(decoding: received, as: UTF8.self).hasPrefix("HTTP/1.1 403"), "\(String(decoding: received, as: UTF8.self))")
            // Closed by the server (end of stream), not waiting for the rest of the body until the read times out.
            #expect(closed)
        }
    }

    /// Runs `body` against a server listening on a free loopback port, over the agency fixture.
    func withLiveServer(_ settings: ServerSettings,
                        _ body: @escaping @Sendable (any TestClientProtocol, Int, AgencyFixture, ServerSettings) async throws -> Void) async throws {
        let agency = try await AgencyFixture.build(in: try await TestBackend.makeStore())
        defer { try? FileManager.default.removeItem(at: settings.uploadFolder) }
        let app = try ServerApplication.build(services: ServerServices(database: agency.database, clock: Self.clock), host: "127.0.0.1", port: 0, settings: settings,
                                              logger: Logger(label: "test"))
        try await app.test(.live) { client in
            try await body(client, try #require(client.port), agency, settings)
        }
    }
}
