import Foundation
import StoreOpsCore
import Testing

/// The acceptance of "every section from the operator's own files": stores built only from files and commands, run
/// through the CLI in-process.
@Suite("Every check from files and commands")
struct EveryCheckTests {
    /// The findings of `checks` as `check subject severity at-stake` lines, and the data kinds that could not run.
    static func checks(_ cli: CLI, store: String, date: String) async throws -> (findings: [String], notRun: [String]) {
        let out = await cli.run("checks", "--store", store, "--date", date, "--format", "json", "--no-tasks").out
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any], "\(out)")
        let findings = try #require(object["findings"] as? [[String: Any]]).map { f in
            "\(f["check"]!) \(f["subject"]!) \(f["severity"]!) \(f["at_stake"].map { "\($0)" } ?? "-")"
        }
        let notRun = try #require(object["not_run"] as? [[String: Any]]).map { "\($0["missing"]!)" }
        return (findings, notRun)
    }

    @Test(
        "the demo's commands and files, its imports in reverse order, make a store with the demo's findings and figures"
    )
    func demoFilesReimported() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        let folder = cli.directory.appendingPathComponent("demo-files")
        let demo = await cli.run("demo", "--days", "30", "--seed", "5", "--files", folder.path)
        #expect(demo.code == 0, "\(demo.err)")
        let readme = try String(contentsOf: folder.appendingPathComponent("README.txt"), encoding: .utf8)
        let lines = readme.split(separator: "\n").filter { $0.hasPrefix("storeops ") }
        let imports = lines.filter { $0.hasPrefix("storeops import ") }
        #expect(imports.count >= 20 && lines.first?.hasPrefix("storeops store add") == true)
        for command in lines.filter({ !$0.hasPrefix("storeops import ") }) + imports.reversed() {
            let words = command.split(separator: " ").dropFirst().map { word -> String in
                word == "STORE"
                    ? "copy"
                    : word.hasSuffix(".csv") || word.hasSuffix(".json")
                        ? folder.appendingPathComponent(String(word)).path
                        : String(word)
            }
            let result = await cli.run(words)
            #expect(result.code == 0, "\(command): \(result.out) \(result.err)")
        }
        let original = try await Self.checks(cli, store: "demo", date: "2026-03-31")
        let copy = try await Self.checks(cli, store: "copy", date: "2026-03-31")
        #expect(!original.findings.isEmpty && original.notRun.isEmpty)
        #expect(copy.findings == original.findings)
        #expect(copy.notRun == original.notRun)
        // The master table of the last week, targets and costs included, is the demo's.
        func table(_ store: String) async -> String {
            await cli.run("table", "--store", store, "--from", "2026-03-25", "--to", "2026-03-31", "--format", "csv")
                .out
        }
        let demoTable = await table("demo")
        #expect(demoTable.count > 500 && demoTable.contains("2026-03-31"))
        // Only the store column differs.
        #expect(await table("copy").replacingOccurrences(of: "copy", with: "demo") == demoTable)
    }
}
