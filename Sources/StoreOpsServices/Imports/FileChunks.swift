import Foundation

/// Reads a file in chunks of 1 MB, reporting progress (bytes and lines read) when asked to.
final class FileChunks {
    private let handle: FileHandle
    private(set) var bytesRead = 0
    let size: Int
    private let pass: Int
    private let progress: (@Sendable (ImportProgress) -> Void)?
    private var lines = 0

    init(_ url: URL, pass: Int = 0, progress: (@Sendable (ImportProgress) -> Void)? = nil) throws {
        handle = try FileHandle(forReadingFrom: url)
        size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        self.pass = pass
        self.progress = progress
    }

    deinit { try? handle.close() }

    func next() throws -> [UInt8]? {
        let data = try handle.read(upToCount: 1 << 20)
        let chunk = data.flatMap { $0.isEmpty ? nil : [UInt8]($0) }
        if let chunk { bytesRead += chunk.count }
        if let progress {
            lines += chunk?.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } ?? 0
            progress(ImportProgress(pass: pass, bytesRead: bytesRead, totalBytes: size, lines: lines))
        }
        return chunk
    }
}
