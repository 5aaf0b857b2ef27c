import Foundation
import StoreOpsCore

/// The independent implementation of `lifetimes`' summary in `scripts/lib/rfm_reference.py`, run on purchases: for the
/// tests that check `CustomerRFM` and the customer report against it.
public enum RFMReference {
    /// Whether Python is there to run it.
    public static let isAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    /// The reference's lines "customer,frequency,recency,T,repeat_total_minor,total_minor", sorted, for the customers
    /// with a purchase on or before `end`.
    public static func summaries(of purchases: [Purchase], through end: Day) throws -> [String] {
        let input = purchases.map { "\($0.customer),\($0.day.iso),\($0.amountMinor)\n" }.joined()
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/lib/rfm_reference.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script.path, end.iso]
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
        return output.split(separator: "\n").map(String.init).sorted()
    }

    /// The same lines of `CustomerRFM` values, for comparison.
    public static func lines(_ summaries: [CustomerRFM]) -> [String] {
        summaries.map { "\($0.customer),\($0.frequency),\($0.recency),\($0.tenure),\($0.repeatTotalMinor.map(String.init) ?? "nil"),"
            + "\($0.totalMinor.map(String.init) ?? "nil")" }.sorted()
    }
}
