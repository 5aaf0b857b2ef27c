import StoreOpsCore
import Testing

@Suite("Master-table row")
struct MasterTableRowTests {
    let day = Day(iso: "2026-03-10")!
    func y(_ minor: Int64) -> Money { Money(minor: minor, currency: .cny) }

    func facts(costMissing: Int64 = 0) -> DailyFacts {
        DailyFacts(store: "s", day: day, currency: .cny,
                   sales: .init(gmv: y(100_000), paidOrders: 8, buyers: 7, units: 10, cogs: y(40_000), costMissingUnits: costMissing, costMissingValue: y(costMissing * 1_000)),
                   traffic: .init(visitors: 350, pageViews: 1_050, bouncedVisitors: nil),
                   ads: [.ztc: AdTotals(spend: y(5_000), revenue: y(20_000)), .feed: AdTotals(spend: y(1_000), revenue: y(0))],
                   affiliateCommission: y(700), live: nil,
                   refunds: .init(amount: y(3_000), orders: 1, amountByOrderDay: y(0), notReturnedToStock: y(1_000)))
    }

    @Test("derives every field from the integer parts")
    func derived() {
        // fees: 1000.00 x (3 % + 0.6 %) = 36.00; shipping 8 x 4.50 = 36.00;
        // gross 1000 - 400 - 36 - 36 = 528.00; net 528 - 60 (ads) - 7 (affiliate) - 10 (refund not returned) - 20 (other) = 431.00.
        let costs = CostSettings(store: "s", commissionPPM: 30_000, paymentFeePPM: 6_000, shippingPerOrder: y(450), otherDailyCost: y(2_000))
        let row = MasterTableRow(facts: facts(), costs: costs)
        #expect(row[.aov] == .money(y(14_286)), "1000.00 / 7 = 142.857 → 142.86")
        #expect(row[.uvValue] == .money(y(286)), "1000.00 / 350 = 2.857 → 2.86")
        #expect(row[.conversionRate] == .rate(Ratio(7, 350)))
        #expect(row[.bounceRate] == .noData)
        #expect(row[.visitDepth] == .rate(Ratio(1_050, 350)))
        #expect(row[.adSpendTotal] == .money(y(6_000)))
        #expect(row[.adSpendDisplay] == .money(y(0)))
        #expect(row[.roasFeed] == .rate(Ratio(0, 1_000)))
        #expect(row[.roasDisplay] == .rate(Ratio(0, 0)))
        #expect(!row[.roasDisplay].hasData)
        #expect(row[.platformFees] == .money(y(3_600)))
        #expect(row[.shippingCost] == .money(y(3_600)))
        #expect(row[.grossProfit] == .money(y(52_800)))
        #expect(row[.netProfit] == .money(y(43_100)))
        #expect(row[.breakEvenROAS] == .rate(Ratio(100_000, 52_800)), "GMV 1000.00 / gross profit 528.00 = 1.894")
        #expect(row[.refundRate] == .rate(Ratio(3_000, 100_000)))
        #expect(row[.liveGMV] == .noData)
    }

    @Test("without cost settings, profit is no data rather than zero")
    func noCosts() {
        let row = MasterTableRow(facts: facts(), costs: nil)
        #expect(row[.cogs] == .money(y(40_000)))
        #expect(row[.platformFees] == .noData)
        #expect(row[.grossProfit] == .noData)
        #expect(row[.netProfit] == .noData)
    }

    @Test("when no unit has a cost, COGS and profit are unknown")
    func allCostsMissing() {
        let row = MasterTableRow(facts: facts(costMissing: 10), costs: CostSettings(store: "s", shippingPerOrder: y(0)))
        #expect(row[.cogs] == .noData)
        #expect(row[.grossProfit] == .noData)
        #expect(row.costMissingUnits == 10)
    }

    @Test("a day without any data has no figure at all")
    func empty() {
        let row = MasterTableRow(facts: DailyFacts(store: "s", day: day, currency: .cny), costs: nil)
        #expect(MasterField.allCases.allSatisfy { !row[$0].hasData })
    }

    @Test("keys are the domain guide's", arguments: [
        (MasterField.gmv, "gmv"), (.paidOrders, "paid_orders"), (.adSpendZtc, "ad_spend.ztc"), (.refundAmountByOrderDay, "refund_amount_by_order_day"),
        (.dsrLogistics, "dsr_logistics"), (.uvValue, "uv_value"),
    ])
    func keys(_ field: MasterField, _ key: String) { #expect(field.key == key) }
}
