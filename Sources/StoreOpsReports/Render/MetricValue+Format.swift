import StoreOpsCore

extension MetricValue {
    /// The value for JSON: money as a decimal string in major units, rates as plain decimals, counts as
    /// integers, DSR scores as decimals with four places, no data as null (domain guide §3).
    public var json: JSONValue {
        switch self {
        case .money(let m): .string(m.decimalString)
        case .count(let c): .int(c)
        case .rate(let r): r.decimalString(digits: 4).map { .number($0) } ?? .null
        case .score(let s): .number(Money.decimalString(minor: Int64(s), digits: 4))
        case .noData: .null
        }
    }

    /// The value for a CSV cell (same conventions as JSON; empty for no data).
    public var csv: String {
        switch self {
        case .money(let m): m.decimalString
        case .count(let c): String(c)
        case .rate(let r): r.decimalString(digits: 4) ?? ""
        case .score(let s): Money.decimalString(minor: Int64(s), digits: 4)
        case .noData: ""
        }
    }

    /// The value for people: grouped money, percentages for rates (or `x.xx` for ROAS-like ratios), `—` for no data.
    public func display(_ field: MasterField, language: Language) -> String {
        switch self {
        case .money(let m): return m.groupedString
        case .count(let c): return Money(minor: c, currency: Currency("JPY")).groupedString
        case .rate(let r):
            guard r.isDefined else { return "—" }
            if field.isRatioShownPlain { return r.decimalString(digits: 2) ?? "—" }
            return (Ratio(r.numerator * 100, r.denominator).decimalString(digits: 2) ?? "—") + "%"
        case .score(let s):
            let text = Money.decimalString(minor: Int64(s), digits: 4)
            return field.isChange && s > 0 ? "+" + text : text
        case .noData: return language.pick("无数据", "no data")
        }
    }
}

extension MasterField {
    /// ROAS and visit depth read as plain ratios (3.52), the other rates as percentages.
    var isRatioShownPlain: Bool {
        switch self {
        case .roas, .roasZtc, .roasDisplay, .roasFeed, .roasBrand, .roasWxt, .roasOther, .visitDepth, .breakEvenROAS: true
        default: false
        }
    }

    /// The DSR change fields.
    var isChange: Bool { self == .dsrDescriptionChange || self == .dsrServiceChange || self == .dsrLogisticsChange }
}

extension MetricValue {
    /// The change from `base` to this value: relative for money, counts and rates (`+2.5%`), the difference for
    /// scores; `—` when either is unknown or the base is zero.
    public func changeText(from base: MetricValue) -> String {
        switch (self, base) {
        case (.score(let a), .score(let b)):
            let d = a - b
            return (d > 0 ? "+" : "") + Money.decimalString(minor: Int64(d), digits: 4)
        default:
            guard let a = magnitude, let b = base.magnitude, b != 0 else { return "—" }
            let tenths = Int64(((a - b) / abs(b) * 1_000).rounded())
            return (tenths > 0 ? "+" : "") + Money.decimalString(minor: tenths, digits: 1) + "%"
        }
    }
}

extension MasterField {
    /// The fields worth showing in a table of several columns (`values` gives a field's value in each): those with data
    /// in any column; an ad channel only when it spent in one.
    public static func worthShowing(_ values: (MasterField) -> [MetricValue]) -> [MasterField] {
        allCases.filter { field in
            guard values(field).contains(where: \.hasData) else { return false }
            if let channel = AdChannel.allCases.first(where: { adSpend($0) == field || roas($0) == field }) {
                return values(adSpend(channel)).contains { if case .money(let m) = $0 { !m.isZero } else { false } }
            }
            return true
        }
    }
}
