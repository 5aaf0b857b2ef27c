/// Competitors (domain guide §11): a core competitor item whose price (promotion price if any) fell by at least
/// the configured share between its two latest snapshots in the window. Priced at the GMV of our matching item
/// over the window, the sales the cut competes for.
public struct CompetitorCheck: Sendable {
    public init() {}

    public func run(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        let since = input.windowStart(settings)
        var byItem: [String: [CompetitorSnapshot]] = [:]
        for s in input.competitorSnapshots where s.day >= since && s.day <= input.day {
            byItem["\(s.competitorID)|\(s.itemID)", default: []].append(s)
        }
        var findings: [Finding] = []
        for item in input.competitorItems where item.isCore {
            let snapshots = (byItem["\(item.competitorID)|\(item.itemID)"] ?? []).sorted { $0.day < $1.day }
            guard snapshots.count >= 2 else { continue }
            let before = snapshots[snapshots.count - 2], after = snapshots[snapshots.count - 1]
            guard after.day == input.day else { continue }
            let old = before.promoPrice ?? before.price, new = after.promoPrice ?? after.price
            guard old.minor > 0, new.minor < old.minor else { continue }
            let cut = Ratio(old.minor - new.minor, old.minor)
            guard (cut.value ?? 0) >= (settings.priceCutShare.value ?? 0.05) else { continue }
            findings.append(Finding(
                check: .competitorPriceCut, severity: .warning, subject: "\(item.competitorID)/\(item.itemID)",
                atStake: item.ourProductID.flatMap { input.gmvByProduct[$0] },
                evidence: [Evidence("competitor", .text(item.competitorID)), Evidence("item", .text(item.title)),
                           Evidence("price_before", .money(old)), Evidence("price_after", .money(new)), Evidence("cut", .rate(cut)),
                           Evidence("since", .day(before.day)), Evidence("our_product", .text(item.ourProductID ?? ""))],
                adviceZh: "竞品「\(item.title)」（\(item.competitorID)）降价 \(cut.percentString)：\(old.decimalString) → \(new.decimalString)。检查我方对应款的价格、券和主图卖点，必要时跟进活动。",
                adviceEn: "Competitor item \(item.title) (\(item.competitorID)) cut its price by \(cut.percentString): \(old.decimalString) -> \(new.decimalString). Review our matching item's price, coupons and main-image selling points; answer with a promotion if needed.",
                role: .operator))
        }
        return findings
    }
}
