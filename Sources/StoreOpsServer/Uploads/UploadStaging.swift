import Foundation
import Hummingbird
import StoreOpsServices
#if canImport(Glibc)
import Glibc
#if canImport(CDispatch)
// On Linux the members of `stat` count as CDispatch's for member import visibility.
import CDispatch
#endif
#elseif canImport(Darwin)
import Darwin
#endif

/// Where uploads wait while they are imported: a folder only this user can enter (0700), in it one session folder per
/// server process, and in that one folder per upload with the file readable by this user alone (0600). Exports hold
/// customer data, so every upload is removed when its request ends, and at start the sessions of servers that no
/// longer run (a crash, kill -9) are removed too. A session is alive while its server holds the `flock` on the
/// session's lock file beside it: the kernel drops the lock with the process, where a process id can come back (in
/// a container every server is process 1).
public final class UploadStaging: Sendable {
    public let root: URL
    /// This server's session folder, locked by `lock`.
    public let session: URL
    private let lock: Int32

    /// The default folder: `storeops-uploads-UID` in the system's temporary folder.
    public static var defaultRoot: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("storeops-uploads-\(geteuid())", isDirectory: true)
    }

    /// Creates the root folder when missing and checks that it is a real folder of this user that no one else can
    /// enter (a folder someone else made in a shared /tmp could read every upload), then opens this server's session.
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
        (session, lock) = try Self.openSession(in: root)
    }

    deinit {
        try? FileManager.default.removeItem(at: session)
        unlink(session.path + ".lock")
        close(lock)
    }

    /// Creates and locks `server-UUID.lock`, then makes the folder `server-UUID` beside it. Another server's clean-up
    /// may take the new lock file for a dead one's between its creation and the lock; then the file is gone, and a
    /// new session is tried.
    private static func openSession(in root: URL) throws -> (URL, Int32) {
        for _ in 0..<8 {
            let session = root.appendingPathComponent("server-\(UUID().uuidString)", isDirectory: true)
            let fd = open(session.path + ".lock", O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else { break }
            var held = stat(), named = stat()
            guard flock(fd, LOCK_EX) == 0, fstat(fd, &held) == 0, stat(session.path + ".lock", &named) == 0,
                  held.st_ino == named.st_ino else {
                close(fd)
                continue
            }
            guard mkdir(session.path, 0o700) == 0 else {
                unlink(session.path + ".lock")
                close(fd)
                break
            }
            return (session, fd)
        }
        throw ServiceError(.invalidInput, "Cannot open an upload session in \(root.path): \(String(cString: strerror(errno))).")
    }

    /// Removes the sessions of server processes that are gone (their lock is free), and any folder without a lock
    /// (left by an older StoreOps). Returns how many were removed.
    @discardableResult
    public func removeLeftovers() -> Int {
        let entries = Set((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
        var removed = 0
        for entry in entries where entry.hasSuffix(".lock") {
            let path = root.appendingPathComponent(entry).path
            let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
            let folder = String(entry.dropLast(".lock".count))
            if entries.contains(folder), (try? FileManager.default.removeItem(at: root.appendingPathComponent(folder))) != nil { removed += 1 }
            unlink(path)
        }
        for entry in entries where !entry.hasSuffix(".lock") && !entries.contains(entry + ".lock") {
            if (try? FileManager.default.removeItem(at: root.appendingPathComponent(entry))) != nil { removed += 1 }
        }
        return removed
    }

    /// Writes `body` to a new private file named `name`, refusing more than `limit` bytes or a body still arriving
    /// after `timeout`. The caller removes the file with `remove` on every path; a failure here removes it already.
    public func stage(_ body: RequestBody, name: String, limit: Int, timeout: Duration = .seconds(600)) async throws -> URL {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        let file = try create(name: name)
        do {
            defer { file.finish() }
            var written = 0
            for try await chunk in body {
                written += chunk.readableBytes
                guard written <= limit else { throw UploadTooLarge(limit: limit) }
                guard ContinuousClock.now < deadline else { throw UploadTimedOut(timeout: timeout) }
                try chunk.withUnsafeReadableBytes { try file.append($0) }
            }
            return file.url
        } catch {
            remove(file.url)
            throw error
        }
    }

    /// A new private file named `name` in a folder of its own, open for writing. The caller closes it and removes it
    /// with `remove` on every path.
    func create(name: String) throws -> StagedFile {
        let folder = session.appendingPathComponent(UUID().uuidString, isDirectory: true)
        guard mkdir(folder.path, 0o700) == 0 else {
            throw ServiceError(.invalidInput, "Cannot create an upload folder in \(session.path): \(String(cString: strerror(errno))).")
        }
        let file = folder.appendingPathComponent(name)
        let fd = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            remove(file)
            throw ServiceError(.invalidInput, "Cannot stage the upload: \(reason).")
        }
        return StagedFile(url: file, descriptor: fd)
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

/// An upload still arriving when its time ran out.
struct UploadTimedOut: Error {
    let timeout: Duration
}
