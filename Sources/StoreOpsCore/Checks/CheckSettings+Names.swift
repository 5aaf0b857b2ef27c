extension CheckSettings {
    /// A threshold's stable name (as stored per store and typed in `storeops settings set NAME VALUE`).
    public enum Name: String, Sendable, CaseIterable {
        case windowDays = "window_days"
        case keywordMinClicks = "keyword_min_clicks"
        case keywordMinImpressions = "keyword_min_impressions"
        case raiseBidROASFactor = "raise_bid_roas_factor"
        case raiseBidRankWorseThan = "raise_bid_rank_worse_than"
        case lowerBidFrom = "lower_bid_roas_from"
        case lowerBidTo = "lower_bid_roas_to"
        case lowerBidCPCFactor = "lower_bid_cpc_factor"
        case deleteSpendFactor = "delete_spend_factor"
        case deleteCTRShare = "delete_ctr_share"
        case budgetHour = "budget_hour"
        case adShareLimit = "ad_share_limit"
        case lowCTRShare = "low_ctr_share"
        case agentConversionFloor = "agent_conversion_floor"
        case agentBelowTeamShare = "agent_below_team_share"
        case firstResponseLimitSeconds = "first_response_limit_seconds"
        case answeredWithin3MinFloor = "answered_within_3min_floor"
        case afterSalesWindowDays = "after_sales_window_days"
        case refundDueSoonHours = "refund_due_soon_hours"
        case skuRefundRateFactor = "sku_refund_rate_factor"
        case skuRefundMinRefunds = "sku_refund_min_refunds"
        case skuRefundSignificance = "sku_refund_significance"
        case complaintDueSoonHours = "complaint_due_soon_hours"
        case shipWithinHours = "ship_within_hours"
        case stalledAfterHours = "stalled_after_hours"
        case bigOrderAmount = "big_order_amount"
        case coverWindowDays = "cover_window_days"
        case safetyDays = "safety_days"
        case defaultLeadTimeDays = "default_lead_time_days"
        case targetCoverDays = "target_cover_days"
        case slowMoverDays = "slow_mover_days"
        case slowMoverMinUnits = "slow_mover_min_units"
        case stockCountMaxAgeDays = "stock_count_max_age_days"
        case presaleDueDays = "presale_due_days"
        case pageHealthWeekday = "page_health_weekday"
        case pageAOVRatioFloor = "page_aov_ratio_floor"
        case bounceRateCeiling = "bounce_rate_ceiling"
        case visitDepthFloor = "visit_depth_floor"
        case topItemsByTraffic = "top_items_by_traffic"
        case replyWithinHours = "reply_within_hours"
        case dsrDrop = "dsr_drop"
        case priceCutShare = "price_cut_share"
        case salesJumpShare = "sales_jump_share"
        case launchWithinDays = "launch_within_days"
        case pageOneSize = "page_one_size"
        case titleMaxBytes = "title_max_bytes"
        case titleMinBytes = "title_min_bytes"
        case priceFloorShare = "price_floor_share"
        case heroGMVShare = "hero_gmv_share"

        /// How the value is written.
        public var unit: Unit {
            switch self {
            case .raiseBidROASFactor, .lowerBidFrom, .lowerBidTo, .lowerBidCPCFactor, .deleteCTRShare, .adShareLimit, .lowCTRShare,
                 .agentConversionFloor, .agentBelowTeamShare, .answeredWithin3MinFloor, .skuRefundRateFactor, .skuRefundSignificance, .pageAOVRatioFloor,
                 .bounceRateCeiling, .visitDepthFloor, .priceCutShare, .salesJumpShare, .priceFloorShare,
                 .heroGMVShare: .ratio
            case .bigOrderAmount: .money
            case .dsrDrop: .score
            default: .integer
            }
        }

        /// Bounds of integer settings (inclusive).
        var range: ClosedRange<Int> {
            switch self {
            case .budgetHour: 1...24
            case .pageHealthWeekday: 1...7
            case .windowDays, .afterSalesWindowDays, .coverWindowDays, .slowMoverDays: 1...366
            case .stockCountMaxAgeDays: 0...366
            default: 0...1_000_000
            }
        }
    }

    /// The kinds of setting values.
    public enum Unit: String, Sendable {
        /// A whole number.
        case integer
        /// A decimal ("1.5") or a percentage ("70%").
        case ratio
        /// An amount in the store's currency ("3000" or "2999.50").
        case money
        /// A score difference with up to four decimals ("0.02").
        case score
    }
}

extension CheckSettings.Unit {
    /// What a valid value looks like.
    var example: String {
        switch self {
        case .integer: "a whole number, e.g. 30"
        case .ratio: "a decimal or a percentage, e.g. 1.5 or 70%"
        case .money: "an amount, e.g. 3000 or 2999.50"
        case .score: "a score with up to four decimals, e.g. 0.02"
        }
    }
}

