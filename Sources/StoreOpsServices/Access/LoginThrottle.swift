import StoreOpsCore
import Synchronization

/// Slows down password guessing: after `freeFailures` wrong passwords in a row for an account, or from an address,
/// each further attempt must wait twice as long as the one before (1 s, 2 s, 4 s ... up to `maxWait`), whatever the
/// password. A success clears the account's and the address's count. Kept in memory by the server; bounded.
public final class LoginThrottle: Sendable {
    /// Wrong passwords allowed before the waits begin.
    public let freeFailures: Int
    /// The longest wait between attempts, in seconds.
    public let maxWait: Int64
    /// How many accounts and addresses are remembered; past it, entries whose wait is over are forgotten first.
    static let capacity = 10_000

    /// Failures in a row and when the last was, by key (`user:ID` or `addr:ADDRESS`).
    private let failures = Mutex<[String: (count: Int, last: Instant)]>([:])

    public init(freeFailures: Int = 5, maxWait: Int64 = 300) {
        self.freeFailures = freeFailures
        self.maxWait = maxWait
    }

    /// Seconds to wait before `user` may try again from `address` (0: may try now).
    public func wait(user: String, address: String?, now: Instant) -> Int64 {
        failures.withLock { table in Self.wait(table, Self.keys(user, address), now: now, delay: delay) }
    }

    /// Takes an attempt: 0 when it may go ahead, and then it counts as a wrong password until `succeeded` says
    /// otherwise (so attempts made at the same time cannot all pass while the first is being checked); otherwise the
    /// seconds to wait, and the attempt is not counted.
    public func attempt(user: String, address: String?, now: Instant) -> Int64 {
        failures.withLock { table in
            let wait = Self.wait(table, Self.keys(user, address), now: now, delay: delay)
            if wait == 0 { record(&table, user: user, address: address, now: now) }
            return wait
        }
    }

    /// Records a wrong password.
    public func failed(user: String, address: String?, now: Instant) {
        failures.withLock { table in record(&table, user: user, address: address, now: now) }
    }

    private func record(_ table: inout [String: (count: Int, last: Instant)], user: String, address: String?, now: Instant) {
        if table.count >= Self.capacity {
            // Forget first what no longer holds anyone back, then addresses; an account still waiting stays.
            table = table.filter { $0.value.last.seconds + delay(after: $0.value.count) > now.seconds }
            if table.count >= Self.capacity { table = table.filter { !$0.key.hasPrefix("addr:") } }
            if table.count >= Self.capacity {
                let newest = table.sorted { $0.value.last.seconds > $1.value.last.seconds }.prefix(Self.capacity / 2)
                table = Dictionary(uniqueKeysWithValues: newest.map { ($0.key, $0.value) })
            }
        }
        for key in Self.keys(user, address) {
            table[key] = (min((table[key]?.count ?? 0) + 1, 64), now)
        }
    }

    private static func wait(_ table: [String: (count: Int, last: Instant)], _ keys: [String], now: Instant,
                             delay: (Int) -> Int64) -> Int64 {
        keys.map { key -> Int64 in
            guard let entry = table[key] else { return 0 }
            let due = entry.last.seconds.addingReportingOverflow(delay(entry.count)).partialValue
            return max(0, due - now.seconds)
        }.max() ?? 0
    }

    /// Takes back an attempt `attempt` counted that was never checked (the server was too busy to check it).
    public func release(user: String, address: String?) {
        failures.withLock { table in
            for key in Self.keys(user, address) {
                guard let entry = table[key] else { continue }
                table[key] = entry.count > 1 ? (entry.count - 1, entry.last) : nil
            }
        }
    }

    /// Records a success: the account and the address start again (the attempt's own count included).
    public func succeeded(user: String, address: String?) {
        failures.withLock { table in for key in Self.keys(user, address) { table[key] = nil } }
    }

    /// The wait after `count` failures in a row.
    func delay(after count: Int) -> Int64 {
        let over = count - freeFailures
        guard over >= 0 else { return 0 }
        return min(Int64(1) << min(over, 20), maxWait)
    }

    static func keys(_ user: String, _ address: String?) -> [String] {
        ["user:" + user.lowercased()] + (address.map { ["addr:" + $0] } ?? [])
    }
}
