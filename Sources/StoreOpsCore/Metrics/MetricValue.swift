/// One figure of a report, typed so that each renderer can show it right: money as decimals, rates from
/// their integer parts, scores in 1/10000.
public enum MetricValue: Hashable, Sendable {
    case money(Money)
    case count(Int64)
    case rate(Ratio)
    /// A score 0-5 in 1/10000 (DSR), or its change.
    case score(Int)
    /// No data for this figure.
    case noData

    /// Whether the figure has data.
    public var hasData: Bool {
        switch self {
        case .noData: false
        case .rate(let r): r.isDefined
        default: true
        }
    }

    /// A comparable magnitude (major units for money, the rate's value), for sparklines and changes; nil without data.
    public var magnitude: Double? {
        switch self {
        case .money(let m): Double(m.minor) / Double(m.currency.minorPerMajor)
        case .count(let c): Double(c)
        case .rate(let r): r.value
        case .score(let s): Double(s) / 10_000
        case .noData: nil
        }
    }
}
