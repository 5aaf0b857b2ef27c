import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file in chunks of 1 MB, reporting progress (bytes and lines read) when asked to.
///
/// Chunks are read with `read(2)` straight into their arrays: through `FileHandle` every chunk was first a `Data`
/// and then copied, two fresh megabytes each time (a 386 MB export made 200,000 page faults and copies of it).
final class FileChunks {
    static let chunkSize = 1 << 20
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

    /// The next chunk in an array of its own, or nil at the end of the file.
    func next() throws -> [UInt8]? {
        var failure: Error?
        let chunk = [UInt8](unsafeUninitializedCapacity: FileChunks.chunkSize) { buffer, count in
            do { count = try fill(UnsafeMutableRawBufferPointer(buffer)) } catch { failure = error; count = 0 }
        }
        if let failure { throw failure }
        return chunk.isEmpty ? nil : chunk
    }

    /// Calls `body` with every remaining chunk in turn, read into one buffer (valid only during the call).
    func forEach(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: FileChunks.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while case let count = try fill(buffer), count > 0 {
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Reads into `buffer` until it is full or the file ends; the count read (0 at the end).
    private func fill(_ buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var count = 0
        while count < buffer.count {
            let n = read(handle.fileDescriptor, base + count, buffer.count - count)
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            if n == 0 { break }
            count += n
        }
        bytesRead += count
        if let progress, count > 0 {
            lines += UnsafeRawBufferPointer(rebasing: buffer[0..<count]).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            progress(ImportProgress(pass: pass, bytesRead: bytesRead, totalBytes: size, lines: lines))
        }
        return count
    }
}
