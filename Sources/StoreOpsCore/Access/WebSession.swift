/// A browser's signed-in session: the server keeps only the SHA-256 of the id the cookie carries, whose user it is,
/// the token every form and state-changing request must echo (CSRF), and when it ends.
public struct WebSession: Hashable, Sendable {
    /// SHA-256 (hex) of the session id in the cookie.
    public var idSHA256: String
    public var user: UserID
    /// The token forms carry back; compared in constant time.
    public var csrfToken: String
    public var createdAt: Instant
    /// After this the session no longer signs anyone in.
    public var expiresAt: Instant

    public init(idSHA256: String, user: UserID, csrfToken: String, createdAt: Instant, expiresAt: Instant) {
        self.idSHA256 = idSHA256
        self.user = user
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
