import Foundation
import StoreOpsCore
@testable import StoreOpsImport
import StoreOpsTesting
import Testing

/// Parses a sample with every built-in format, collecting all facts.
func parseSample(_ path: String, store: Store = Store(id: "s", name: "s", platform: .taobao), sheet: String? = nil,
                 formats: [FormatMapping] = BuiltInFormats.all, defaultDay: Day? = nil,
                 allowRoundedIDs: Bool = true) throws -> (ParseSummary, FactBatch) {
    let url = Samples.url(path)
    let source: any RecordSource
    switch try FileContent.kind(of: url) {
    case .xlsx: source = XLSXReader(url: url, sheet: sheet)
    case .xls: source = XLSReader(url: url, sheet: sheet)
    case .html: source = HTMLTableReader(url: url)
    case .text: source = CSVReader(fileName: url.lastPathComponent, chunks: try Samples.chunks(url))
    }
    var context = ImportContext(store: store, fileName: url.lastPathComponent, defaultDay: defaultDay, pseudonymise: { "p:" + $0 })
    // The Taobao samples' order ids went through a spreadsheet program once (see their README).
    context.allowRoundedIDs = allowRoundedIDs
    var all = FactBatch()
    let summary = try ImportParser(source: source, fileName: url.lastPathComponent, formats: formats, context: context,
                                   strictWidth: try FileContent.kind(of: url) == .text).run(onBatch: { all.append($0) })
    return (summary, all)
}

