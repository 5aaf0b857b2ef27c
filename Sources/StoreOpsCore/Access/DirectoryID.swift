/// The identifier of a workspace, client or user: the same short form as a store id (`a-z 0-9 - _`, 1-64
/// characters), typed by what it names so that a client id cannot be passed where a user id belongs.
public struct DirectoryID<Kind: DirectoryKind>: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    /// Creates an id; nil unless it is 1-64 characters of `a-z 0-9 - _` starting with a letter or digit.
    public init?(_ rawValue: String) {
        guard StoreID.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        precondition(StoreID.isValid(value), "invalid \(Kind.noun) id literal \(value)")
        rawValue = value
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a `DirectoryID` names.
public protocol DirectoryKind: Sendable {
    /// The English noun, for messages.
    static var noun: String { get }
}

public enum WorkspaceKind: DirectoryKind { public static let noun = "workspace" }
public enum ClientKind: DirectoryKind { public static let noun = "client" }
public enum UserKind: DirectoryKind { public static let noun = "user" }

/// An agency's workspace id.
public typealias WorkspaceID = DirectoryID<WorkspaceKind>
/// A client's id (unique across workspaces).
public typealias ClientID = DirectoryID<ClientKind>
/// A user's id (unique across workspaces).
public typealias UserID = DirectoryID<UserKind>
