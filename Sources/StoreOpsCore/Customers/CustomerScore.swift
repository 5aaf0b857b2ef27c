/// One customer as the RFM segmentation sees them: the `lifetimes` summary, quintile scores and the segment.
public struct CustomerScore: Hashable, Sendable {
    public var rfm: CustomerRFM
    /// 1...5 from the days since the last purchase (T - recency): 5 for the most recent.
    public var recencyScore: Int
    /// 1...5 from `frequency`: 5 for the most repeat days.
    public var frequencyScore: Int
    /// 1...5 from the total spent (every purchase day); nil when the total is unknown.
    public var monetaryScore: Int?
    public var segment: CustomerSegment

    /// Days from the last purchase day to the end day.
    public var daysSinceLast: Int { rfm.tenure - rfm.recency }

    /// Scores every customer: a score is 1 + ⌊5 × (customers with a strictly worse value) / (customers scored)⌋,
    /// so customers with equal values share a score and the worst value always scores 1. Frequency is the exception,
    /// because most customers of a store buy once (frequency 0) and a quintile of ties says nothing: one-time
    /// customers score 1, and repeat customers 2 to 5 by the same rule among the repeat customers alone
    /// (2 + ⌊4 × (repeat customers with a strictly lower frequency) / (repeat customers)⌋).
    public static func scores(of summaries: [CustomerRFM]) -> [CustomerScore] {
        let recency = ranked(summaries.map { -Int64($0.tenure - $0.recency) }, bins: 5)
        let repeaters = summaries.indices.filter { summaries[$0].frequency > 0 }
        var frequency = [Int](repeating: 1, count: summaries.count)
        for (position, score) in ranked(repeaters.map { Int64(summaries[$0].frequency) }, bins: 4).enumerated() {
            frequency[repeaters[position]] = 1 + score
        }
        let known = summaries.indices.filter { summaries[$0].totalMinor != nil }
        let monetary = ranked(known.map { summaries[$0].totalMinor! }, bins: 5)
        var monetaryOf = [Int?](repeating: nil, count: summaries.count)
        for (position, index) in known.enumerated() { monetaryOf[index] = monetary[position] }
        return summaries.indices.map { i in
            CustomerScore(rfm: summaries[i], recencyScore: recency[i], frequencyScore: frequency[i], monetaryScore: monetaryOf[i],
                          segment: CustomerSegment(recency: recency[i], frequency: frequency[i]))
        }
    }

    /// The bin of each value (larger is better): 1 + ⌊bins × (values strictly smaller) / count⌋.
    static func ranked(_ values: [Int64], bins: Int) -> [Int] {
        guard !values.isEmpty else { return [] }
        let sorted = values.sorted()
        var below: [Int64: Int] = [:]
        for (position, value) in sorted.enumerated() where below[value] == nil { below[value] = position }
        return values.map { 1 + bins * below[$0, default: 0] / values.count }
    }
}
