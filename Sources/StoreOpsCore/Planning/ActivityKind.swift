/// A platform event (618, 双11, 聚划算) or a promotion the store runs itself.
public enum ActivityKind: String, Sendable, Codable, CaseIterable {
    case platformEvent = "platform_event"
    case selfRun = "self_run"
}

/// Where an activity stands.
public enum ActivityStatus: String, Sendable, Codable, CaseIterable {
    case planned, registered, running, ended
}