@Suite("Parsing the real samples")
struct SampleParsingTests {
    @Test("Taobao orders: every order, paid GMV = Σ 买家实际支付金额 of paid orders")
    func taobaoOrders() throws {
        let (summary, facts) = try parseSample("taobao/orders.csv")
        #expect(summary.format.kind == "taobao-orders")
        #expect(summary.errorCount == 0, "\(summary.diagnostics.prefix(3))")
        // Independently: python3 csv over the file gives 3,989 unique orders, all paid, GMV 289,655.94.
        #expect(facts.orders.count == 3_989)
        #expect(facts.orders.allSatisfy { $0.paidAt != nil })
        #expect(facts.orders.reduce(Int64(0)) { $0 + $1.paidAmount.minor } == 28_965_594)
        #expect(facts.orders.first?.id == "21407300627014900")
        #expect(facts.orders.first?.region == "广东省")
        #expect(facts.orders.first?.buyer == "p:1425")
        #expect(facts.refunds.count == 46)
        // 物流单号 and 物流公司 name a parcel of 3,988 orders (one has none), 3,781 numbers (150 parcels carry several
        // orders); without a tracking report their way is unknown, not stalled.
        #expect(facts.shipments.count == 3_988 && Set(facts.shipments.map(\.trackingNo)).count == 3_781)
        #expect(facts.shipments.first.map { "\($0.trackingNo) \($0.orderID ?? "-") \($0.carrier ?? "-")" }
                    == "3330622150731 21407300627014900 申通快递")
        #expect(facts.shipments.allSatisfy { $0.status == nil && $0.lastEventAt == nil })
    }

    @Test("Taobao item export: every line, joined on 订单编号")
    func taobaoItems() throws {
        let (summary, facts) = try parseSample("taobao/Items_orders.csv")
        #expect(summary.format.kind == "taobao-items" && summary.errorCount == 0)
        // python3 csv: 21,897 lines over 3,989 orders, 96,111 units.
        #expect(facts.orderLines.count == 21_897)
        #expect(Set(facts.orderLines.map(\.orderID)).count == 3_989)
        #expect(facts.orderLines.reduce(0) { $0 + $1.quantity } == 96_111)
        let first = try #require(facts.orderLines.first)
        #expect(first.lineNo == 1 && first.skuID == "WY013-2SZD0426" && first.unitPrice.minor == 58 && first.quantity == 12)
    }

    @Test("GBK item list decodes and becomes products")
    func gbkItemList() throws {
        let (summary, facts) = try parseSample("taobao/Items_attribute.csv")
        #expect(summary.format.kind == "taobao-item-list" && summary.errorCount == 0)
        #expect(facts.products.count == 288)
        #expect(facts.products.first?.title == "创意新款回力小车惯性坦克 军事儿童玩具模型地摊货源玩具车批发")
        #expect(facts.products.first?.category == "塑胶玩具")
    }

    static let maple = Store(id: "maple", name: "Maple", platform: .shopify, currency: Currency("CAD"), timeZone: StoreTimeZone("America/Toronto")!)
    static let uk = Store(id: "uk", name: "UK", platform: .amazon, currency: Currency("GBP"), timeZone: StoreTimeZone("Europe/London")!)

    @Test("Shopify orders: 20 orders from 64 line rows, totals and the partial refund")
    func shopifyOrders() throws {
        let (summary, facts) = try parseSample("shopify/orders_export.csv", store: Self.maple)
        #expect(summary.format.kind == "shopify-orders" && summary.errorCount == 0, "\(summary.diagnostics.prefix(3))")
        // python3 csv: 20 distinct Name, Σ Total 2,238.95, 64 rows with Σ quantity 176; #1095 refunded 1.54.
        #expect(facts.orders.count == 20)
        #expect(facts.orders.reduce(Int64(0)) { $0 + $1.paidAmount.minor } == 223_895)
        #expect(facts.orderLines.count == 64)
        #expect(facts.orderLines.reduce(0) { $0 + $1.quantity } == 176)
        #expect(facts.refunds.map(\.orderID) == ["#1095"] && facts.refunds.first?.amount.minor == 154)
        let first = try #require(facts.orders.first)
        #expect(first.createdAt == Instant(year: 2025, month: 3, day: 20, hour: 12, minute: 20, second: 57))
        #expect(first.paidDay == Day(iso: "2025-04-01"), "17:18 -0700 is still April 1st in Toronto")
    }

    @Test("Shopify products: 48 products and their variants")
    func shopifyProducts() throws {
        let (summary, facts) = try parseSample("shopify/products_export.csv", store: Self.maple)
        #expect(summary.format.kind == "shopify-products" && summary.errorCount == 0, "\(summary.diagnostics.prefix(3))")
        // python3 csv: 48 handles, 130 rows with a Variant Price.
        #expect(facts.products.count == 48)
        #expect(facts.skus.count == 130)
    }

    @Test("Amazon Business Report: item traffic summed per ASIN, pounds, the day from the file name")
    func amazon() throws {
        let (summary, facts) = try parseSample("amazon/BusinessReport-31-03-2026.csv", store: Self.uk)
        #expect(summary.format.kind == "amazon-business-report" && summary.errorCount == 0, "\(summary.diagnostics.prefix(3))")
        // python3 csv: 2,026 rows, 1,748 child ASINs, Σ sessions 870,945, Σ sales £576,866.44.
        #expect(summary.rowsRead == 2_026)
        #expect(facts.itemTraffic.count == 1_748)
        #expect(facts.itemTraffic.reduce(0) { $0 + $1.visitors } == 870_945)
        #expect(facts.itemTraffic.reduce(Int64(0)) { $0 + $1.gmv.minor } == 57_686_644)
        #expect(Set(facts.itemTraffic.map(\.day)) == [Day(iso: "2026-03-31")!])
    }

    @Test("Amazon Sponsored Products: the campaign CSV (Feb 1, 2020, Rs.) and the targeting XLSX agree, match types kept apart")
    func amazonSponsoredProducts() throws {
        let india = Store(id: "in", name: "IN", platform: .amazon, currency: Currency("INR"), timeZone: StoreTimeZone("Asia/Kolkata")!)
        // python3 csv and the sheet's XML: 182 campaign days, 1,683 target days, both Σ spend Rs.47,108.12, Σ 14-day sales
        // Rs.71,129.81, 194 orders, 1,955 clicks, every day of February 2020.
        let (campaigns, c) = try parseSample("amazon/sp_campaign_report.csv", store: india)
        #expect(campaigns.format.kind == "amazon-sponsored-products" && campaigns.errorCount == 0, "\(campaigns.diagnostics.prefix(3))")
        let (targets, t) = try parseSample("amazon/sp_targeting_keyword_report.xlsx", store: india)
        #expect(targets.format.kind == "amazon-sponsored-products" && targets.errorCount == 0, "\(targets.diagnostics.prefix(3))")
        #expect(c.adStats.count == 182 && t.adStats.count == 1_683)
        for stats in [c.adStats, t.adStats] {
            #expect(stats.reduce(Int64(0)) { $0 + $1.spend.minor } == 4_710_812)
            #expect(stats.reduce(Int64(0)) { $0 + $1.revenue.minor } == 7_112_981)
            #expect(stats.reduce(0) { $0 + $1.orders } == 194 && stats.reduce(0) { $0 + $1.clicks } == 1_955)
            #expect(Set(stats.map(\.day)) == Set(DayRange(Day(iso: "2020-02-01")!, Day(iso: "2020-02-29")!)!))
            #expect(stats.allSatisfy { $0.channel == .ztc })
        }
        // The first campaign row: 782 impressions, 13 clicks, Rs.201.68, 3 orders, Rs.961.62.
        #expect(c.adStats.first.map { "\($0.day.iso) \($0.impressions) \($0.clicks) \($0.spend.minor) \($0.orders) \($0.revenue.minor)" }
                    == "2020-02-01 782 13 20168 3 96162")
        // "knee pain oil" under EXACT and PHRASE on one day is two targets, not one row overwriting the other.
        let knee = t.adStats.filter { $0.day == Day(iso: "2020-02-02")! && $0.keyword.hasPrefix("knee pain oil [") }
        #expect(knee.map(\.keyword).sorted() == ["knee pain oil [exact]", "knee pain oil [phrase]"])
        #expect(Set(t.adStats.map { "\($0.day.iso)|\($0.campaign)|\($0.adGroup)|\($0.keyword)" }).count == 1_683)
        // The date forms Amazon writes.
        #expect(try Cell.day("Feb 1, 2020") == Day(iso: "2020-02-01"))
        #expect(try Cell.day("1 February 2020 10:30") == Day(iso: "2020-02-01"))
        #expect(try Cell.day("Sept 30, 2021") == Day(iso: "2021-09-30"))
        #expect(throws: CellError.self) { try Cell.day("Feb 30, 2020") }
    }

    @Test("Stock exports: Shopify per location with `not stocked` and oversold SKUs, Amazon FBA and Active Listings, 淘宝助理")
    func stock() throws {
        let day = Day(iso: "2026-12-02")!
        // Expected figures by python3 csv: per SKU, rows without a SKU or a count left out, counts summed.
        let (shopify, inventory) = try parseSample("shopify/inventory_export.csv", store: Self.maple, defaultDay: day)
        #expect(shopify.format.kind == "shopify-inventory" && shopify.errorCount == 0 && shopify.rowsRead == 1_732)
        #expect(inventory.inventory.count == 1_527 && inventory.inventory.reduce(0) { $0 + $1.onHand } == 145_342)
        #expect(inventory.inventory.filter { $0.onHand < 0 }.count == 32)
        // 8 rows without a SKU (the first on line 35), 194 `not stocked` (the first on line 3).
        #expect(shopify.diagnostics.map { "\($0.severity) \($0.line ?? 0) \($0.message.prefix { $0 != " " })" } == ["warning 35 8", "warning 3 194"])
        let (fba, fbaFacts) = try parseSample("amazon/FBA_Inventory.csv", defaultDay: day)
        #expect(fba.format.kind == "amazon-fba-inventory" && fba.errorCount == 0 && fbaFacts.inventory.count == 43)
        #expect(fbaFacts.inventory.reduce(0) { $0 + $1.onHand } == 240 && fbaFacts.inventory.reduce(0) { $0 + $1.incoming } == 72)
        let (listings, listed) = try parseSample("amazon/active_listings.txt", defaultDay: day)
        #expect(listings.format.kind == "amazon-active-listings" && listings.errorCount == 0 && listings.rowsRead == 4_533)
        #expect(listed.inventory.count == 4_498 && listed.inventory.reduce(0) { $0 + $1.onHand } == 449_355)
        let (assistant, items) = try parseSample("taobao/taobao_assistant_items.csv", defaultDay: day)
        #expect(assistant.format.kind == "taobao-assistant-items" && assistant.errorCount == 0 && assistant.rowsRead == 495,
                "\(assistant.diagnostics.prefix(3))")
        #expect(items.inventory.count == 480 && items.inventory.reduce(0) { $0 + $1.onHand } == 9_866_810)
        #expect(Set(items.inventory.map(\.day)) == [day])
    }

    @Test("A pound amount in a yuan store is refused with the reason")
    func currencyMismatch() throws {
        let (summary, facts) = try parseSample("amazon/BusinessReport-31-03-2026.csv")
        #expect(facts.itemTraffic.isEmpty || summary.rowsRejected > 0)
        #expect(summary.diagnostics.first?.message.contains("GBP") == true)
        #expect(summary.diagnostics.first?.line == 2 && summary.diagnostics.first?.column == "Ordered Product Sales")
    }

    @Test("UCI Online Retail XLSX: 40,000 rows, cancellations and negative lines as returns")
    func uciXLSX() throws {
        let (summary, facts) = try parseSample("uci/online_retail_sample.xlsx", store: Self.uk)
        #expect(summary.format.kind == "invoice-lines" && summary.errorCount == 0, "\(summary.diagnostics.prefix(3))")
        // python3 zipfile + ElementTree: 40,000 rows; 12,526 invoices with a positive line (39,222 lines, 388,345 units,
        // Σ round(price, 2) x qty = 741,344.75); 778 negative lines (674 on C-invoices) worth 34,422.33.
        #expect(summary.rowsRead == 40_000 && summary.rowsImported == 40_000)
        #expect(facts.orders.count == 12_526)
        #expect(facts.orderLines.count == 39_222)
        #expect(facts.orders.reduce(0) { $0 + ($1.units ?? 0) } == 388_345)
        #expect(facts.orders.reduce(Int64(0)) { $0 + $1.paidAmount.minor } == 74_134_475)
        #expect(facts.refunds.count == 778)
        #expect(facts.refunds.reduce(Int64(0)) { $0 + $1.amount.minor } == 3_442_233)
        #expect(facts.refunds.allSatisfy { $0.kind == .returnAndRefund && $0.status == .completed })
        #expect(facts.orders.allSatisfy { $0.paidAt != nil })
    }
}
