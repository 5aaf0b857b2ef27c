import Foundation

/// The Python of the benchmark environment `.ci/run` makes (`STOREOPS_BENCH_VENV`, default /tmp/storeops-bench-venv):
/// the tests' independent references (lifetimes, pandas) and stand-ins (aiosmtpd) run in it.
public enum BenchPython {
    public static let path = (ProcessInfo.processInfo.environment["STOREOPS_BENCH_VENV"] ?? "/tmp/storeops-bench-venv")
        + "/bin/python"

    /// Whether that Python is there and imports `module`.
    public static func canImport(_ module: String) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: path) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-c", "import \(module)"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
