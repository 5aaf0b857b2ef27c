import Foundation
import StoreOpsCore
import StoreOpsImport
import StoreOpsReports
import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Testing

/// Real files, right numbers: exports recognised by the columns they have, unknown figures null (never 0), no row lost
/// silently, currencies never guessed, any separator or workbook, messages in the user's language.
@Suite("Import: real files, right numbers")
struct RealFileTests {
    static let day = Day(iso: "2020-02-21")!

    /// The master table of `days` after importing `text` as `name`.
    func table(_ f: ImportFixture, _ days: DayRange) async throws -> [MasterTableRow] {
        try await f.storage.masterTable(store: f.store.id, days: days)
    }

    @Test("a cut-down Tmall order report is recognised, and --kind taobao-orders takes it")
    func shortReport() async throws {
        // The columns of the public Tmall order report: 订单编号, 总金额, 买家实际支付金额, 收货地址, 订单创建时间, 订单付款时间, 退款金额.
        let text = "订单编号,总金额,买家实际支付金额,收货地址 ,订单创建时间,订单付款时间 ,退款金额\n"
            + "1,178.8,0,上海,2020-02-21 00:00:00,,0\n2,21,21,内蒙古自治区,2020-02-20 23:59:54,2020-02-21 00:00:02,0\n"
            + "3,37,0,安徽省,2020-02-20 23:59:35,,0\n4,157,157,湖南省,2020-02-20 23:58:34,2020-02-20 23:58:44,157\n"
        for options in [ImportOptions(), ImportOptions(kind: "taobao-orders")] {
            let f = try await ImportFixture()
            defer { f.remove() }
            let report = try await f.service.importFile(try f.file("tmall_order_report.csv", text), store: f.store.id, options: options)
            #expect(report.status == .imported && report.kind == "taobao-orders", "\(report.diagnostics)")
            let orders = try await f.orders()
            #expect(orders.count == 4 && orders.filter(\.isPaid).count == 2)
            #expect(orders.allSatisfy { $0.buyer == nil && $0.units == nil }, "no buyer or units column: unknown, not made up")
        }
    }

    @Test("every master-table field of a minimal order file (id, amount, paid time) is computed from it or null")
    func minimalFile() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let mapping = try f.file("minimal.json", #"{"kind": "orders", "columns": {"order_id": "id", "paid_amount": "amount", "paid_at": "paid"}}"#)
        let text = "id,amount,paid\nA1,10.00,2020-02-21 09:00:00\nA2,25.50,2020-02-21 10:00:00\nA3,4.50,2020-02-22 11:00:00\n"
        let report = try await f.service.importFile(try f.file("minimal.csv", text), store: f.store.id, options: ImportOptions(mapping: mapping))
        #expect(report.status == .imported, "\(report.diagnostics)")
        let rows = try await table(f, DayRange(Self.day, Self.day.adding(days: 1))!)
        // What the file has: GMV and paid orders. Nothing else may be a number.
        let computable: [MasterField: MetricValue] = [.gmv: .money(Money(minor: 3_550, currency: Currency("CNY"))), .paidOrders: .count(2)]
        for field in MasterField.allCases {
            #expect(rows[0][field] == computable[field] ?? .noData, "\(field.key)")
            if computable[field] == nil { #expect(rows[0].gaps[field] != nil, "\(field.key) says why it is missing") }
        }
        #expect(rows[0].gaps[.buyers] == .noBuyers && rows[0].gaps[.units] == .noUnits && rows[0].gaps[.cogs] == .noUnits)
        #expect(rows[0].gaps[.refundAmount] == .noRefunds && rows[0].gaps[.visitors] == .noTraffic)
        // JSON null and CSV empty, never 0.
        let object = JSONValue.object(MasterTableJSON.fields(of: rows[0])).rendered()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(object.utf8)) as? [String: Any])
        for field in MasterField.allCases where computable[field] == nil { #expect(json[field.key] is NSNull, "\(field.key)") }
        let csv = MasterTableCSVRenderer().render(store: f.store, rows: rows).split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = csv[0].map(String.init), values = csv[1].map(String.init)
        for field in MasterField.allCases where computable[field] == nil {
            #expect(values[try #require(header.firstIndex(of: field.key))] == "", "\(field.key)")
        }
    }

