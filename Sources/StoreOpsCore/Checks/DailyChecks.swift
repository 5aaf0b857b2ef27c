/// All the morning checks over one store's day: every rule's findings, grouped by section (in the operator's
/// order) and, within a section, the most money at stake first (unpriced findings last, by severity).
public struct DailyChecks: Sendable {
    public let settings: CheckSettings

    public init(settings: CheckSettings = CheckSettings()) { self.settings = settings }

    public func run(_ input: CheckInput) -> [Finding] {
        let all = AfterSalesCheck().run(input, settings) + LogisticsCheck().run(input, settings) + StockCheck().run(input, settings)
            + PageHealthCheck().run(input, settings) + KeywordCheck().run(input, settings) + AdsCheck().run(input, settings)
            + AgentCheck().run(input, settings) + ReviewCheck().run(input, settings) + ScoreCheck().run(input, settings)
            + CompetitorCheck().run(input, settings) + RankCheck().run(input, settings) + ListingCheck().run(input, settings)
        // A check whose facts the store lacks reports nothing, whatever partial data it saw.
        let findings = all.filter { finding in !finding.check.needs.contains(where: input.missing.contains) }
        return findings.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.section != y.section { return x.section < y.section }
            switch (x.atStake, y.atStake) {
            case let (p?, q?) where p.minor != q.minor: return p.minor > q.minor
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            if x.severity != y.severity { return x.severity > y.severity }
            return a.offset < b.offset
        }.map(\.element)
    }
}
