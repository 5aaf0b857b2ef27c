/// One versioned schema change, written in SQL that SQLite and PostgreSQL both accept (TEXT, BIGINT, no
/// backend-specific types). Backends may add their own statements (indexes, policies) per version.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let statements: [String]

    public init(version: Int, name: String, statements: [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }

    /// Every migration, in order. Append; never edit a released one.
    public static let all: [Migration] = [.v1Foundation, .v2Imports, .v3Shipping]
}
