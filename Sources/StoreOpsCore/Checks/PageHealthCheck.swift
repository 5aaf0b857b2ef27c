/// Page health (domain guide §7), reviewed weekly on the configured weekday over the 7 days before it: store AOV /
/// hero-item AOV (>= 1.3: the hero item pulls other sales), bounce rate (< 70 %) and visit depth (page views per
/// visitor, >= 2.5). When bounce or depth fail, the advice is to fix the pages before buying more traffic.
public struct PageHealthCheck: Sendable {
    public init() {}

    public func run(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        guard input.day.weekday == settings.pageHealthWeekday else { return [] }
        let first = input.day.adding(days: -7), last = input.day.adding(days: -1)
        let week = input.pageWeekTraffic.filter { $0.day >= first && $0.day <= last }
        let visitors = Int64(week.reduce(0) { $0 + $1.visitors }), views = Int64(week.reduce(0) { $0 + $1.pageViews })
        let bounced = week.compactMap(\.bouncedVisitors).reduce(0, +)
        let bounceKnown = !week.isEmpty && week.allSatisfy { $0.bouncedVisitors != nil }
        var findings: [Finding] = []
        let fixPagesZh = "先优化详情页和关联推荐，再加大推广投入。", fixPagesEn = "Fix the pages (detail page, related items) before buying more traffic."
        let weekEvidence = [Evidence("week_start", .day(first)), Evidence("week_end", .day(last)), Evidence("visitors", .count(visitors))]

        if bounceKnown, visitors > 0 {
            let rate = Ratio(Int64(bounced), visitors)
            let c = settings.bounceRateCeiling
            if Int64(bounced) * c.denominator >= c.numerator * visitors {
                findings.append(Finding(
                    check: .pageBounce, severity: .warning, subject: "store", atStake: nil,
                    evidence: weekEvidence + [Evidence("bounced_visitors", .count(Int64(bounced))), Evidence("bounce_rate", .rate(rate)), Evidence("pass_below", .rate(c))],
                    adviceZh: "上周跳失率 \(rate.percentString)，未达标（< \(c.percentString)）：" + fixPagesZh,
                    adviceEn: "Last week's bounce rate was \(rate.percentString), over the \(c.percentString) pass mark. " + fixPagesEn,
                    role: .designer))
            }
        }
        if visitors > 0 {
            let depth = Ratio(views, visitors)
            let f = settings.visitDepthFloor
            if views * f.denominator < f.numerator * visitors {
                findings.append(Finding(
                    check: .pageDepth, severity: .warning, subject: "store", atStake: nil,
                    evidence: weekEvidence + [Evidence("page_views", .count(views)), Evidence("visit_depth", .rate(depth)), Evidence("pass_from", .rate(f))],
                    adviceZh: "上周访问深度 \(depth.decimalString(digits: 2) ?? "—")，未达标（≥ \(f.decimalString(digits: 1) ?? "")）：加强关联推荐和店铺导航。" + fixPagesZh,
                    adviceEn: "Last week's visit depth was \(depth.decimalString(digits: 2) ?? "—"), under the \(f.decimalString(digits: 1) ?? "") pass mark: strengthen related items and store navigation. " + fixPagesEn,
                    role: .designer))
            }
        }

        // Store AOV = paid GMV / paid orders; hero AOV = hero items' GMV / their buyers (item traffic).
        let orders = input.paidOrders.filter { ($0.paidDay.map { $0 >= first && $0 <= last }) ?? false }
        let heroes = input.heroProducts
        let heroRows = input.pageWeekItems.filter { heroes.contains($0.productID) && $0.day >= first && $0.day <= last }
        let heroGMV = heroRows.reduce(Int64(0)) { $0 + $1.gmv.minor }, heroBuyers = Int64(heroRows.reduce(0) { $0 + $1.buyers })
        let gmv = orders.reduce(Int64(0)) { $0 + $1.paidAmount.minor }, count = Int64(orders.count)
        if count > 0, heroBuyers > 0, heroGMV > 0 {
            // (gmv / count) / (heroGMV / heroBuyers) < floor  <=>  gmv * heroBuyers * den < floor.num * count * heroGMV
            let ratio = Ratio(gmv * heroBuyers, count * heroGMV)
            let f = settings.pageAOVRatioFloor
            if gmv * heroBuyers * f.denominator < f.numerator * count * heroGMV {
                let currency = input.store.currency
                findings.append(Finding(
                    check: .pageAOVRatio, severity: .info, subject: "store", atStake: nil,
                    evidence: weekEvidence + [Evidence("store_aov", .money(Money(minor: gmv, currency: currency).scaled(by: 1, over: count))),
                                              Evidence("hero_aov", .money(Money(minor: heroGMV, currency: currency).scaled(by: 1, over: heroBuyers))),
                                              Evidence("aov_ratio", .rate(ratio)), Evidence("pass_from", .rate(f))],
                    adviceZh: "上周全店客单价只有主推款客单价的 \(ratio.decimalString(digits: 2) ?? "—") 倍（及格 \(f.decimalString(digits: 1) ?? "")）：在主推款详情页加搭配推荐和满减，带动连带购买。",
                    adviceEn: "Last week's store AOV was only \(ratio.decimalString(digits: 2) ?? "—")x the hero items' (pass mark \(f.decimalString(digits: 1) ?? "")): add matching items and spend-more offers to the hero pages.",
                    role: .operator))
            }
        }
        return findings
    }
}
