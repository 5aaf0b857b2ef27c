/// Stock (domain guide §10): sold-out hero items, and SKUs whose days of cover are below lead time + safety days,
/// with the restock quantity (to reach lead time + target cover) and the date to order by.
public struct StockCheck: Sendable {
    public init() {}

    public func run(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        let heroes = Set(input.products.filter(\.isHero).map(\.id))
        let skus = Dictionary(input.skus.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var findings: [Finding] = []
        for snapshot in input.stock {
            guard let sku = skus[snapshot.skuID] else { continue }
            let units = input.unitsBySKU[sku.id] ?? 0
            guard units > 0 else { continue }
            let window = Int64(settings.coverWindowDays)
            let revenue = input.revenueBySKU[sku.id] ?? .zero(input.store.currency)
            let dailyRevenue = revenue.scaled(by: 1, over: window)
            let lead = sku.leadTimeDays ?? settings.defaultLeadTimeDays
            let available = snapshot.onHand + snapshot.incoming
            // Days of cover in tenths, exact: available / (units / window).
            let coverTenths = Int64(available) * window * 10 / Int64(units)
            let needTenths = Int64(lead + settings.safetyDays) * 10
            let target = Int64(lead + settings.targetCoverDays)
            let quantity = max(0, (Int64(units) * target + window - 1) / window - Int64(available))
            let evidence = [Evidence("on_hand", .count(Int64(snapshot.onHand))), Evidence("incoming", .count(Int64(snapshot.incoming))),
                            Evidence("units_sold", .count(Int64(units))), Evidence("window_days", .count(window)),
                            Evidence("days_of_cover", .rate(Ratio(coverTenths, 10))), Evidence("lead_time_days", .count(Int64(lead))),
                            Evidence("restock_quantity", .count(quantity))]
            if snapshot.onHand == 0 && heroes.contains(sku.productID) {
                findings.append(Finding(
                    check: .soldOutHero, severity: .critical, subject: sku.id, atStake: dailyRevenue * Int64(lead),
                    evidence: evidence + [Evidence("daily_revenue", .money(dailyRevenue))],
                    adviceZh: (quantity > 0 ? "主推款 SKU \(sku.id) 已售罄：立即补货 \(quantity) 件（交期 \(lead) 天）" : "主推款 SKU \(sku.id) 已售罄，在途 \(snapshot.incoming) 件：催供应商提前到货")
                        + "；到货前把流量和广告转到有货的款。",
                    adviceEn: (quantity > 0 ? "Hero SKU \(sku.id) is sold out: reorder \(quantity) units now (lead time \(lead) days)" : "Hero SKU \(sku.id) is sold out with \(snapshot.incoming) units on order: press the supplier for an earlier delivery")
                        + "; move traffic and ads to items in stock until it arrives.",
                    role: .operator))
            } else if coverTenths < needTenths {
                let orderBy = input.day.adding(days: max(0, Int(coverTenths / 10) - lead))
                let short = (needTenths - coverTenths + 9) / 10
                findings.append(Finding(
                    check: .restock, severity: heroes.contains(sku.productID) ? .critical : .warning, subject: sku.id, atStake: dailyRevenue * short,
                    evidence: evidence + [Evidence("order_by", .day(orderBy))],
                    adviceZh: "SKU \(sku.id) 库存只够 \(coverTenths / 10) 天，低于交期加安全天数（\(lead + settings.safetyDays) 天）：\(orderBy.iso) 前补货 \(quantity) 件。",
                    adviceEn: "SKU \(sku.id) has \(coverTenths / 10) days of cover, under lead time plus safety (\(lead + settings.safetyDays) days): reorder \(quantity) units by \(orderBy.iso).",
                    role: .operator))
            }
        }
        return findings
    }
}
