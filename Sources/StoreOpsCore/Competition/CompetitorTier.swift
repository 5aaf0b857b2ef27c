/// How a tracked competitor compares with us: a bigger store or a peer of the same size.
public enum CompetitorTier: String, Sendable, Codable, CaseIterable {
    case bigger, peer
}
