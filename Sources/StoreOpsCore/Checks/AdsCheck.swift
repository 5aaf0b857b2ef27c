/// Paid ads beyond single keywords (domain guide §6): campaigns whose ROAS over the window is under break-even,
/// budgets used up before the configured hour, the day's ad share over the store's limit, and channels whose CTR
/// fell against the four weeks before (the main image needs work: a task for the designer).
public struct AdsCheck: Sendable {
    public init() {}

    public func run(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        campaigns(input, settings) + budgets(input, settings) + adShare(input, settings) + clickThrough(input, settings)
    }

    func campaigns(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        let zero = Money.zero(input.store.currency)
        var totals: [String: (channel: AdChannel, spend: Money, revenue: Money, products: Set<String>)] = [:]
        var order: [String] = []
        for row in input.adStats {
            if totals[row.campaign] == nil { order.append(row.campaign) }
            var t = totals[row.campaign] ?? (row.channel, zero, zero, [])
            t.spend += row.spend
            t.revenue += row.revenue
            if !row.productID.isEmpty { t.products.insert(row.productID) }
            totals[row.campaign] = t
        }
        return order.compactMap { name in
            let t = totals[name]!
            // One advertised item: its break-even; otherwise (or unknown) the store's.
            let breakEven = (t.products.count == 1 ? input.breakEvenByProduct[t.products.first!] : nil) ?? input.storeBreakEven
            guard let breakEven, breakEven.numerator > 0, t.spend.minor > 0 else { return nil }
            // revenue / spend < be.num / be.den  <=>  revenue * den < num * spend
            guard t.revenue.minor * breakEven.denominator < breakEven.numerator * t.spend.minor else { return nil }
            let roas = Ratio(t.revenue.minor, t.spend.minor)
            let loss = t.spend - t.revenue.scaled(by: breakEven.denominator, over: breakEven.numerator)
            return Finding(
                check: .campaignBelowBreakEven, severity: .warning, subject: name, atStake: loss.minor > 0 ? loss : nil,
                evidence: [Evidence("channel", .text(t.channel.rawValue)), Evidence("spend", .money(t.spend)), Evidence("revenue", .money(t.revenue)),
                           Evidence("roas", .rate(roas)), Evidence("break_even_roas", .rate(breakEven)), Evidence("window_days", .count(Int64(settings.windowDays)))],
                adviceZh: "推广计划「\(name)」近 \(settings.windowDays) 天投产比 \(roas.decimalString(digits: 2) ?? "—")，低于保本投产比 \(breakEven.decimalString(digits: 2) ?? "—")：收紧人群和关键词，降低出价或预算。",
                adviceEn: "Campaign \(name) returned \(roas.decimalString(digits: 2) ?? "—") over \(settings.windowDays) days, under the break-even \(breakEven.decimalString(digits: 2) ?? "—"): narrow its audiences and keywords, lower bids or budget.",
                role: .ads)
        }
    }

    func budgets(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        let zone = input.store.timeZone
        let cutoff = zone.instant(day: input.day, hour: settings.budgetHour)
        let endOfDay = zone.end(of: input.day)
        let startOfDay = zone.instant(day: input.day)
        return input.adBudgets.filter { $0.day == input.day }.sorted { $0.campaign < $1.campaign }.compactMap { budget in
            guard let at = budget.exhaustedAt, at < cutoff, at > startOfDay else { return nil }
            let rows = input.adStats.filter { $0.day == input.day && $0.campaign == budget.campaign }
            let revenue = rows.reduce(Money.zero(input.store.currency)) { $0 + $1.revenue }
            let spend = rows.reduce(Money.zero(input.store.currency)) { $0 + $1.spend }
            let ran = at.seconds - startOfDay.seconds, missed = endOfDay.seconds - at.seconds
            // The revenue of the hours it was off, at the pace of the hours it ran.
            let lost = revenue.scaled(by: missed, over: max(1, ran))
            let roas = Ratio(revenue.minor, spend.minor)
            let local = at.seconds + Int64(zone.utcOffset(at: at))
            let clock = String(format2: Int((local % 86_400) / 3600)) + ":" + String(format2: Int((local % 3600) / 60))
            return Finding(
                check: .budgetExhausted, severity: .warning, subject: budget.campaign, atStake: lost.minor > 0 ? lost : nil,
                evidence: [Evidence("channel", .text(budget.channel.rawValue)), Evidence("budget", .money(budget.budget)), Evidence("exhausted_at", .instant(at)),
                           Evidence("cutoff_hour", .count(Int64(settings.budgetHour))), Evidence("spend", .money(spend)), Evidence("revenue", .money(revenue)),
                           Evidence("roas", .rate(roas))],
                adviceZh: "推广计划「\(budget.campaign)」的日预算 \(budget.budget.decimalString) 在 \(clock) 就已用完（早于 \(settings.budgetHour):00）：若投产比达标，提高预算或分时段投放；否则降低出价。",
                adviceEn: "Campaign \(budget.campaign) used up its daily budget of \(budget.budget.decimalString) at \(clock), before \(settings.budgetHour):00: raise the budget or schedule it by hour if its ROAS pays, otherwise lower the bids.",
                role: .ads)
        }
    }

