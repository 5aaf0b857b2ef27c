import Foundation
import Hummingbird
import StoreOpsServices
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where uploads wait while they are imported: a folder only this user can enter (0700), one sub-folder per upload
/// named after the server's process (`PID-UUID`), and the file in it readable by this user alone (0600). Exports
/// hold customer data, so every upload is removed when its request ends, and at start the folders of servers
/// that no longer run (a crash, kill -9) are removed too.
public struct UploadStaging: Sendable {
    public let root: URL

    /// The default folder: `storeops-uploads-UID` in the system's temporary folder.
    public static var defaultRoot: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("storeops-uploads-\(geteuid())", isDirectory: true)
    }

    /// Creates the root folder when missing and checks that it is a real folder of this user that no one else can
    /// enter: a folder someone else made in a shared /tmp could read every upload.
    public init(root: URL = UploadStaging.defaultRoot) throws {
        self.root = root
        if mkdir(root.path, 0o700) != 0 && errno != EEXIST {
            throw ServiceError(.invalidInput, "Cannot create the upload folder \(root.path): \(String(cString: strerror(errno))).")
        }
        var info = stat()
        guard lstat(root.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == geteuid() else {
            throw ServiceError(.invalidInput, "\(root.path) is not a folder of this user (or is a link); remove it or choose "
                + "another upload folder.")
        }
        if info.st_mode & 0o077 != 0, chmod(root.path, 0o700) != 0 {
            throw ServiceError(.invalidInput, "Cannot make \(root.path) private (mode 0700): \(String(cString: strerror(errno))).")
        }
    }

    /// Removes the uploads of server processes that are gone. Returns how many were removed.
    @discardableResult
    public func removeLeftovers() -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        var removed = 0
        for entry in entries {
            guard let dash = entry.firstIndex(of: "-"), let pid = pid_t(entry[..<dash]), pid > 0 else { continue }
            // kill(pid, 0) fails with ESRCH only when no such process exists.
            guard pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            if (try? FileManager.default.removeItem(at: root.appendingPathComponent(entry))) != nil { removed += 1 }
        }
        return removed
    }

    /// Writes `body` to a new private file named `name`, refusing more than `limit` bytes. The caller removes the
    /// file with `remove` on every path; a failure here removes it already.
    public func stage(_ body: RequestBody, name: String, limit: Int) async throws -> URL {
        let folder = root.appendingPathComponent("\(getpid())-\(UUID().uuidString)", isDirectory: true)
        guard mkdir(folder.path, 0o700) == 0 else {
            throw ServiceError(.invalidInput, "Cannot create an upload folder in \(root.path): \(String(cString: strerror(errno))).")
        }
        let file = folder.appendingPathComponent(name)
        do {
            let fd = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw ServiceError(.invalidInput, "Cannot stage the upload: \(String(cString: strerror(errno))).") }
            defer { close(fd) }
            var written = 0
            for try await chunk in body {
                written += chunk.readableBytes
                guard written <= limit else { throw UploadTooLarge(limit: limit) }
                try chunk.withUnsafeReadableBytes { bytes in
                    var offset = 0
                    while offset < bytes.count {
                        let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                        if n < 0 {
                            if errno == EINTR { continue }
                            throw ServiceError(.unavailable, "Cannot stage the upload: \(String(cString: strerror(errno))).")
                        }
                        offset += n
                    }
                }
            }
            return file
        } catch {
            remove(file)
            throw error
        }
    }

    /// Removes a staged file and its folder.
    public func remove(_ file: URL) {
        try? FileManager.default.removeItem(at: file.deletingLastPathComponent())
    }
}

/// An upload over the server's size limit.
struct UploadTooLarge: Error {
    let limit: Int
}
