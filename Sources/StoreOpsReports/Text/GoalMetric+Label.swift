import StoreOpsCore

extension GoalMetric {
    /// The figure's name as operators say it.
    public func label(_ l: Language) -> String {
        switch self {
        case .gmv: l.pick("支付金额", "GMV")
        case .netProfit: l.pick("净利", "Net profit")
        case .adSpend: l.pick("推广花费", "Ad spend")
        case .roas: l.pick("投入产出比", "ROAS")
        case .ctr: l.pick("点击率", "CTR")
        case .conversionRate: l.pick("支付转化率", "Conversion")
        case .inquiryConversion: l.pick("询单转化率", "Inquiry conversion")
        case .responseSeconds: l.pick("首次响应(秒)", "First response (s)")
        }
    }

    /// A value in the figure's unit as shown: money grouped, ROAS with two decimals, rates as percentages, seconds
    /// with one decimal. `scaled` says a rate is in ten-thousandths (a target) rather than a ratio (an actual).
    public func display(_ value: Double, currency: Currency, scaled: Bool) -> String {
        switch unit {
        case .money:
            return Int64(exactly: value.rounded()).map { Money(minor: $0, currency: currency).groupedString } ?? "—"
        case .seconds: return Self.decimal(value, digits: 1)
        case .rate:
            let ratio = scaled ? value / 10_000 : value
            return self == .roas ? Self.decimal(ratio, digits: 2) : Self.decimal(ratio * 100, digits: 2) + "%"
        }
    }

    static func decimal(_ value: Double, digits: Int) -> String {
        let scale = digits == 1 ? 10.0 : 100.0
        guard let minor = Int64(exactly: (value * scale).rounded()) else { return "—" }
        return Money.decimalString(minor: minor, digits: digits)
    }
}

extension ItemRole {
    /// The role as operators name it.
    public func label(_ l: Language) -> String {
        switch self {
        case .traffic: l.pick("引流款", "traffic")
        case .profit: l.pick("利润款", "profit")
        case .converter: l.pick("转化款", "converter")
        case .rising: l.pick("潜力款", "rising")
        }
    }
}
