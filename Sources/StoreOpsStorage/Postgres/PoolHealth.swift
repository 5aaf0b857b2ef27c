import Foundation

/// Whether a PostgreSQL pool lost its server recently. After a loss, requests bypass the pool for `window` seconds
/// (the pool's own reconnection backs off and refuses requests while it waits).
final class PoolHealth: @unchecked Sendable {
    private let lock = NSLock()
    private var suspectUntil: Date = .distantPast
    let window: TimeInterval

    init(window: TimeInterval = 120) {
        self.window = window
    }

    /// True while requests should not use the pool.
    var isSuspect: Bool {
        lock.lock(); defer { lock.unlock() }
        return Date() < suspectUntil
    }

    /// Notes that the server was lost now.
    func lost() {
        lock.lock(); defer { lock.unlock() }
        suspectUntil = Date().addingTimeInterval(window)
    }
}
