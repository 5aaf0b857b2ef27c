import Foundation
import StoreOpsServices
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An upload's private file while it is written (see `UploadStaging.create`).
final class StagedFile {
    let url: URL
    private var descriptor: Int32

    init(url: URL, descriptor: Int32) {
        self.url = url
        self.descriptor = descriptor
    }

    deinit { finish() }

    /// Appends `bytes`, retrying interrupted and partial writes.
    func append(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let n = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw ServiceError(.unavailable, "Cannot stage the upload: \(String(cString: strerror(errno))).")
            }
            offset += n
        }
    }

    /// Closes the file (once; later calls do nothing).
    func finish() {
        guard descriptor >= 0 else { return }
        _ = close(descriptor)
        descriptor = -1
    }
}
