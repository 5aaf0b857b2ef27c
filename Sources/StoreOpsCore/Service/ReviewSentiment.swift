/// How a review rates the item: good (好评), neutral (中评) or bad (差评).
public enum ReviewSentiment: String, Sendable, Codable, CaseIterable {
    case good, neutral, bad
}
