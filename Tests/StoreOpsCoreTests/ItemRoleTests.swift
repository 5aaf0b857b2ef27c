import StoreOpsCore
import Testing

@Suite("Item roles")
struct ItemRoleTests {
    @Test(
        "the top fifth by visitors and by gross profit, converters against the store, rising items; unknowns left out")
    func roles() {
        func item(_ id: String, revenue: Int64, before: Int64?, visitors: Int64?, buyers: Int64?, profit: Int64?)
            -> ItemRole.Figures
        {
            ItemRole.Figures(
                productID: id, revenue: revenue, previousRevenue: before, visitors: visitors, buyers: buyers,
                grossProfit: profit)
        }
        // Ten items: the fifth is two items. The store converts 2 %: a converter needs 3 % on 100 visitors or more.
        let items = [
            item("a", revenue: 90_000, before: 90_000, visitors: 5_000, buyers: 100, profit: 10_000),  // traffic
            item("b", revenue: 80_000, before: 80_000, visitors: 4_000, buyers: 80, profit: 40_000),  // traffic, profit
            item("c", revenue: 70_000, before: 70_000, visitors: 900, buyers: 18, profit: 30_000),  // profit
            item("d", revenue: 30_000, before: 10_000, visitors: 800, buyers: 16, profit: 5_000),  // rising
            item("e", revenue: 20_000, before: 20_000, visitors: 200, buyers: 6, profit: 4_000),  // converter: 3 %
            item("f", revenue: 20_000, before: 20_000, visitors: 90, buyers: 9, profit: 4_000),  // 10 % but under 100 visitors
            item("g", revenue: 3_000, before: 1_000, visitors: 100, buyers: 2, profit: 500),  // tripled but under 1 % of all
            item("h", revenue: 10_000, before: 10_000, visitors: nil, buyers: nil, profit: nil),  // nothing known
            item("i", revenue: 10_000, before: 10_000, visitors: 100, buyers: 2, profit: 1_000),
            item("j", revenue: 10_000, before: 10_000, visitors: 100, buyers: 2, profit: 1_000),
        ]
        let roles = ItemRole.assign(items, storeConversion: Ratio(2, 100))
        #expect(roles["a"] == [.traffic])
        #expect(roles["b"] == [.traffic, .profit])
        #expect(roles["c"] == [.profit])
        #expect(roles["d"] == [.rising])
        #expect(roles["e"] == [.converter])
        #expect(roles["f"] == nil && roles["g"] == nil && roles["h"] == nil && roles["i"] == nil)
        // Without the store's conversion no item is a converter.
        #expect(ItemRole.assign(items, storeConversion: nil)["e"] == nil)
        // Without the period before (no order data then) nothing is known to be rising, not even from nothing.
        let firstPeriod = items.map { item($0.productID, revenue: $0.revenue, before: nil, visitors: $0.visitors, buyers: $0.buyers,
                                           profit: $0.grossProfit) }
        #expect(ItemRole.assign(firstPeriod, storeConversion: Ratio(2, 100))["d"] == nil)
    }
}
