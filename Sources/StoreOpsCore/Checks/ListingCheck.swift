/// Listing hygiene (domain guide §13): titles longer than the platform allows (Taobao/Tmall: 60 bytes, a Chinese
/// character counting 2) or much shorter (search words left unused), and price typos: lines sold on the checked day
/// below the SKU's unit cost or at or below the price floor share of its list price ("a missing zero").
public struct ListingCheck: Sendable {
    public init() {}

    /// A title's length as Taobao counts it: 2 bytes per non-ASCII character, 1 per ASCII.
    public static func titleBytes(_ title: String) -> Int { title.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 2) } }

    public func run(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        titles(input, settings) + priceTypos(input, settings)
    }

    func titles(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        guard [.taobao, .tmall].contains(input.store.platform) else { return [] }
        return input.products.sorted { $0.id < $1.id }.compactMap { product in
            let bytes = Self.titleBytes(product.title)
            let long = bytes > settings.titleMaxBytes
            guard long || bytes < settings.titleMinBytes else { return nil }
            return Finding(
                check: .titleLength, severity: long ? .warning : .info, subject: product.id, atStake: nil,
                evidence: [Evidence("title", .text(product.title)), Evidence("bytes", .count(Int64(bytes))),
                           Evidence(long ? "max_bytes" : "min_bytes", .count(Int64(long ? settings.titleMaxBytes : settings.titleMinBytes)))],
                adviceZh: long ? "商品「\(product.title)」标题 \(bytes) 字节，超过 \(settings.titleMaxBytes) 字节上限：精简到 30 个汉字以内，否则会被截断或无法发布。"
                               : "商品「\(product.title)」标题只有 \(bytes) 字节：补充搜索热词和属性词，用足 30 个汉字。",
                adviceEn: long ? "The title of \(product.title) is \(bytes) bytes, over the \(settings.titleMaxBytes)-byte limit: cut it to 30 Chinese characters or it is truncated or refused."
                               : "The title of \(product.title) is only \(bytes) bytes: add search and attribute words to use all 30 characters.",
                role: .content)
        }
    }

    func priceTypos(_ input: CheckInput, _ settings: CheckSettings) -> [Finding] {
        let skus = Dictionary(input.skus.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let floor = settings.priceFloorShare
        var seen = Set<String>()
        var findings: [Finding] = []
        for line in input.linesOfDay.sorted(by: { ($0.orderID, $0.lineNo) < ($1.orderID, $1.lineNo) }) {
            guard let skuID = line.skuID, let sku = skus[skuID], !seen.contains(skuID) else { continue }
            let cost = input.unitCosts[skuID]
            let belowCost = cost.map { line.unitPrice.minor < $0.minor } ?? false
            let belowFloor = sku.price.minor > 0 && line.unitPrice.minor * floor.denominator <= floor.numerator * sku.price.minor
            guard belowCost || belowFloor else { continue }
            seen.insert(skuID)
            let units = input.linesOfDay.filter { $0.skuID == skuID && $0.unitPrice.minor <= line.unitPrice.minor }.reduce(0) { $0 + $1.quantity }
            let loss = (sku.price - line.unitPrice) * Int64(units)
            findings.append(Finding(
                check: .priceTypo, severity: .critical, subject: skuID, atStake: loss.minor > 0 ? loss : nil,
                evidence: [Evidence("order_id", .text(line.orderID)), Evidence("unit_price", .money(line.unitPrice)), Evidence("list_price", .money(sku.price)),
                           Evidence("unit_cost", cost.map { .money($0) } ?? .text("unknown")), Evidence("units", .count(Int64(units)))],
                adviceZh: "SKU \(skuID) 昨天以 \(line.unitPrice.decimalString) 成交（标价 \(sku.price.decimalString)" + (cost.map { "，成本 \($0.decimalString)" } ?? "")
                    + "）：立即检查促销价和优惠叠加，设置限购，必要时下架。",
                adviceEn: "SKU \(skuID) sold at \(line.unitPrice.decimalString) yesterday (list \(sku.price.decimalString)" + (cost.map { ", cost \($0.decimalString)" } ?? "")
                    + "): check the promotion price and stacked discounts now, set a purchase limit, delist if needed.",
                role: .operator))
        }
        return findings
    }
}
