import Foundation
import NIOCore
import PostgresNIO

/// The connection closed while a statement waited for its answer.
struct ConnectionClosed: Error, CustomStringConvertible {
    var description: String { "the connection to the PostgreSQL server closed" }
}

extension PostgresConnection {
    /// Runs `work` (one statement and the reading of its rows) but gives up with `ConnectionClosed` as soon as the
    /// connection closes. postgres-nio hands a statement to a channel whose handlers are already gone without failing
    /// its answer (the statement then waits forever), so a server that dies between two statements of an import would
    /// otherwise hang the import. The abandoned wait is left to end with the connection.
    func unlessClosed<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        if isClosed { throw ConnectionClosed() }
        let outcome = FirstOutcome<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                outcome.install(continuation)
                let watch = ClosingWatch.shared.watch(self) { outcome.finish(.failure(ConnectionClosed())) }
                let task = Task {
                    do { outcome.finish(.success(try await work())) } catch { outcome.finish(.failure(error)) }
                    ClosingWatch.shared.unwatch(watch)
                }
                outcome.whenCancelled { task.cancel() }
            }
        } onCancel: {
            outcome.cancel()
        }
    }
}

/// Resumes a continuation with the first of several outcomes (the statement's, or its connection's closing).
private final class FirstOutcome<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var cancelled = false
    private var cancelHandler: (@Sendable () -> Void)?

    func install(_ continuation: CheckedContinuation<T, any Error>) {
        lock.withLock { self.continuation = continuation }
    }

    func finish(_ result: Result<T, any Error>) {
        let waiting = lock.withLock { () -> CheckedContinuation<T, any Error>? in
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume(with: result)
    }

    /// Runs `handler` when the caller is cancelled (at once if it already was).
    func whenCancelled(_ handler: @escaping @Sendable () -> Void) {
        let now = lock.withLock { () -> Bool in cancelHandler = handler; return cancelled }
        if now { handler() }
    }

    func cancel() {
        let handler = lock.withLock { () -> (@Sendable () -> Void)? in cancelled = true; return cancelHandler }
        handler?()
    }
}

/// Tells the statements waiting on a connection that it closed. One close callback per connection (not one per
/// statement, which would pile up on a long-lived pooled connection).
private final class ClosingWatch: @unchecked Sendable {
    static let shared = ClosingWatch()
    private let lock = NSLock()
    private var waiting: [ObjectIdentifier: [Int: @Sendable () -> Void]] = [:]
    private var nextToken = 0

    /// A registration: the connection and the statement's token.
    struct Registration: Sendable {
        let key: ObjectIdentifier
        let token: Int
    }

    /// Calls `closed` if `connection` closes before `unwatch` (at once if it is closed already).
    func watch(_ connection: PostgresConnection, closed: @escaping @Sendable () -> Void) -> Registration {
        let key = ObjectIdentifier(connection)
        let (token, first) = lock.withLock { () -> (Int, Bool) in
            nextToken += 1
            let first = waiting[key] == nil
            waiting[key, default: [:]][nextToken] = closed
            return (nextToken, first)
        }
        if first {
            connection.closeFuture.whenComplete { [self] _ in
                let handlers = lock.withLock { waiting.removeValue(forKey: key) ?? [:] }
                for handler in handlers.values { handler() }
            }
        }
        return Registration(key: key, token: token)
    }

    /// Forgets a statement that has its answer.
    func unwatch(_ registration: Registration) {
        lock.withLock { _ = waiting[registration.key]?.removeValue(forKey: registration.token) }
    }
}
