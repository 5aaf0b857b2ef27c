import StoreOpsCore

extension StoreOverview {
    /// A line's figures in a form to keep between requests (a `KeptReport`'s body, as JSON): everything but the store,
    /// which is read afresh (its name may change without its data changing).
    public struct Kept: Codable, Sendable, Equatable {
        var day: String
        var gmv: Value
        var netProfit: Value
        /// A ratio as [numerator, denominator].
        var dayAttainment: [Int64]?
        var mtdAttainment: [Int64]?
        var trend: [Value]
        var critical: Int
        var warnings: Int
        var infos: Int
        var atStake: Value
        var notRun: Int

        /// One figure: its kind (money, count, rate, score, none) and integer parts.
        struct Value: Codable, Sendable, Equatable {
            var kind: String
            var a: Int64?
            var b: Int64?
            var currency: String?
        }
    }

    /// The line's figures to keep.
    public var kept: Kept {
        Kept(day: day.iso, gmv: Kept.Value(gmv), netProfit: Kept.Value(netProfit),
             dayAttainment: dayAttainment.map { [$0.numerator, $0.denominator] },
             mtdAttainment: mtdAttainment.map { [$0.numerator, $0.denominator] }, trend: trend.map(Kept.Value.init),
             critical: critical, warnings: warnings, infos: infos,
             atStake: Kept.Value(atStake.map(MetricValue.money) ?? .noData), notRun: notRun)
    }

    /// The line of `store` from its kept figures; nil when they do not read back (kept by another version), so that the
    /// caller computes the line instead.
    public init?(store: Store, kept: Kept) {
        func ratio(_ parts: [Int64]?) -> Ratio?? {
            guard let parts else { return .some(nil) }
            return parts.count == 2 ? .some(Ratio(parts[0], parts[1])) : nil
        }
        guard let day = Day(iso: kept.day), let gmv = kept.gmv.metric, let netProfit = kept.netProfit.metric,
              let dayAttainment = ratio(kept.dayAttainment), let mtdAttainment = ratio(kept.mtdAttainment),
              let atStake = kept.atStake.metric, kept.trend.count == 14 else { return nil }
        let trend = kept.trend.compactMap(\.metric)
        guard trend.count == kept.trend.count else { return nil }
        let stake: Money?
        switch atStake {
        case .money(let m): stake = m
        case .noData: stake = nil
        default: return nil
        }
        self.init(store: store, day: day, gmv: gmv, netProfit: netProfit, dayAttainment: dayAttainment,
                  mtdAttainment: mtdAttainment, trend: trend, critical: kept.critical, warnings: kept.warnings,
                  infos: kept.infos, atStake: stake, notRun: kept.notRun)
    }
}

extension StoreOverview.Kept.Value {
    init(_ value: MetricValue) {
        switch value {
        case .money(let m): self.init(kind: "money", a: m.minor, b: nil, currency: m.currency.code)
        case .count(let c): self.init(kind: "count", a: c, b: nil, currency: nil)
        case .rate(let r): self.init(kind: "rate", a: r.numerator, b: r.denominator, currency: nil)
        case .score(let s): self.init(kind: "score", a: Int64(s), b: nil, currency: nil)
        case .noData: self.init(kind: "none", a: nil, b: nil, currency: nil)
        }
    }

    /// The figure; nil when the parts do not make one.
    var metric: MetricValue? {
        switch (kind, a, b, currency) {
        case ("money", let a?, nil, let code?) where Currency.isValidCode(code):
            .money(Money(minor: a, currency: Currency(code)))
        case ("count", let a?, nil, nil): .count(a)
        case ("rate", let a?, let b?, nil): .rate(Ratio(a, b))
        case ("score", let a?, nil, nil): Int(exactly: a).map { .score($0) }
        case ("none", nil, nil, nil): .noData
        default: nil
        }
    }
}