    @Test("refunds without a completion date leave refunds by refund day unknown, by order day known")
    func undatedRefunds() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let text = "订单编号,买家实际支付金额,订单创建时间,订单付款时间,退款金额,买家会员名,宝贝总数量\n"
            + "1,100.00,2020-02-21 09:00:00,2020-02-21 09:01:00,100.00,a,1\n2,50.00,2020-02-21 09:00:00,2020-02-21 09:01:00,0,b,2\n"
        _ = try await f.service.importFile(try f.file("orders.csv", text), store: f.store.id)
        let row = try #require(try await table(f, DayRange(day: Self.day)).first)
        #expect(row[.refundAmountByOrderDay] == .money(Money(minor: 10_000, currency: Currency("CNY"))))
        #expect(row[.refundAmount] == .noData && row[.refundOrders] == .noData && row[.refundRate] == .noData)
        #expect(row.gaps[.refundAmount] == .undatedRefunds)
        #expect(row[.buyers] == .count(2) && row[.units] == .count(3), "the columns it has are used")
    }

    @Test("an order export without shipping columns makes no unshipped findings, and says so once")
    func noShippingData() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let rows = (1...40).map { "\($0),\(10 + $0).00,2020-02-21 09:00:00,2020-02-21 09:01:00,\($0 % 3 == 0 ? "\(10 + $0).00" : "0")\n" }.joined()
        _ = try await f.service.importFile(try f.file("orders.csv", "订单编号,买家实际支付金额,订单创建时间,订单付款时间,退款金额\n" + rows), store: f.store.id)
        #expect(try await f.orders().allSatisfy { $0.status == .paidShippingUnknown })
        let clock: @Sendable () -> Instant = { Instant(year: 2020, month: 2, day: 25, hour: 1)! }
        let findings = try await CheckService(storage: f.storage, clock: clock).run(store: f.store.id, day: Self.day).findings
        #expect(!findings.contains { $0.check == .unshippedOrder })
        let notes = findings.filter { $0.check == .shippingUnknown }
        #expect(notes.count == 1 && notes.first?.evidence.first?.value == .count(40))
    }

    @Test("a mapping whose order id is not unique is refused, both lines named")
    func collapsingMapping() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let mapping = try f.file("m.json", #"{"kind": "orders", "columns": {"order_id": "shop", "paid_amount": "amount", "paid_at": "time", "created_at": "time"}}"#)
        let text = "shop,amount,time\nS1,10.00,2020-02-21 09:00:00\nS1,12.00,2020-02-21 10:00:00\nS2,1.00,2020-02-21 10:00:00\n"
        let report = try await f.service.importFile(try f.file("log.csv", text), store: f.store.id, options: ImportOptions(mapping: mapping))
        #expect(report.status == .rejected)
        #expect(report.diagnostics.first?.message == "Order S1 is on line 2 and on line 3 with different values: one would overwrite the other")
        #expect(try await f.orders().isEmpty)
    }

    @Test("a transaction log without an order id: each row its own order, the same rows again change nothing")
    func transactionLog() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let mapping = try f.file("m.json", #"{"kind": "orders", "columns": {"paid_amount": "amount", "paid_at": "time", "created_at": "time"}}"#)
        let rows = ["10.00,2020-02-21 09:00:00", "10.00,2020-02-21 09:00:00", "7.00,2020-02-21 11:00:00"]
        let first = "amount,time\n" + rows.prefix(2).joined(separator: "\n") + "\n"
        let second = "amount,time\n" + rows.joined(separator: "\n") + "\n"
        #expect(try await f.service.importFile(try f.file("day1.csv", first), store: f.store.id, options: ImportOptions(mapping: mapping)).status == .imported)
        #expect(try await f.orders().count == 2, "two equal rows are two orders")
        #expect(try await f.service.importFile(try f.file("day1-again.csv", second), store: f.store.id, options: ImportOptions(mapping: mapping)).status == .imported)
        #expect(try await f.orders().count == 3, "the overlap is not counted twice")
        #expect(try await f.gmv(DayRange(day: Self.day)) == 2_700)
    }

    @Test("a store outside mainland China needs its currency and time zone; a mainland store gets CNY and Asia/Shanghai")
    func storeCurrency() async throws {
        let storage = try await TestBackend.makeStore()
        let service = StoreService(storage: storage)
        await #expect(throws: ServiceError.self) { try await service.add(id: "maple", name: "Maple", platform: "shopify") }
        await #expect(throws: ServiceError.self) { try await service.add(id: "maple", name: "Maple", platform: "shopify", currency: "CAD") }
        let maple = try await service.add(id: "maple", name: "Maple", platform: "shopify", currency: "CAD", timeZone: "America/Toronto")
        #expect(maple.currency.code == "CAD" && maple.timeZone.identifier == "America/Toronto")
        let renamed = try await service.add(id: "maple", name: "Maple Leaf", platform: "shopify")
        #expect(renamed.currency.code == "CAD" && renamed.timeZone.identifier == "America/Toronto", "an update keeps them")
        let tmall = try await service.add(id: "acme", name: "Acme", platform: "tmall")
        #expect(tmall.currency.code == "CNY" && tmall.timeZone.identifier == "Asia/Shanghai")
    }

    @Test("a Shopify export in another currency than the store's is refused, both named")
    func otherCurrency() async throws {
        let f = try await ImportFixture(store: Store(id: "rand", name: "Rand", platform: .shopify, currency: Currency("ZAR"),
                                                     timeZone: StoreTimeZone("Africa/Johannesburg")!))
        defer { f.remove() }
        let report = try await f.service.importFile(Samples.url("shopify/orders_export.csv"), store: f.store.id)
        #expect(report.status == .rejected)
        #expect(report.diagnostics.first?.message == "The file's amounts are in CAD, but store rand keeps its money in ZAR")
    }

    @Test("separators: semicolons with decimal commas, pipes with fixed dates and padded amounts, aligned columns")
    func separators() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let mapping = try f.file("m.json", #"{"kind": "orders", "columns": {"order_id": "order", "paid_amount": "amount", "paid_at": "paid", "created_at": "paid"}}"#)
        let files = [
            ("semicolon.csv", "order;amount;paid\nA1;12,50;2020-02-21 10:00\nA2;1.234,50;2020-02-21 11:00\n"),
            ("pipe.txt", "order|amount|paid\nB1|  3.00|20200221\nB2| 4.00 |20200221\n"),
            ("aligned.txt", "order    amount    paid\nC1        10.00    2020-02-21 09:00:00\nC2         0.50    2020-02-21 12:30:00\n"),
        ]
        for (name, text) in files {
            let report = try await f.service.importFile(try f.file(name, text), store: f.store.id, options: ImportOptions(mapping: mapping))
            #expect(report.status == .imported && report.rowsImported == 2, "\(name): \(report.diagnostics)")
        }
        // 12.50 + 1,234.50 + 3.00 + 4.00 + 10.00 + 0.50
        #expect(try await f.gmv(DayRange(day: Self.day)) == 126_450)
        // --separator, and the same in a mapping file, override detection.
        let forced = try await f.service.importFile(try f.file("one.csv", "order,amount,paid\nD1,1.00,2020-02-21 10:00\n"), store: f.store.id,
                                                    options: ImportOptions(mapping: mapping, separator: .semicolon))
        #expect(forced.status == .rejected)
    }

    @Test("legacy Excel: the 生意参谋 .xls is read, the 2018 order .xls is read and refused for lacking 订单编号")
    func legacyExcel() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let orders = try await f.service.importFile(Samples.url("taobao/orders_2018_subset.xls"), store: f.store.id)
        #expect(orders.status == .rejected)
        #expect(orders.diagnostics.first?.message == "The columns look like Taobao/Tmall order export (订单报表) but lack 订单编号")
        #expect(orders.diagnostics.first?.hint.contains("export the orders again with the 订单编号 column") == true)
        let sources = try await f.service.importFile(Samples.url("sycm/wireless_sources_ztc_keywords.xls"), store: f.store.id,
                                                     options: ImportOptions(date: Self.day))
        #expect(sources.status == .imported && sources.kind == "sycm-sources" && sources.rowsImported == 100, "\(sources.diagnostics)")
        let read = try await f.storage.read(TrafficSourceDay.self, store: f.store.id, days: nil)
        #expect(read.count == 100 && read.allSatisfy { $0.day == Self.day })
    }

    @Test("messages: Chinese diagnostics, 'would import' for a dry run, the kind named in JSON, the rejects file named and headed")
    func messages() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let bad = "订单编号,买家实际支付金额,订单创建时间,备注\n1,十块,2020-02-21 09:00:00,x\n2,5.00,2020-02-21 09:00:00,y,extra\n3,6.00,2020-02-21 09:00:00,z\n"
        let url = try f.file("orders.csv", bad)
        let report = try await f.service.importFile(url, store: f.store.id, options: ImportOptions(kind: "taobao-orders", skipInvalid: true))
        #expect(report.status == .imported && report.rowsImported == 1 && report.rowsRejected == 2)
        #expect(report.diagnostics.first { $0.line == 2 }?.description(chinese: true) == "orders.csv:2: 列 买家实际支付金额 \"十块\": 不是金额。应为 1234.50 这样的数字")
        let rejects = try #require(report.rejectsFile)
        #expect(rejects.hasSuffix("/orders.csv.rejects.csv"))
        let lines = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\r\n").map(String.init)
        #expect(lines[0].trimmingCharacters(in: ["\u{FEFF}"]) == "line,problem,订单编号,买家实际支付金额,订单创建时间,备注,extra 1")
        #expect(lines.count == 3)

        let refused = try await f.service.importFile(try f.file("empty.csv", ""), store: f.store.id, options: ImportOptions(kind: "taobao-orders"))
        let json = ImportReportJSON.render([refused], chinese: true)
        #expect(json.contains("\"kind\": \"taobao-orders\"") && json.contains("\"message\": \"文件是空的\""))
        let dry = try await f.service.importFile(try f.file("good.csv", "订单编号,买家实际支付金额,订单创建时间\n9,1.00,2020-02-21 09:00:00\n"), store: f.store.id,
                                                 options: ImportOptions(dryRun: true))
        let ordersAfter = try await f.orders().count
        #expect(dry.status == .checked && dry.rowsImported == 1 && ordersAfter == 1, "the dry run wrote nothing (1 from the first import)")
    }
}

