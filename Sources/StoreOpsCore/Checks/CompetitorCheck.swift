/// Competitors (domain guide §11): a core competitor item whose price (promotion price if any) fell by at least
/// the configured share between its two latest snapshots in the window. Priced at the GMV of our matching item
/// over the window, the sales the cut competes for. Also: competitor items listed recently that match one of ours
/// (new launches), core items whose monthly sales jumped over the window, and copycats (a listing with one of our
/// full titles at a lower price).
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
        return findings + launches(input, settings) + salesJumps(input, settings, byItem) + copycats(input)
    }

    func launches(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        let since = input.day.adding(days: -settings.launchWithinDays)
        let ours = Dictionary(input.products.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return input.competitorItems.filter { item in item.ourProductID != nil && (item.listedOn.map { $0 > since && $0 <= input.day } ?? false) }
            .sorted { ($0.listedOn!, $0.itemID) < ($1.listedOn!, $1.itemID) }
            .map { item in
                let our = item.ourProductID.flatMap { ours[$0] }
                return Finding(
                    check: .competitorLaunch, severity: .info, subject: "\(item.competitorID)/\(item.itemID)", atStake: nil,
                    evidence: [Evidence("competitor", .text(item.competitorID)), Evidence("item", .text(item.title)), Evidence("listed_on", .day(item.listedOn!)),
                               Evidence("our_product", .text(item.ourProductID ?? ""))],
                    adviceZh: "竞品 \(item.competitorID) \(item.listedOn!.iso) 上新「\(item.title)」，与我方「\(our?.title ?? item.ourProductID ?? "")」相似：关注其定价和销量，评估我方上新节奏。",
                    adviceEn: "Competitor \(item.competitorID) listed \(item.title) on \(item.listedOn!.iso), similar to our \(our?.title ?? item.ourProductID ?? ""): watch its price and sales and review our launch timing.",
                    role: .operator)
            }
    }

    func salesJumps(_ input: CheckInput, _ settings: CheckSettings, _ byItem: [String: [CompetitorSnapshot]]) -> [Finding] {
        let share = settings.salesJumpShare
        return input.competitorItems.filter(\.isCore).compactMap { item in
            let snapshots = (byItem["\(item.competitorID)|\(item.itemID)"] ?? []).sorted { $0.day < $1.day }
            guard let first = snapshots.first, let last = snapshots.last, last.day == input.day, first.day < last.day, first.monthlySales > 0 else { return nil }
            let growth = Int64(last.monthlySales - first.monthlySales)
            guard growth * share.denominator >= share.numerator * Int64(first.monthlySales) else { return nil }
            let rate = Ratio(growth, Int64(first.monthlySales))
            return Finding(
                check: .competitorSalesJump, severity: .info, subject: "\(item.competitorID)/\(item.itemID)",
                atStake: item.ourProductID.flatMap { input.gmvByProduct[$0] },
                evidence: [Evidence("competitor", .text(item.competitorID)), Evidence("item", .text(item.title)), Evidence("since", .day(first.day)),
                           Evidence("monthly_sales_before", .count(Int64(first.monthlySales))), Evidence("monthly_sales_now", .count(Int64(last.monthlySales))),
                           Evidence("growth", .rate(rate))],
                adviceZh: "竞品「\(item.title)」（\(item.competitorID)）月销从 \(first.monthlySales) 涨到 \(last.monthlySales)（+\(rate.percentString)）：查看其价格、活动和推广渠道的变化。",
                adviceEn: "Competitor item \(item.title) (\(item.competitorID)) went from \(first.monthlySales) to \(last.monthlySales) monthly sales (+\(rate.percentString)): look at its price, promotions and traffic channels.",
                role: .operator)
        }
    }

    func copycats(_ input: CheckInput) -> [Finding] {
        let ours = Dictionary(input.products.map { ($0.title.filter { !$0.isWhitespace }, $0) }, uniquingKeysWith: { a, _ in a })
        return input.competitorSnapshots.filter { $0.day == input.day }.sorted { ($0.competitorID, $0.itemID) < ($1.competitorID, $1.itemID) }.compactMap { snap in
            guard let product = ours[snap.title.filter { !$0.isWhitespace }] else { return nil }
            let price = snap.promoPrice ?? snap.price
            guard price.minor < product.price.minor else { return nil }
            return Finding(
                check: .copycat, severity: .warning, subject: "\(snap.competitorID)/\(snap.itemID)", atStake: input.gmvByProduct[product.id],
                evidence: [Evidence("competitor", .text(snap.competitorID)), Evidence("title", .text(snap.title)), Evidence("their_price", .money(price)),
                           Evidence("our_product", .text(product.id)), Evidence("our_price", .money(product.price))],
                adviceZh: "\(snap.competitorID) 的商品 \(snap.itemID) 用了我方「\(product.title)」的完整标题，售价 \(price.decimalString) 低于我方 \(product.price.decimalString)：核实是否盗图，向平台投诉知识产权侵权。",
                adviceEn: "Item \(snap.itemID) of \(snap.competitorID) uses our full title \(product.title) at \(price.decimalString), under our \(product.price.decimalString): check for stolen images and file an IP complaint with the platform.",
                role: .operator)
        }
    }
}
