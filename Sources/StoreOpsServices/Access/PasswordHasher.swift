import Dispatch
import HummingbirdBcrypt
import Synchronization

/// Hashes and checks passwords with bcrypt on a Dispatch thread, so that a sign-in (about 0.2 s of CPU at cost 12)
/// holds neither an event loop nor one of Swift's few cooperative threads.
public struct PasswordHasher: Sendable {
    /// bcrypt's cost (log2 of its rounds) for new hashes; checking reads the cost from the hash.
    public let cost: UInt8
    /// The checks running through this hasher (and its copies): a server shares one hasher across its requests.
    private let admission = Admission()

    public init(cost: UInt8 = 12) { self.cost = min(max(cost, 4), 31) }

    /// A count of running checks, shared by a hasher's copies.
    private final class Admission: Sendable {
        let running = Mutex(0)
    }

    /// Passwords shorter than this are refused.
    public static let minimumLength = 10
    /// bcrypt reads at most 72 bytes: longer passwords are refused rather than cut.
    public static let maximumBytes = 72

    /// Throws what is wrong with `password`: too short, or longer than bcrypt reads.
    public static func check(_ password: String) throws {
        guard password.count >= minimumLength else {
            throw ServiceError(.invalidInput, "The password is too short: use at least \(minimumLength) characters. "
                + "密码太短：至少 \(minimumLength) 个字符。")
        }
        guard password.utf8.count <= maximumBytes else {
            throw ServiceError(.invalidInput, "The password is longer than \(maximumBytes) bytes, which bcrypt cannot "
                + "check in full; choose a shorter one. 密码超过 \(maximumBytes) 字节，请换一个短一些的。")
        }
    }

    /// The bcrypt hash of `password`.
    public func hash(_ password: String) async -> String {
        let cost = self.cost
        return await Self.offThread { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`; false for a hash that is not bcrypt's.
    public func verify(_ password: String, hash: String) async -> Bool {
        await Self.offThread { Bcrypt.verify(password, hash: hash) }
    }

    /// Checks `password` against a hash of no one's password at this hasher's cost, for a user who does not exist
    /// or has no password, so that the answer takes as long as for one who does.
    public func verifyDecoy(_ password: String) async -> Bool {
        let cost = self.cost
        let known = Self.decoys.withLock { $0[cost] }
        let decoy: String
        if let known { decoy = known } else {
            decoy = await Self.offThread { Bcrypt.hash("storeops decoy password", cost: cost) }
            Self.decoys.withLock { $0[cost] = decoy }
        }
        _ = await verify(password, hash: decoy)
        return false
    }

    /// The decoy hashes made so far, by cost.
    private static let decoys = Mutex<[UInt8: String]>([:])

    /// How many bcrypt checks may run at once through one hasher (the server's); a sign-in beyond it is refused
    /// (503) rather than queued, so a flood of sign-ins cannot take every core.
    public static let concurrentLimit = 8

    /// Checks `password` against `hash` if fewer than `concurrentLimit` checks are running, else refuses.
    public func verifyLimited(_ password: String, hash: String?) async throws -> Bool {
        let admitted = admission.running.withLock { count -> Bool in
            guard count < Self.concurrentLimit else { return false }
            count += 1
            return true
        }
        guard admitted else {
            throw ServiceError(.unavailable, "Too many sign-ins at once; try again in a few seconds. 同时登录的人太多，请几秒后再试。")
        }
        defer { admission.running.withLock { $0 -= 1 } }
        if let hash { return await verify(password, hash: hash) }
        return await verifyDecoy(password)
    }

    private static func offThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: body()) }
        }
    }
}
