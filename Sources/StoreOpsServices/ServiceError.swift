/// A use-case failure a user can act on. `description` says what failed and how to fix it.
public struct ServiceError: Error, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        case invalidInput = "invalid_input"
        case notFound = "not_found"
        case conflict
        /// No valid credentials were given.
        case unauthorized
        /// The user's role does not allow this.
        case forbidden
        /// The request is larger than allowed.
        case tooLarge = "too_large"
        /// The server cannot take this now (too many uploads at once, a full disk): try again later.
        case unavailable
        /// Too many attempts (wrong passwords): wait before the next.
        case tooManyRequests = "too_many_requests"
        /// A figure the request would make passes what can be stored (a day's sales beyond 64 bits).
        case outOfRange = "out_of_range"
        /// The database failed in a way the user cannot fix; `message` is for the server's log, not for them.
        case storage
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
