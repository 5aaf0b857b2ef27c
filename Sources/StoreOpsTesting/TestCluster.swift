import Foundation

/// A PostgreSQL cluster of one test's own (initdb in a temporary folder, a free loopback port), for tests that stop
/// and restart the server, which they must not do to the cluster other tests share.
public final class TestCluster: Sendable {
    public let directory: URL
    public let port: Int
    let bin: String
    let runAs: [String]

    /// The superuser URL.
    public var adminURL: String { "postgres://postgres@127.0.0.1:\(port)/postgres?sslmode=disable" }

    /// Creates and starts a cluster.
    public init() throws {
        let env = ProcessInfo.processInfo.environment
        guard let bin = env["STOREOPS_TEST_PGBIN"] else { throw TestClusterError("STOREOPS_TEST_PGBIN is not set: run the tests through scripts/test.") }
        self.bin = bin
        runAs = (env["STOREOPS_TEST_PGCTL"] ?? "").split(separator: " ").map(String.init)
        directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("storeops-cluster-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if !runAs.isEmpty { try Self.shell(["/bin/chown", "postgres:postgres", directory.path]) }
        port = Int.random(in: 20_000...60_000)
        try run("initdb", ["-D", directory.appendingPathComponent("data").path, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"])
        try start()
    }

    /// Starts the server and waits until it accepts connections.
    public func start() throws {
        try run("pg_ctl", ["-D", directory.appendingPathComponent("data").path, "-l", directory.appendingPathComponent("server.log").path, "-w",
                           "-o", "-p \(port) -k \(directory.path) -c listen_addresses=127.0.0.1 -c fsync=off", "start"])
    }

    /// Stops the server; `immediate` is a crash (no checkpoint, clients cut off).
    public func stop(immediate: Bool = true) throws {
        try run("pg_ctl", ["-D", directory.appendingPathComponent("data").path, "-m", immediate ? "immediate" : "fast", "-w", "stop"])
    }

    /// Stops the server and removes its files.
    public func remove() {
        try? stop()
        try? FileManager.default.removeItem(at: directory)
    }

    private func run(_ program: String, _ arguments: [String]) throws {
        try Self.shell(runAs + ["\(bin)/\(program)"] + arguments)
    }

    /// Runs a command (a path, or a program on PATH) and fails with its output when it fails. Spawned and reaped
    /// directly: Foundation's `Process` waits for inherited descriptors that a server started by pg_ctl keeps open.
    public static func shell(_ command: [String]) throws {
        let log = NSTemporaryDirectory() + "storeops-shell-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let script = "exec \(quoted) </dev/null >'\(log)' 2>&1"
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", script].map { (arg: String) in strdup(arg) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ)
        guard spawned == 0 else { throw TestClusterError("\(command.joined(separator: " ")) could not start (error \(spawned)).") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw TestClusterError("\(command.joined(separator: " ")) failed: \(text)")
        }
    }
}

/// A test cluster could not be set up.
public struct TestClusterError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
