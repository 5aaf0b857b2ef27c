/// What a user may do where a grant gives them this role. Each role includes the ones before it.
public enum Role: String, Sendable, CaseIterable, Comparable {
    /// Reads numbers, reports and checks.
    case viewer
    /// Also imports files and edits targets, costs and tasks.
    case `operator`
    /// Also creates stores and manages the client's users and grants.
    case admin

    /// Whether this role allows `action`.
    public func permits(_ action: AccessAction) -> Bool {
        switch action {
        case .read: true
        case .write: self >= .operator
        case .manage: self == .admin
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The kinds of access a service call needs.
public enum AccessAction: String, Sendable {
    case read, write, manage
}
