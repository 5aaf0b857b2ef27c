import StoreOpsCore
import StoreOpsStorage

/// Passwords and the web workbench's sessions: a user signs in with their id and password and gets a session id
/// for a cookie; the database keeps only its SHA-256, and a CSRF token forms must carry back.
extension AccessService {
    /// How long a session signs its browser in.
    public static let sessionSeconds: Int64 = 7 * 86_400

    /// Sets a user's password (ending their sessions) after checking its length.
    public func setPassword(user id: String, _ password: String, hasher: PasswordHasher = PasswordHasher()) async throws {
        let user = try await requireUser(id)
        try PasswordHasher.check(password)
        try await database.setPasswordHash(user: user.id, await hasher.hash(password))
        try await database.removeSessions(user: user.id)
    }

    /// Changes the signed-in user's own password after checking their current one (counted by `throttle` like a
    /// sign-in, so a left-open browser cannot be used to guess it); every session of theirs ends, this one too.
    public func changePassword(current: String, new: String, as context: AccessContext, throttle: LoginThrottle,
                               hasher: PasswordHasher = PasswordHasher()) async throws {
        try PasswordHasher.check(new)
        let id = context.user.id.rawValue
        let matches = try await throttledCheck(user: id, address: nil, throttle: throttle) {
            try await hasher.verifyLimited(current, hash: try await database.passwordHash(user: context.user.id))
        }
        guard matches else { throw ServiceError(.invalidInput, "The current password is wrong. 当前密码不对。") }
        try await setPassword(user: id, new, hasher: hasher)
    }

    /// Signs `user` in with `password` from `address`: a new session (its id, for the cookie, is returned once) and
    /// what the user may reach. Wrong passwords are counted by `throttle`, which makes further attempts wait; an
    /// unknown user, a user without a password and a wrong password answer alike.
    public func signIn(user id: String, password: String, address: String?, throttle: LoginThrottle,
                       hasher: PasswordHasher = PasswordHasher()) async throws -> (sessionID: String, session: WebSession, context: AccessContext) {
        let now = clock()
        let user = try? await requireUser(id)
        let matches = try await throttledCheck(user: id, address: address, throttle: throttle) {
            let hash = if let user { try await database.passwordHash(user: user.id) } else { String?.none }
            // An unknown user, or one without a password, is checked against a decoy: it takes as long.
            return try await hasher.verifyLimited(password, hash: hash)
        }
        guard let user, matches else {
            throw ServiceError(.unauthorized, "Wrong user or password. 用户名或密码错误。")
        }
        let context = try await context(for: user)
        let sessionID = "sts_" + Self.randomHex()
        let session = WebSession(idSHA256: Self.hash(sessionID), user: user.id, csrfToken: Self.randomHex(), createdAt: now,
                                 expiresAt: Instant(seconds: now.seconds.addingReportingOverflow(Self.sessionSeconds).partialValue))
        try await database.saveSession(session)
        return (sessionID, session, context)
    }

    /// The session of a cookie's id and what its user may reach, read fresh; unauthorized when it is unknown, has
    /// ended, or its user is disabled.
    public func session(id sessionID: String) async throws -> (session: WebSession, context: AccessContext) {
        guard sessionID.hasPrefix("sts_"), sessionID.utf8.count <= 100,
              let session = try await database.session(idSHA256: Self.hash(sessionID)), session.expiresAt > clock() else {
            throw ServiceError(.unauthorized, "Please sign in. 请登录。")
        }
        guard let user = try await database.users().first(where: { $0.id == session.user }) else {
            throw ServiceError(.unauthorized, "Please sign in. 请登录。")
        }
        return (session, try await context(for: user))
    }

    /// Ends the session of a cookie's id (nothing when there is none).
    public func signOut(sessionID: String) async throws {
        try await database.removeSession(idSHA256: Self.hash(sessionID))
    }

    /// Whether `check` passes, counted by `throttle` for `id` from `address`: the attempt is counted before the
    /// check (parallel guesses cannot all slip through while one is checked) and refused while the throttle says
    /// wait; a check that fails for load, not for the password, does not count; a pass clears the count.
    func throttledCheck(user id: String, address: String?, throttle: LoginThrottle,
                        _ check: () async throws -> Bool) async throws -> Bool {
        let wait = throttle.attempt(user: id, address: address, now: clock())
        guard wait == 0 else {
            throw ServiceError(.tooManyRequests, "Too many wrong passwords: try again in \(wait) s. 密码错误次数过多，请 \(wait) 秒后再试。")
        }
        let matches: Bool
        do {
            matches = try await check()
        } catch {
            throttle.release(user: id, address: address)
            throw error
        }
        if matches { throttle.succeeded(user: id, address: address) }
        return matches
    }

    /// 32 random bytes in hex.
    static func randomHex() -> String {
        var generator = SystemRandomNumberGenerator()
        return SHA256.hex((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }
}
