import Foundation
import StoreOpsCore

/// The independent Python implementations of `lifetimes`' summary that the customer tests compare with:
/// `scripts/lib/rfm_reference.py` on purchases, and `scripts/lib/uci_rfm_reference.py` on the UCI sample workbook.
public enum RFMReference {
    /// Whether Python is there to run them.
    public static let isAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    /// The reference's lines "customer,frequency,recency,T,repeat_total_minor,total_minor", sorted, for the customers
    /// with a purchase on or before `end`.
    public static func summaries(of purchases: [Purchase], through end: Day) async throws -> [String] {
        let input = purchases.map { "\($0.customer),\($0.day.iso),\($0.amountMinor)\n" }.joined()
        return try await python("rfm_reference.py", [end.iso], input: input)
    }

    /// The lines "frequency,recency,T,repeat_total_minor,total_minor", sorted, of every customer of the UCI Online
    /// Retail workbook at `workbook` with a purchase on or before `end`, read by Python without StoreOps.
    public static func uciSummaries(workbook: URL, through end: Day) async throws -> [String] {
        try await python("uci_rfm_reference.py", [workbook.path, end.iso], input: "")
    }

    /// The same lines of `CustomerRFM` values, for comparison; without the customer when `customers` is false.
    public static func lines(_ summaries: [CustomerRFM], customers: Bool = true) -> [String] {
        summaries.map { (s: CustomerRFM) -> String in
            let repeatTotal = s.repeatTotalMinor.map { String($0) } ?? "nil", total = s.totalMinor.map { String($0) } ?? "nil"
            let figures = "\(s.frequency),\(s.recency),\(s.tenure),\(repeatTotal),\(total)"
            return customers ? s.customer + "," + figures : figures
        }.sorted()
    }

    /// Runs `scripts/lib/<script>` with `arguments` by the system Python, writing `input` to it, and returns its output
    /// lines, sorted.
    static func python(_ script: String, _ arguments: [String], input: String) async throws -> [String] {
        try await run(python: "/usr/bin/python3", script: script, arguments, input: input, sorted: true)
    }

    /// Runs `scripts/lib/<script>` with `arguments` by the Python at `python`, writing `input` to it, and returns its
    /// output lines, sorted when `sorted`. It waits off the cooperative pool (`OffPool`).
    static func run(python: String, script: String, _ arguments: [String], input: String, sorted: Bool) async throws -> [String] {
        try await OffPool.run { try runBlocking(python: python, script: script, arguments, input: input, sorted: sorted) }
    }

    /// `run` on the calling thread.
    private static func runBlocking(python: String, script: String, _ arguments: [String], input: String, sorted: Bool) throws -> [String] {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/lib/" + script)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [path.path] + arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        // Written from another thread: the script's output would otherwise fill its pipe while we still write.
        let writer = Thread { stdin.fileHandleForWriting.write(Data(input.utf8)); try? stdin.fileHandleForWriting.close() }
        writer.start()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        let lines = output.split(separator: "\n").map(String.init)
        return sorted ? lines.sorted() : lines
    }
}