extension CheckSettings {
    /// Why a setting could not be read.
    public enum SettingError: Error, Hashable, Sendable, CustomStringConvertible {
        case unknownName(String)
        case invalidValue(name: String, value: String, unit: Unit)

        public var description: String {
            switch self {
            case .unknownName(let name):
                "unknown setting \"\(name)\"; `storeops settings get --store ID` lists every name"
            case let .invalidValue(name, value, unit):
                "setting \(name): \"\(value)\" is not a valid \(unit.rawValue) (\(unit.example))"
            }
        }
    }

    /// The settings with `overrides` (name -> text) applied over the defaults; `minorDigits` is the store
    /// currency's.
    public init(overrides: [String: String], minorDigits: Int = 2) throws(SettingError) {
        self.init()
        for (name, text) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let key = Name(rawValue: name) else { throw .unknownName(name) }
            try set(key, text, minorDigits: minorDigits)
        }
    }

    /// Sets one threshold from its text form.
    public mutating func set(_ name: Name, _ text: String, minorDigits: Int = 2) throws(SettingError) {
        let text = text.trimmingSpaces
        let invalid = SettingError.invalidValue(name: name.rawValue, value: text, unit: name.unit)
        switch name.unit {
        case .integer:
            guard let n = Int(text), name.range.contains(n) else { throw invalid }
            setInteger(name, n)
        case .ratio:
            guard let r = Self.parseRatio(text), r.numerator >= 0 else { throw invalid }
            setRatio(name, r)
        case .money:
            guard let minor = Money.parseMinor(text, digits: minorDigits), minor >= 0 else { throw invalid }
            bigOrderMinor = minor
        case .score:
            guard let v = Money.parseMinor(text, digits: 4), v >= 0, v <= 50_000 else { throw invalid }
            dsrDropTenThousandths = Int(v)
        }
    }

    /// A threshold's text form, as `set` reads it.
    public func text(_ name: Name, minorDigits: Int = 2) -> String {
        switch name.unit {
        case .integer: String(integer(name))
        case .ratio: Self.format(ratio(name))
        case .money: Money.decimalString(minor: bigOrderMinor, digits: minorDigits)
        case .score: Money.decimalString(minor: Int64(dsrDropTenThousandths), digits: 4)
        }
    }

    func integer(_ name: Name) -> Int {
        switch name {
        case .windowDays: windowDays
        case .keywordMinClicks: keywordMinClicks
        case .keywordMinImpressions: keywordMinImpressions
        case .raiseBidRankWorseThan: raiseBidRankWorseThan
        case .deleteSpendFactor: deleteSpendFactor
        case .budgetHour: budgetHour
        case .firstResponseLimitSeconds: firstResponseLimitSeconds
        case .afterSalesWindowDays: afterSalesWindowDays
        case .refundDueSoonHours: refundDueSoonHours
        case .skuRefundMinRefunds: skuRefundMinRefunds
        case .complaintDueSoonHours: complaintDueSoonHours
        case .shipWithinHours: shipWithinHours
        case .stalledAfterHours: stalledAfterHours
        case .coverWindowDays: coverWindowDays
        case .safetyDays: safetyDays
        case .defaultLeadTimeDays: defaultLeadTimeDays
        case .targetCoverDays: targetCoverDays
        case .slowMoverDays: slowMoverDays
        case .slowMoverMinUnits: slowMoverMinUnits
        case .stockCountMaxAgeDays: stockCountMaxAgeDays
        case .presaleDueDays: presaleDueDays
        case .pageHealthWeekday: pageHealthWeekday
        case .topItemsByTraffic: topItemsByTraffic
        case .replyWithinHours: replyWithinHours
        case .launchWithinDays: launchWithinDays
        case .pageOneSize: pageOneSize
        case .titleMaxBytes: titleMaxBytes
        case .titleMinBytes: titleMinBytes
        default: 0
        }
    }

    mutating func setInteger(_ name: Name, _ n: Int) {
        switch name {
        case .windowDays: windowDays = n
        case .keywordMinClicks: keywordMinClicks = n
        case .keywordMinImpressions: keywordMinImpressions = n
        case .raiseBidRankWorseThan: raiseBidRankWorseThan = n
        case .deleteSpendFactor: deleteSpendFactor = n
        case .budgetHour: budgetHour = n
        case .firstResponseLimitSeconds: firstResponseLimitSeconds = n
        case .afterSalesWindowDays: afterSalesWindowDays = n
        case .refundDueSoonHours: refundDueSoonHours = n
        case .skuRefundMinRefunds: skuRefundMinRefunds = n
        case .complaintDueSoonHours: complaintDueSoonHours = n
        case .shipWithinHours: shipWithinHours = n
        case .stalledAfterHours: stalledAfterHours = n
        case .coverWindowDays: coverWindowDays = n
        case .safetyDays: safetyDays = n
        case .defaultLeadTimeDays: defaultLeadTimeDays = n
        case .targetCoverDays: targetCoverDays = n
        case .slowMoverDays: slowMoverDays = n
        case .slowMoverMinUnits: slowMoverMinUnits = n
        case .stockCountMaxAgeDays: stockCountMaxAgeDays = n
        case .presaleDueDays: presaleDueDays = n
        case .pageHealthWeekday: pageHealthWeekday = n
        case .topItemsByTraffic: topItemsByTraffic = n
        case .replyWithinHours: replyWithinHours = n
        case .launchWithinDays: launchWithinDays = n
        case .pageOneSize: pageOneSize = n
        case .titleMaxBytes: titleMaxBytes = n
        case .titleMinBytes: titleMinBytes = n
        default: break
        }
    }

    func ratio(_ name: Name) -> Ratio {
        switch name {
        case .raiseBidROASFactor: raiseBidROASFactor
        case .lowerBidFrom: lowerBidFrom
        case .lowerBidTo: lowerBidTo
        case .lowerBidCPCFactor: lowerBidCPCFactor
        case .deleteCTRShare: deleteCTRShare
        case .adShareLimit: adShareLimit
        case .lowCTRShare: lowCTRShare
        case .agentConversionFloor: agentConversionFloor
        case .agentBelowTeamShare: agentBelowTeamShare
        case .answeredWithin3MinFloor: answeredWithin3MinFloor
        case .skuRefundRateFactor: skuRefundRateFactor
        case .skuRefundSignificance: skuRefundSignificance
        case .pageAOVRatioFloor: pageAOVRatioFloor
        case .bounceRateCeiling: bounceRateCeiling
        case .visitDepthFloor: visitDepthFloor
        case .priceCutShare: priceCutShare
        case .salesJumpShare: salesJumpShare
        case .priceFloorShare: priceFloorShare
        case .heroGMVShare: heroGMVShare
        default: Ratio(0, 1)
        }
    }

    mutating func setRatio(_ name: Name, _ r: Ratio) {
        switch name {
        case .raiseBidROASFactor: raiseBidROASFactor = r
        case .lowerBidFrom: lowerBidFrom = r
        case .lowerBidTo: lowerBidTo = r
        case .lowerBidCPCFactor: lowerBidCPCFactor = r
        case .deleteCTRShare: deleteCTRShare = r
        case .adShareLimit: adShareLimit = r
        case .lowCTRShare: lowCTRShare = r
        case .agentConversionFloor: agentConversionFloor = r
        case .agentBelowTeamShare: agentBelowTeamShare = r
        case .answeredWithin3MinFloor: answeredWithin3MinFloor = r
        case .skuRefundRateFactor: skuRefundRateFactor = r
        case .skuRefundSignificance: skuRefundSignificance = r
        case .pageAOVRatioFloor: pageAOVRatioFloor = r
        case .bounceRateCeiling: bounceRateCeiling = r
        case .visitDepthFloor: visitDepthFloor = r
        case .priceCutShare: priceCutShare = r
        case .salesJumpShare: salesJumpShare = r
        case .priceFloorShare: priceFloorShare = r
        case .heroGMVShare: heroGMVShare = r
        default: break
        }
    }

    /// "1.5" -> 3/2, "70%" -> 7/10, "1/3" -> 1/3 (in lowest terms).
    static func parseRatio(_ text: String) -> Ratio? {
        parseRatioTerms(text).map { r in
            var (a, b) = (abs(r.numerator), r.denominator)
            while b != 0 { (a, b) = (b, a % b) }
            return a > 1 ? Ratio(r.numerator / a, r.denominator / a) : r
        }
    }

    static func parseRatioTerms(_ text: String) -> Ratio? {
        if text.hasSuffix("%") {
            guard let v = Money.parseMinor(String(text.dropLast()).trimmingSpaces, digits: 4) else { return nil }
            return Ratio(v, 1_000_000)
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let n = Int64(parts[0].trimmingSpaces), let d = Int64(parts[1].trimmingSpaces), d > 0 else { return nil }
            return Ratio(n, d)
        }
        guard let v = Money.parseMinor(text, digits: 6) else { return nil }
        return Ratio(v, 1_000_000)
    }

    /// A ratio as the shortest exact decimal (up to 6 places), or as a fraction when it has no short decimal.
    static func format(_ r: Ratio) -> String {
        guard r.denominator != 0 else { return "0" }
        if (r.numerator * 1_000_000) % r.denominator == 0 {
            var text = Money.decimalString(minor: r.numerator * 1_000_000 / r.denominator, digits: 6)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text
        }
        return "\(r.numerator)/\(r.denominator)"
    }
}

private extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
