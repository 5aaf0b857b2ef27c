import Foundation
import StoreOpsCore

extension DemoBuilder {
    /// About 300 SKUs over 60 products; popularity falls off like real stores (a few hero items carry most sales).
    func buildCatalog() {
        let year = scenario.end.year
        let productCount = 60
        var usedTitles = Set<String>()
        for p in 0..<productCount {
            let kind = DemoVocabulary.kinds[p % DemoVocabulary.kinds.count]
            var title = ""
            repeat {
                title = "\(year)\(rng.pick(DemoVocabulary.seasons))新款\(rng.pick(DemoVocabulary.styles))\(rng.pick(DemoVocabulary.materials))\(kind.name)女\(rng.pick(DemoVocabulary.fits))"
            } while usedTitles.contains(title)
            usedTitles.insert(title)
            let productID = String(600_000_000_000 + Int64(SeededRandom.hash("product-\(p)", seed: scenario.seed) % 99_999_999_999))
            let price = yuan(Int64(rng.int((kind.low / 10)...(kind.high / 10)) * 10 + 9) * 100)
            let weight = 1.0 / pow(Double(p + 1), 1.15)
            productWeights.append(weight)
            batch.products.append(Product(store: store.id, id: productID, title: title, category: kind.category, price: price,
                                          isHero: p < 3, listedOn: scenario.start.adding(days: -rng.int(20...400))))
            let colorCount = rng.int(1...2)
            let sizes = rng.chance(0.5) ? Array(DemoVocabulary.sizes.prefix(3)) : Array(DemoVocabulary.sizes.prefix(4))
            let colors = (0..<colorCount).map { DemoVocabulary.colors[(p + $0 * 3) % DemoVocabulary.colors.count] }
            let sizeShare: [String: Double] = ["S": 0.2, "M": 0.35, "L": 0.3, "XL": 0.15]
            for (c, color) in colors.enumerated() {
                for size in sizes {
                    let skuID = "MJ\(pad3(p + 1))-\(color.1)-\(size)"
                    skuIndexByID[skuID] = batch.skus.count
                    productOfSKU.append(p)
                    skuWeights.append(weight * (sizeShare[size] ?? 0.1) * (c == 0 ? 0.62 : 0.38))
                    batch.skus.append(SKU(store: store.id, id: skuID, productID: productID, attributes: "颜色分类:\(color.0);尺码:\(size)",
                                          price: price, weightGrams: rng.int(3...9) * 100, leadTimeDays: rng.int(7...15)))
                    let costPercent = Int64(rng.int(38...52))
                    batch.skuCosts.append(SKUCost(store: store.id, skuID: skuID, effectiveFrom: scenario.start.adding(days: -30),
                                                  unitCost: price.scaled(by: costPercent, over: 100)))
                    if rng.chance(0.3) {
                        batch.skuCosts.append(SKUCost(store: store.id, skuID: skuID, effectiveFrom: scenario.start.adding(days: scenario.days / 2),
                                                      unitCost: price.scaled(by: costPercent + 3, over: 100)))
                    }
                }
            }
        }
        var total = 0.0
        skuCumulative = skuWeights.map { total += $0; return total }
        // The hero SKU that sells out: the best seller of the top product.
        heroSKU = skuWeights.indices.filter { productOfSKU[$0] == 0 }.max { skuWeights[$0] < skuWeights[$1] } ?? 0
        // A mid-ranked SKU with a quality problem: refunds well above the store's rate.
        qualityProblemSKU = skuWeights.indices.filter { productOfSKU[$0] == 4 }.max { skuWeights[$0] < skuWeights[$1] } ?? 1

        // Expected units per SKU per day, for stock levels: about 480 units a day for the store.
        dailyDemand = skuWeights.map { 480 * $0 / total }
        onHand = dailyDemand.map { max(15, Int(($0 * 40).rounded())) }
        incoming = Array(repeating: 0, count: onHand.count)
        soldToday = Array(repeating: 0, count: onHand.count)
        recentSales = Array(repeating: [], count: onHand.count)
    }

    func pad3(_ n: Int) -> String { n < 10 ? "00\(n)" : (n < 100 ? "0\(n)" : "\(n)") }
}
