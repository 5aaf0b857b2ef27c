/// Stock (domain guide §10): sold-out hero items, and SKUs whose days of cover are below lead time + safety days,
/// with the restock quantity (to reach lead time + target cover) and the date to order by; slow movers (stock on
/// hand, no sale in the slow-mover window); pre-sale purchase orders due to arrive (or late).
public struct StockCheck: Sendable {
    public init() {}

    public func run(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        let heroes = input.heroProducts
        let skus = Dictionary(input.skus.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var findings: [Finding] = []
        // Slow movers are judged on sales by SKU: with none at all in the window (no order lines with SKU codes
        // imported), sales are unknown, not zero, and no SKU is called slow.
        let salesKnown = !input.unitsBySKU.isEmpty || !input.recentlySoldSKUs.isEmpty
        for snapshot in input.stock {
            // A SKU the catalog lacks (a stock export without a products export) is still judged; what needs the
            // catalog (price, hero flag, lead time) is then unknown or the default.
            let sku = skus[snapshot.skuID], id = snapshot.skuID
            let isHero = heroes.contains((sku?.productID ?? input.productOfSKU[id]) ?? id)
            // A count of another day (the latest within the setting's age) says so.
            let counted = snapshot.day == input.day ? [] : [Evidence("counted_on", .day(snapshot.day))]
            let units = input.unitsBySKU[id] ?? 0
            guard units > 0 else {
                if salesKnown && snapshot.onHand >= settings.slowMoverMinUnits && !input.recentlySoldSKUs.contains(id) {
                    let value = (input.unitCosts[id] ?? sku?.price).flatMap { price in
                        price.minor.times(Int64(snapshot.onHand)).map { Money(minor: $0, currency: price.currency) }
                    }
                    let tiedZh = value.map { "，占用资金 \($0.decimalString)" } ?? "（无成本或价格，占用资金未知）"
                    let tiedEn = value.map { " (\($0.decimalString) tied up)" }
                        ?? " (no cost or price: the money tied up is unknown)"
                    findings.append(Finding(
                        check: .slowMover, severity: .info, subject: id, atStake: value,
                        evidence: [Evidence("on_hand", .count(Int64(snapshot.onHand))),
                                   Evidence("days_without_sale", .count(Int64(settings.slowMoverDays)))]
                            + (value.map { [Evidence("stock_value", .money($0))] } ?? []) + counted,
                        adviceZh: "SKU \(id) 有 \(snapshot.onHand) 件库存，\(settings.slowMoverDays) 天无销售：考虑搭配促销、清仓或下架" + tiedZh + "。",
                        adviceEn: "SKU \(id) has \(snapshot.onHand) units on hand and no sale in \(settings.slowMoverDays) days: bundle, clear or delist it" + tiedEn + ".",
                        role: .operator))
                }
                continue
            }
            let window = Int64(settings.coverWindowDays)
            let revenue = input.revenueBySKU[id] ?? .zero(input.store.currency)
            let dailyRevenue = revenue.scaled(by: 1, over: window)
            let set = input.skuSettings[id]
            let lead = set?.leadTimeDays ?? sku?.leadTimeDays ?? settings.defaultLeadTimeDays
            let safety = set?.safetyDays ?? settings.safetyDays
            let available = snapshot.onHand + snapshot.incoming
            // Days of cover in tenths, exact: available / (units / window).
            let coverTenths = Int64(available) * window * 10 / Int64(units)
            let needTenths = Int64(lead + safety) * 10
            let target = Int64(lead + settings.targetCoverDays)
            let quantity = max(0, (Int64(units) * target + window - 1) / window - Int64(available))
            let evidence = [Evidence("on_hand", .count(Int64(snapshot.onHand))), Evidence("incoming", .count(Int64(snapshot.incoming))),
                            Evidence("units_sold", .count(Int64(units))), Evidence("window_days", .count(window)),
                            Evidence("days_of_cover", .rate(Ratio(coverTenths, 10))), Evidence("lead_time_days", .count(Int64(lead))),
                            Evidence("restock_quantity", .count(quantity))] + counted
            // Oversold (negative: sold and not yet fulfilled) is sold out too.
            if snapshot.onHand <= 0 && isHero {
                findings.append(Finding(
                    check: .soldOutHero, severity: .critical, subject: id, atStake: dailyRevenue * Int64(lead),
                    evidence: evidence + [Evidence("daily_revenue", .money(dailyRevenue))],
                    adviceZh: (quantity > 0 ? "主推款 SKU \(id) 已售罄：立即补货 \(quantity) 件（交期 \(lead) 天）" : "主推款 SKU \(id) 已售罄，在途 \(snapshot.incoming) 件：催供应商提前到货")
                        + "；到货前把流量和广告转到有货的款。",
                    adviceEn: (quantity > 0 ? "Hero SKU \(id) is sold out: reorder \(quantity) units now (lead time \(lead) days)" : "Hero SKU \(id) is sold out with \(snapshot.incoming) units on order: press the supplier for an earlier delivery")
                        + "; move traffic and ads to items in stock until it arrives.",
                    role: .operator))
            } else if coverTenths < needTenths {
                let orderBy = input.day.adding(days: max(0, Int(coverTenths / 10) - lead))
                let short = (needTenths - coverTenths + 9) / 10
                findings.append(Finding(
                    check: .restock, severity: isHero ? .critical : .warning, subject: id, atStake: dailyRevenue * short,
                    evidence: evidence + [Evidence("order_by", .day(orderBy))],
                    adviceZh: "SKU \(id) 库存只够 \(coverTenths / 10) 天，低于交期加安全天数（\(lead + safety) 天）："
                        + "\(orderBy.iso) 前补货 \(quantity) 件。",
                    adviceEn: "SKU \(id) has \(coverTenths / 10) days of cover, under lead time plus safety (\(lead + safety) days): "
                        + "reorder \(quantity) units by \(orderBy.iso).",
                    role: .operator))
            }
        }
        let horizon = input.day.adding(days: settings.presaleDueDays)
        for po in input.purchaseOrders.sorted(by: { ($0.expectedOn, $0.id) < ($1.expectedOn, $1.id) })
        where po.isPresale && po.receivedOn == nil && po.expectedOn <= horizon {
            let late = po.expectedOn < input.day
            let value = (input.unitCosts[po.skuID] ?? skus[po.skuID]?.price).map { $0 * Int64(po.quantity) }
            findings.append(Finding(
                check: .presaleDue, severity: late ? .critical : .warning, subject: po.id, atStake: value,
                evidence: [Evidence("sku_id", .text(po.skuID)), Evidence("quantity", .count(Int64(po.quantity))), Evidence("expected_on", .day(po.expectedOn))],
                adviceZh: late ? "预售采购单 \(po.id)（\(po.skuID) × \(po.quantity)）应于 \(po.expectedOn.iso) 到货但未入库：催供应商，并告知预售买家发货时间，避免延迟发货扣分。"
                               : "预售采购单 \(po.id)（\(po.skuID) × \(po.quantity)）预计 \(po.expectedOn.iso) 到货：安排验收入库和预售订单发货。",
                adviceEn: late ? "Pre-sale purchase order \(po.id) (\(po.skuID) x \(po.quantity)) was due on \(po.expectedOn.iso) and has not arrived: press the supplier and tell the pre-sale buyers when they ship."
                               : "Pre-sale purchase order \(po.id) (\(po.skuID) x \(po.quantity)) arrives by \(po.expectedOn.iso): plan receiving and shipping the pre-sale orders.",
                role: .operator))
        }
        return findings
    }
}
