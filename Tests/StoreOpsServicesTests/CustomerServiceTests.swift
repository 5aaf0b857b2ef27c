import Foundation
import StoreOpsCore
import StoreOpsImport
import StoreOpsReports
import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Testing

/// The customer report on a real export: every customer's RFM equals the independent reference, cohorts add up, and
/// what StoreOps cannot know (days without orders, orders without buyer ids) is null and said.
@Suite("Customer report")
struct CustomerServiceTests {
    static let may = DayRange(Day(iso: "2017-05-01")!, Day(iso: "2017-05-31")!)!

    @Test("the Taobao sample: RFM of every buyer equals the reference, cohorts add up, the JSON lists every customer")
    func taobaoSample() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let imported = try await f.service.importFile(Samples.url("taobao/orders.csv"), store: f.store.id, options: ImportOptions(allowRoundedIDs: true))
        #expect(imported.status == .imported)
        let report = try await CustomerService(storage: f.storage).report(store: f.store.id, days: Self.may, grain: .week)
        // The reference reads the orders themselves, not the purchase query the report uses.
        let purchases = try await f.orders().compactMap(Purchase.init)
        #expect(purchases.count > 3_000)
        let reference = try await RFMReference.summaries(of: purchases, through: Self.may.last)
        #expect(RFMReference.lines(report.analysis.customers.map(\.rfm)) == reference)
        #expect(report.gaps.isEmpty && report.isRangeKnown, "\(report.gaps)")
        let a = report.analysis
        #expect(a.period.buyers == Set(purchases.filter { Self.may.contains($0.day) }.map(\.customer)).count)
        for cohort in a.cohorts {
            #expect(cohort.size == a.days.filter { CohortGrain.week.start(of: $0.day) == cohort.start }.reduce(0) { $0 + $1.newBuyers })
        }
        // The master table's new and returning buyers are the report's, and add up to the day's buyers.
        let table = try await f.storage.masterTable(store: f.store.id, days: Self.may, customers: true)
        for (row, day) in zip(table, a.days) {
            guard case .count(let buyers) = row[.buyers] else { Issue.record("buyers of \(row.day.iso) unknown"); continue }
            #expect(row[.newBuyers] == .count(Int64(day.newBuyers)) && row[.returningBuyers] == .count(Int64(day.returningBuyers)))
            #expect(Int64(day.newBuyers + day.returningBuyers) == buyers)
        }
        let json = CustomerReportRenderer.json(report)
        #expect(json.components(separatedBy: "\"monetary_value\":").count - 1 == reference.count)
        for key in ["\"customer\":", "\"frequency\":", "\"recency\":", "\"T\":", "\"segment\":"] { #expect(json.contains(key)) }
        let csv = CustomerReportRenderer.csv(report).split(separator: "\r\n")
        #expect(csv.count == reference.count + 1 && csv[0].hasSuffix("customer,segment,frequency,recency,T,monetary_value,total,"
            + "first_purchase,days_since_last,r,f,m,action,p_alive,predicted_purchases_365d,predicted_value_365d"))
        let champions = CustomerReport(store: report.store, analysis: a, knownDays: report.knownDays, gaps: [], segmentFilter: .champions)
        #expect(CustomerReportRenderer.csv(champions).split(separator: "\r\n").count == a.segments.first { $0.segment == .champions }!.customers + 1)
    }

    @Test("the UCI Online Retail sample: every customer's RFM equals Python's own reading of the workbook",
          .enabled(if: RFMReference.isAvailable))
    func uciSample() async throws {
        let store = Store(id: "uk", name: "UK", platform: .other, currency: Currency("GBP"), timeZone: StoreTimeZone("Europe/London")!)
        let f = try await ImportFixture(store: store)
        defer { f.remove() }
        let workbook = Samples.url("uci/online_retail_sample.xlsx")
        #expect(try await f.service.importFile(workbook, store: f.store.id).status == .imported)
        let days = DayRange(Day(iso: "2011-11-01")!, Day(iso: "2011-12-09")!)!
        let report = try await CustomerService(storage: f.storage).report(store: f.store.id, days: days)
        // Customers are pseudonymised on import: the comparison is of every customer's figures, as a sorted list.
        let reference = try await RFMReference.uciSummaries(workbook: workbook, through: days.last)
        #expect(reference.count > 3_000)
        #expect(RFMReference.lines(report.analysis.customers.map(\.rfm), customers: false) == reference)
    }

    @Test("days without orders and orders without buyer ids: unknown, said in both languages, no range figures")
    func gaps() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        _ = try await f.service.importFile(Samples.url("taobao/orders.csv"), store: f.store.id, options: ImportOptions(allowRoundedIDs: true))
        let early = DayRange(Day(iso: "2017-04-28")!, Day(iso: "2017-05-03")!)!
        let report = try await CustomerService(storage: f.storage).report(store: f.store.id, days: early)
        #expect(report.gaps == [.noOrderData(days: (0..<3).map { early.first.adding(days: $0) })])
        #expect(!report.isRangeKnown)
        let json = CustomerReportRenderer.json(report)
        #expect(json.contains("\"summary\": null") && json.contains("\"cohorts\": null") && json.contains("\"no_order_data\""))
        #expect(json.contains("\"day\": \"2017-04-28\",\n      \"new_buyers\": null"))
        let zh = CustomerReportRenderer.text(report, language: .zh)
        #expect(zh.contains("3 天没有订单数据（2017-04-28 … 2017-04-30）") && !zh.contains("老客占比"))
        #expect(CustomerReportRenderer.text(report, language: .en).contains("3 days have no order data"))

        // An order report without a buyer column: the days are covered, the buyers unknown.
        let g = try await ImportFixture()
        defer { g.remove() }
        let text = "订单编号,买家实际支付金额,订单创建时间,订单付款时间\n1,21,2020-02-21 09:00:00,2020-02-21 09:00:02\n"
        _ = try await g.service.importFile(try g.file("orders.csv", text), store: g.store.id)
        let day = Day(iso: "2020-02-21")!
        let unknown = try await CustomerService(storage: g.storage).report(store: g.store.id, days: DayRange(day: day))
        #expect(unknown.gaps == [.noPurchases, .noBuyerIDs(days: [day])])
        #expect(CustomerReportRenderer.text(unknown, language: .en).contains("export lacks the buyer column"))
        let row = try #require(try await g.storage.masterTable(store: g.store.id, days: DayRange(day: day), customers: true).first)
        #expect(row[.newBuyers] == .noData && row.gaps[.newBuyers] == .noBuyers && row.gaps[.returningBuyerShare] == .noBuyers)
    }

    @Test("any transaction file: whitespace without a header, or CSV with order ids whose rows are apart")
    func transactionFiles() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        // CDNOW's layout: customer, yyyymmdd, quantity, amount, single spaces, no header.
        let cdnow = "00001 19970101 1 11.77\n00002 19970112 1 12.00\n00002 19970112 5 77.00\n\n00003 19970102 2 20.76\n"
            + "00003 19970330 2 20.76\n00003  19970402\t2 19.54\n"
        let mapping = try f.file("cdnow.json", #"{"kind": "transactions", "header": false, "separator": "whitespace", "#
            + #""columns": {"customer": "1", "time": "2", "quantity": "3", "amount": "4"}}"#)
        let imported = try await f.service.importFile(try f.file("cdnow.txt", cdnow), store: f.store.id, options: ImportOptions(mapping: mapping))
        #expect(imported.status == .imported && imported.rowsImported == 6, "\(imported.diagnostics)")
        let orders = try await f.orders()
        #expect(orders.count == 6 && orders.allSatisfy { $0.isPaid && $0.buyer != nil && !$0.buyer!.hasPrefix("0000") })
        let end = Day(iso: "1997-04-30")!
        let report = try await CustomerService(storage: f.storage).report(store: f.store.id, days: DayRange(Day(iso: "1997-04-01")!, end)!)
        #expect(report.analysis.customers.map { [$0.rfm.frequency, $0.rfm.recency, $0.rfm.tenure] }.sorted { $0.lexicographicallyPrecedes($1) }
            == [[0, 0, 108], [0, 0, 119], [2, 90, 118]])
        #expect(report.analysis.customers.compactMap(\.rfm.totalMinor).sorted() == [1_177, 6_106, 8_900])
        // A longer export with the same rows: the overlap is not counted twice.
        let longer = try f.file("cdnow2.txt", cdnow + "00004 19970415 1 5.00\n")
        #expect(try await f.service.importFile(longer, store: f.store.id, options: ImportOptions(mapping: mapping)).status == .imported)
        #expect(try await f.orders().count == 7)

        // Comma-separated with a header and invoice numbers whose rows are not adjacent: one order per invoice.
        let g = try await ImportFixture()
        defer { g.remove() }
        let invoices = "invoice,client,when,total\nA1,c1,2020-02-21 09:00:00,10.00\nA2,c2,2020-02-21 10:00:00,5.00\n"
            + "A1,c1,2020-02-21 09:00:00,2.50\nA3,c1,2020-02-25,\n"
        let byInvoice = try g.file("inv.json", #"{"kind": "transactions", "columns": {"customer": "client", "time": "when", "#
            + #""amount": "total", "order_id": "invoice"}}"#)
        let refused = try await g.service.importFile(try g.file("inv.csv", invoices), store: g.store.id, options: ImportOptions(mapping: byInvoice))
        #expect(refused.status == .rejected, "an empty amount is missing, not 0")
        #expect(refused.diagnostics.map { "\($0.line ?? 0) \($0.column ?? "")" } == ["5 total"], "\(refused.diagnostics)")
        #expect(try await g.orders().isEmpty, "nothing of a refused file is written")
        let fixed = invoices.replacingOccurrences(of: "2020-02-25,\n", with: "2020-02-25,4.00\n")
        #expect(try await g.service.importFile(try g.file("inv2.csv", fixed), store: g.store.id, options: ImportOptions(mapping: byInvoice)).status == .imported)
        let paid = try await g.orders().map { [$0.id: $0.paidAmount.minor] }.reduce(into: [String: Int64]()) { $0.merge($1) { a, _ in a } }
        #expect(paid == ["A1": 1_250, "A2": 500, "A3": 400])
    }

    @Test("a range longer than ten years is refused with what to do")
    func tooLong() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let long = DayRange(Day(iso: "2010-01-01")!, Day(iso: "2026-01-01")!)!
        await #expect(throws: ServiceError.self) { try await CustomerService(storage: f.storage).report(store: f.store.id, days: long) }
    }
}
