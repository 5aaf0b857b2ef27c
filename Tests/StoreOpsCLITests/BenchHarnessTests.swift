import Foundation
import StoreOpsTesting
import Testing

/// The benchmark harness's result check, not its timing: `scripts/bench --verify` imports a small generated Taobao
/// export (orders and items) with the `storeops` binary of this build, runs every peer (sqlite3 CLI, DuckDB, pandas)
/// on the same files and fails unless each tool's per-day GMV, paid orders, buyers, AOV and refunds (W1) and per-SKU
/// units and revenue of paid orders' lines (W2) equal the exact reference.
/// Backend-neutral (it uses a SQLite file), so it runs in the SQLite pass only.
@Suite("Benchmark harness")
struct BenchHarnessTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `storeops` built beside this test bundle.
    static var binary: URL? {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        return [besideTests, besideTests.deletingLastPathComponent(), root.appendingPathComponent(".build/debug")]
            .map { $0.appendingPathComponent("storeops") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    @Test("StoreOps's W1 and W2 results equal the peers' and the reference's on a small generated file",
          .enabled(if: TestBackend.current == .sqlite), .timeLimit(.minutes(5)))
    func verify() async throws {
        let binary = try #require(Self.binary, "build the storeops product first (swift build --build-tests)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.root.appendingPathComponent("scripts/bench").path, "--verify", "--storeops", binary.path]
        process.currentDirectoryURL = Self.root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = await OffPool.run { () -> String in
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text
        }

        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("verify: StoreOps and every peer agree with the reference, day by day"), "\(text)")
        // Every tool that produced a result printed its totals (W1: per day; W2: per SKU); StoreOps's must be the
        // reference's, and at least one peer must have been compared as well.
        for (first, second) in [("days ", "GMV "), ("skus ", "revenue ")] {
            let totals = text.split(separator: "\n").filter { $0.contains(first) && $0.contains(second) }
            let storeops = try #require(totals.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("storeops") }, "\(text)")
            let summary = storeops[storeops.range(of: first)!.lowerBound...]
            #expect(totals.count >= 2, "no peer was compared: \(text)")
            #expect(totals.allSatisfy { $0.hasSuffix(summary) }, "\(text)")
        }
    }
}
