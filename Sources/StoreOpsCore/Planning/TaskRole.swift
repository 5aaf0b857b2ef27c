/// Who a task is for (domain guide §1).
public enum TaskRole: String, Sendable, Codable, CaseIterable {
    case `operator`, ads, designer, service, content
}

/// Whether a task is still to do.
public enum TaskStatus: String, Sendable, Codable, CaseIterable {
    case open, done
}