    func adShare(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        let spend = input.adStats.filter { $0.day == input.day }.reduce(Int64(0)) { $0 + $1.spend.minor }
        let gmv = input.paidOrders.filter { $0.paidDay == input.day }.reduce(Int64(0)) { $0 + $1.paidAmount.minor }
        let limit = settings.adShareLimit
        guard spend > 0, gmv > 0, spend * limit.denominator > limit.numerator * gmv else { return [] }
        let share = Ratio(spend, gmv)
        let over = Money(minor: spend - gmv * limit.numerator / max(1, limit.denominator), currency: input.store.currency)
        return [Finding(
            check: .adShare, severity: .warning, subject: "store", atStake: over,
            evidence: [Evidence("ad_spend", .money(Money(minor: spend, currency: input.store.currency))), Evidence("gmv", .money(Money(minor: gmv, currency: input.store.currency))),
                       Evidence("ad_share", .rate(share)), Evidence("limit", .rate(limit))],
            adviceZh: "昨日推广占比 \(share.percentString)，超过上限 \(limit.percentString)：检查亏损的计划和关键词，控制预算。",
            adviceEn: "Yesterday's ad share was \(share.percentString), over the \(limit.percentString) limit: cut the losing campaigns and keywords, hold the budget.",
            role: .ads)]
    }

    func clickThrough(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        func byChannel(_ rows: [AdStat]) -> [AdChannel: (impressions: Int64, clicks: Int64)] {
            var result: [AdChannel: (impressions: Int64, clicks: Int64)] = [:]
            for row in rows {
                let t = result[row.channel] ?? (0, 0)
                result[row.channel] = (t.impressions + Int64(row.impressions), t.clicks + Int64(row.clicks))
            }
            return result
        }
        let now = byChannel(input.adStats), before = byChannel(input.adBaseline)
        let minimum = Int64(settings.keywordMinImpressions)
        return now.keys.sorted { $0.rawValue < $1.rawValue }.compactMap { channel in
            let n = now[channel]!
            guard let b = before[channel], n.impressions >= minimum, b.impressions >= minimum, b.clicks > 0 else { return nil }
            // ctr < share x baseline  <=>  clicks * b.impr * den < num * b.clicks * impr
            let s = settings.lowCTRShare
            guard n.clicks * b.impressions * s.denominator < s.numerator * b.clicks * n.impressions else { return nil }
            let ctr = Ratio(n.clicks, n.impressions), baseline = Ratio(b.clicks, b.impressions)
            return Finding(
                check: .lowCTR, severity: .warning, subject: channel.rawValue, atStake: nil,
                evidence: [Evidence("impressions", .count(n.impressions)), Evidence("clicks", .count(n.clicks)), Evidence("ctr", .rate(ctr)),
                           Evidence("baseline_ctr", .rate(baseline)), Evidence("window_days", .count(Int64(settings.windowDays)))],
                adviceZh: "\(channel.rawValue) 渠道近 \(settings.windowDays) 天点击率 \(ctr.percentString)，低于此前四周的 \(baseline.percentString)：美工重做主图和创意，做点击率测试。",
                adviceEn: "The \(channel.rawValue) channel's CTR fell to \(ctr.percentString) over \(settings.windowDays) days from \(baseline.percentString) in the four weeks before: the designer should redo the main images and creatives and test them.",
                role: .designer)
        }
    }
}

private extension String {
    /// Two digits, zero-padded.
    init(format2 n: Int) { self = n < 10 ? "0\(n)" : String(n) }
}
