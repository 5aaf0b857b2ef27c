import Foundation
import Testing

/// Compares rendered output with a golden file; `STOREOPS_UPDATE_GOLDEN=1` rewrites the file instead (review the diff).
public enum Golden {
    /// Checks `actual` against `directory/name`.
    public static func check(_ actual: String, _ name: String, directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["STOREOPS_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("Missing golden file \(name); run the tests with STOREOPS_UPDATE_GOLDEN=1 to create it.", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "\(name) differs from its golden file", sourceLocation: sourceLocation)
    }
}
