import Foundation

/// Runs blocking work (a socket read, waiting for a child process) on a thread of its own. Swift's cooperative pool
/// has one thread per core, two on CI: two tests blocked in `recv` there held both while the server they waited
/// for, running in the same process, needed one to answer, and neither moved until a read timed out.
public enum OffPool {
    /// The result of `work`, run on a new thread while the caller is suspended.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }

    /// The result of throwing `work`, run on a new thread while the caller is suspended.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}
