/// Paid-search keywords (domain guide §6), judged over the window against the advertised item's break-even ROAS:
/// delete (no orders after spending twice the margin of an order, or CTR under a third of the campaign's, or ROAS
/// under 0.7 x break-even), lower the bid (ROAS 0.7-1.0 x break-even, or CPC over 1.5 x the campaign's), raise it
/// (ROAS >= 1.5 x break-even while ranking below position 10). Keywords with too few clicks are only watched,
/// and keeping is not a finding. A losing keyword's money at stake is its spend beyond what its revenue's margin
/// pays for.
public struct KeywordCheck: Sendable {
    public init() {}

    /// One keyword's totals over the window.
    struct Totals {
        var channel: AdChannel, campaign: String, keyword: String, productID: String
        var impressions = 0, clicks = 0, orders = 0
        var spend: Money, revenue: Money
        var rankTenthsSum = 0, rankDays = 0
    }

    /// The findings: the keywords to delete, lower or raise, most urgent first.
    public func run(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        verdicts(input, settings).compactMap(Self.finding)
    }

    /// Every keyword of the window with its verdict, in the order the ads report lists them.
    public func verdicts(_ input: CheckInput, _ settings: CheckSettings) -> [KeywordVerdict] {
        let zero = Money.zero(input.store.currency)
        var keywords: [String: Totals] = [:]
        var order: [String] = []
        for row in input.adStats where !row.keyword.isEmpty {
            let key = "\(row.channel.rawValue)|\(row.campaign)|\(row.keyword)"
            if keywords[key] == nil {
                keywords[key] = Totals(channel: row.channel, campaign: row.campaign, keyword: row.keyword, productID: row.productID, spend: zero, revenue: zero)
                order.append(key)
            }
            keywords[key]!.impressions += row.impressions
            keywords[key]!.clicks += row.clicks
            keywords[key]!.orders += row.orders
            keywords[key]!.spend += row.spend
            keywords[key]!.revenue += row.revenue
            if let rank = row.averageRankTenths { keywords[key]!.rankTenthsSum += rank; keywords[key]!.rankDays += 1 }
        }
        var campaigns: [String: (impressions: Int, clicks: Int, spend: Money)] = [:]
        for t in keywords.values {
            let c = campaigns[t.campaign] ?? (0, 0, zero)
            campaigns[t.campaign] = (c.impressions + t.impressions, c.clicks + t.clicks, c.spend + t.spend)
        }
        let products = Dictionary(input.products.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        var verdicts: [KeywordVerdict] = []
        for key in order {
            let t = keywords[key]!
            let roas = Ratio(t.revenue.minor, t.spend.minor)
            let known = (input.breakEvenByProduct[t.productID] ?? input.storeBreakEven).flatMap { ($0.value ?? 0) > 0 ? $0 : nil }
            var verdict = KeywordVerdict(
                channel: t.channel, campaign: t.campaign, keyword: t.keyword, productID: t.productID, impressions: t.impressions,
                clicks: t.clicks, orders: t.orders, spend: t.spend, revenue: t.revenue, roas: roas, breakEven: known,
                averageRank: t.rankDays > 0 ? t.rankTenthsSum / t.rankDays / 10 : nil,
                action: known == nil ? .unknown : .watch)
            guard t.clicks >= settings.keywordMinClicks, let campaign = campaigns[t.campaign],
                  let breakEven = known, let be = breakEven.value else {
                verdicts.append(verdict)
                continue
            }
            let ctr = Ratio(Int64(t.clicks), Int64(t.impressions)), campaignCTR = Ratio(Int64(campaign.clicks), Int64(campaign.impressions))
            let cpc = t.spend.scaled(by: 1, over: Int64(t.clicks)), campaignCPC = campaign.spend.scaled(by: 1, over: Int64(max(1, campaign.clicks)))
            // What one order may cost at break-even: the item's price times its margin rate (price / break-even).
            let price = products[t.productID]?.price
            let allowedPerOrder = price.map { $0.scaled(by: breakEven.denominator, over: max(1, breakEven.numerator)) }
            // Spend beyond what the revenue's margin pays for.
            let loss = t.spend - t.revenue.scaled(by: breakEven.denominator, over: max(1, breakEven.numerator))
            let r = roas.value ?? 0
            verdict.loss = loss.minor > 0 ? loss : nil
            verdict.evidence = [Evidence("campaign", .text(t.campaign)), Evidence("channel", .text(t.channel.rawValue)),
                                Evidence("impressions", .count(Int64(t.impressions))), Evidence("clicks", .count(Int64(t.clicks))),
                                Evidence("spend", .money(t.spend)), Evidence("orders", .count(Int64(t.orders))), Evidence("revenue", .money(t.revenue)),
                                Evidence("roas", .rate(roas)), Evidence("break_even_roas", .rate(breakEven)), Evidence("ctr", .rate(ctr)),
                                Evidence("campaign_ctr", .rate(campaignCTR)), Evidence("cpc", .money(cpc)), Evidence("campaign_cpc", .money(campaignCPC))]

            var reasonZh: String?, reasonEn: String?, action = KeywordVerdict.Action.keep
            if t.orders == 0, let allowed = allowedPerOrder, t.spend.minor > allowed.minor * Int64(settings.deleteSpendFactor) {
                action = .delete
                reasonZh = "花费 \(t.spend.decimalString) 无成交，超过单笔保本费用 \(allowed.decimalString) 的 \(settings.deleteSpendFactor) 倍"
                reasonEn = "spent \(t.spend.decimalString) without an order, over \(settings.deleteSpendFactor)x the break-even cost per order \(allowed.decimalString)"
            } else if t.impressions >= settings.keywordMinImpressions, let kc = ctr.value, let cc = campaignCTR.value, let share = settings.deleteCTRShare.value, kc < cc * share {
                action = .delete
                reasonZh = "点击率 \(ctr.percentString) 不到计划平均 \(campaignCTR.percentString) 的三分之一"
                reasonEn = "CTR \(ctr.percentString) is under a third of the campaign's \(campaignCTR.percentString)"
            } else if r < be * (settings.lowerBidFrom.value ?? 0.7) {
                action = .delete
                reasonZh = "投产比 \(Self.fixed(roas)) 远低于保本投产比 \(Self.fixed(breakEven))，每笔成交都在亏钱"
                reasonEn = "ROAS \(Self.fixed(roas)) is far under the break-even \(Self.fixed(breakEven)): every sale loses money"
            } else if r < be * (settings.lowerBidTo.value ?? 1) {
                action = .lowerBid
                reasonZh = "投产比 \(Self.fixed(roas)) 低于保本投产比 \(Self.fixed(breakEven))"
                reasonEn = "ROAS \(Self.fixed(roas)) is under the break-even \(Self.fixed(breakEven))"
            } else if Double(cpc.minor) > Double(campaignCPC.minor) * (settings.lowerBidCPCFactor.value ?? 1.5) {
                action = .lowerBid
                reasonZh = "平均点击花费 \(cpc.decimalString) 超过计划平均 \(campaignCPC.decimalString) 的 1.5 倍"
                reasonEn = "CPC \(cpc.decimalString) is over 1.5x the campaign's \(campaignCPC.decimalString)"
            } else if r >= be * (settings.raiseBidROASFactor.value ?? 1.5), t.rankDays > 0, t.rankTenthsSum / t.rankDays > settings.raiseBidRankWorseThan * 10 {
                action = .raiseBid
                reasonZh = "投产比 \(Self.fixed(roas)) 高于保本的 1.5 倍，但平均排名在第 \(t.rankTenthsSum / t.rankDays / 10) 位之后"
                reasonEn = "ROAS \(Self.fixed(roas)) is over 1.5x break-even but the average rank is only \(t.rankTenthsSum / t.rankDays / 10)"
            }
            verdict.action = action
            (verdict.reasonZh, verdict.reasonEn) = (reasonZh, reasonEn)
            verdicts.append(verdict)
        }
        return verdicts
    }

    /// The finding of a keyword to delete, lower or raise; nil for the others.
    static func finding(_ v: KeywordVerdict) -> Finding? {
        let kind: CheckKind, severity: Finding.Severity, actionZh: String, actionEn: String
        switch v.action {
        case .delete: (kind, severity, actionZh, actionEn) = (.keywordDelete, .critical, "删除关键词", "delete the keyword")
        case .lowerBid: (kind, severity, actionZh, actionEn) = (.keywordLowerBid, .warning, "降低出价", "lower the bid")
        case .raiseBid: (kind, severity, actionZh, actionEn) = (.keywordRaiseBid, .info, "提高出价", "raise the bid")
        case .keep, .watch, .unknown: return nil
        }
        return Finding(check: kind, severity: severity, subject: v.keyword, atStake: kind == .keywordRaiseBid ? nil : v.loss,
                       evidence: v.evidence, adviceZh: "关键词「\(v.keyword)」（\(v.campaign)）：\(actionZh)。\(v.reasonZh ?? "")。",
                       adviceEn: "Keyword \"\(v.keyword)\" (\(v.campaign)): \(actionEn). \(v.reasonEn ?? "").", role: .ads)
    }

    static func fixed(_ r: Ratio) -> String { r.decimalString(digits: 2) ?? "—" }
}
