import Foundation
import StoreOpsTesting

/// A mail server on loopback for the tests: `scripts/lib/smtp_sink.py` (aiosmtpd) run by the Python of the benchmark
/// environment `.ci/run` makes (`STOREOPS_BENCH_VENV`). It makes its own certificate (`caFile`, for the client to
/// trust), listens on a free port and writes each message it takes, parsed by Python's e-mail package, as JSON.
/// Immutable once started (hence `@unchecked Sendable`: `Process` and `Pipe` are not marked, but only read here).
final class SMTPSink: @unchecked Sendable {
    /// Whether the benchmark environment's Python has aiosmtpd, and openssl is there for the certificate.
    static let isAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") && BenchPython.canImport("aiosmtpd")

    let directory: URL
    let port: Int
    private let process: Process
    private let input: Pipe

    /// Starts the sink with `arguments` (`--busy 2`, `--refuse ADDR`, `--implicit-tls`, `--no-tls`, `--host IP`) on a
    /// thread of its own: waiting for its port blocks, and must not hold up the tests' shared threads.
    static func start(_ arguments: [String] = []) async throws -> SMTPSink {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try SMTPSink(arguments) }) }
        }
    }

    private init(_ arguments: [String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("storeops-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/lib/smtp_sink.py")
        process = Process()
        process.executableURL = URL(fileURLWithPath: BenchPython.path)
        process.arguments = [script.path, "--dir", directory.path] + arguments
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw CocoaError(.fileReadUnknown) }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else { throw CocoaError(.fileReadCorruptFile) }
        self.port = port
    }

    /// The certificate the sink serves, for the client to trust.
    var caFile: String { directory.appendingPathComponent("cert.pem").path }

    /// Every message taken so far, in order, as the sink parsed it.
    func mails() -> [[String: Any]] {
        (1...).lazy.map { self.directory.appendingPathComponent("mail-\($0).json") }
            .prefix { FileManager.default.fileExists(atPath: $0.path) }
            .compactMap { (try? JSONSerialization.jsonObject(with: Data(contentsOf: $0))) as? [String: Any] }
    }

    /// The raw bytes of message `n` (from 1).
    func raw(_ n: Int) throws -> Data { try Data(contentsOf: directory.appendingPathComponent("mail-\(n).eml")) }

    /// Stops the sink and removes its folder, without waiting for it to end (a child process another test spawned
    /// meanwhile may hold its standard input open).
    func stop() {
        process.terminate()
        try? input.fileHandleForWriting.close()
        try? FileManager.default.removeItem(at: directory)
    }
}
