import Foundation

/// Reads a file in chunks of 1 MB, counting the bytes read (for progress).
final class FileChunks {
    private let handle: FileHandle
    private(set) var bytesRead = 0
    let size: Int

    init(_ url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
        size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    }

    deinit { try? handle.close() }

    func next() throws -> [UInt8]? {
        guard let data = try handle.read(upToCount: 1 << 20), !data.isEmpty else { return nil }
        bytesRead += data.count
        return [UInt8](data)
    }
}