@Suite("Import: real files, right numbers (edge cases)")
struct RealFileEdgeTests {
    static let day = Day(iso: "2020-02-21")!

    @Test("an HTML table's colspan and rowspan keep every value under its header")
    func htmlSpans() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let html = """
            <html><head><meta charset="utf-8"></head><body><table>
            <tr><td colspan="3">订单报表 2020-02-21</td></tr>
            <tr><th>订单编号</th><th>买家实际支付金额</th><th>订单创建时间</th></tr>
            <tr><td>1</td><td rowspan="2">10.00</td><td>2020-02-21 09:00:00</td></tr>
            <tr><td>2</td><td>2020-02-21 10:00:00</td></tr>
            <tr><td>3</td><td>5.00</td><td>2020-02-21 11:00:00<table><tr><td>nested</td></tr></table></td></tr>
            </table></body></html>
            """
        let report = try await f.service.importFile(try f.file("orders.xls", html), store: f.store.id)
        // Order 2's amount cell is the one above it spans into: empty, so its amount is required and missing.
        #expect(report.status == .rejected)
        #expect(report.diagnostics.first?.line == 5 && report.diagnostics.first?.column == "买家实际支付金额",
                "\(report.diagnostics.map(\.description))")
        let fixed = html.replacingOccurrences(of: " rowspan=\"2\"", with: "").replacingOccurrences(of: "<td>2</td>", with: "<td>2</td><td>7.00</td>")
        let again = try await f.service.importFile(try f.file("orders2.xls", fixed), store: f.store.id)
        #expect(again.status == .imported && again.rowsImported == 3, "\(again.diagnostics.map(\.description))")
        #expect(try await f.gmv(DayRange(day: Self.day)) == 2_200)
    }

    @Test("an item export's order that comes back is refused on every returning row, also with --skip-invalid")
    func returningLines() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let text = "订单编号,标题,价格,购买数量\n1001,a,1.00,1\n1002,b,2.00,1\n1001,c,3.00,1\n1001,d,4.00,1\n"
        let report = try await f.service.importFile(try f.file("items.csv", text), store: f.store.id, options: ImportOptions(skipInvalid: true))
        #expect(report.rowsImported == 2 && report.rowsRejected == 2)
        let lines = try await f.storage.read(OrderLine.self, store: f.store.id, days: nil)
        #expect(lines.map(\.title).sorted() == ["a", "b"], "line 1 of order 1001 is still a")
    }

    @Test("an order sheet without payment time or status: a paid amount means paid")
    func paidWithoutTime() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let text = "订单编号,买家实际支付金额,订单创建时间\n1,10.00,2020-02-21 09:00:00\n2,0,2020-02-21 09:00:00\n"
        _ = try await f.service.importFile(try f.file("orders.csv", text), store: f.store.id)
        #expect(try await f.gmv(DayRange(day: Self.day)) == 1_000)
        #expect(try await f.orders().first { $0.id == "2" }?.isPaid == false)
    }

    @Test("a refund export beside the order export's refund column: no double count, by refund day known again, gross profit kept")
    func datedAndUndatedRefunds() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        _ = try await CostService(storage: f.storage).set(store: f.store.id, commissionPercent: "0", shippingPerOrder: "0")
        let orders = "订单编号,买家实际支付金额,订单创建时间,订单付款时间,退款金额,宝贝总数量\n1,100.00,2020-02-21 09:00:00,2020-02-21 09:01:00,40.00,0\n"
        _ = try await f.service.importFile(try f.file("orders.csv", orders), store: f.store.id)
        var row = try #require(try await f.storage.masterTable(store: f.store.id, days: DayRange(day: Self.day)).first)
        #expect(row[.refundAmountByOrderDay] == .money(Money(minor: 4_000, currency: Currency("CNY"))) && row[.refundAmount] == .noData)
        #expect(row[.grossProfit].hasData && row[.netProfit] == .noData, "gross profit does not depend on refunds")
        let refunds = "退款编号,订单编号,买家退款金额,退款的申请时间,退款完结时间,退款状态\nR1,1,40.00,2020-02-21 12:00:00,2020-02-22 10:00:00,退款成功\n"
        let report = try await f.service.importFile(try f.file("refunds.csv", refunds), store: f.store.id)
        #expect(report.status == .imported, "\(report.diagnostics)")
        row = try #require(try await f.storage.masterTable(store: f.store.id, days: DayRange(day: Self.day)).first)
        #expect(row[.refundAmountByOrderDay] == .money(Money(minor: 4_000, currency: Currency("CNY"))), "the same 40.00, once")
        let next = try #require(try await f.storage.masterTable(store: f.store.id, days: DayRange(day: Self.day.adding(days: 1))).first)
        #expect(next[.refundAmount] == .money(Money(minor: 4_000, currency: Currency("CNY"))))
    }
}
