import Foundation

/// The real export samples in `../shared/samples` beside the checkout (or `$STOREOPS_SAMPLES`).
public enum Samples {
    public static let directory: URL = {
        if let path = ProcessInfo.processInfo.environment["STOREOPS_SAMPLES"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/samples")
    }()

    public static func url(_ relative: String) -> URL { directory.appendingPathComponent(relative) }

    /// The file's bytes as a chunk source (64 KB chunks).
    public static func chunks(_ url: URL, size: Int = 65_536) throws -> () throws -> [UInt8]? {
        let data = try Data(contentsOf: url)
        var offset = 0
        return {
            guard offset < data.count else { return nil }
            defer { offset += size }
            return [UInt8](data[offset..<min(offset + size, data.count)])
        }
    }
}
