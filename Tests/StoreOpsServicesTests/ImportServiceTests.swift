import Foundation
import StoreOpsCore
import StoreOpsImport
import StoreOpsReports
import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Testing

/// A fresh in-memory database with one store, and a temporary folder for files.
struct ImportFixture {
    let storage: any StoreOpsStore
    let service: ImportService
    let store: Store
    let folder: URL

    init(store: Store = Store(id: "toys", name: "玩具店", platform: .taobao)) async throws {
        storage = try await TestBackend.makeStore()
        try await storage.saveStore(store)
        service = ImportService(storage: storage, clock: { Instant(year: 2026, month: 11, day: 22, hour: 1)! })
        self.store = store
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("storeops-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    func file(_ name: String, _ text: String) throws -> URL { try file(name, Array(text.utf8)) }

    func orders() async throws -> [Order] { try await storage.read(Order.self, store: store.id, days: nil) }

    func gmv(_ days: DayRange) async throws -> Int64 {
        try await storage.masterTable(store: store.id, days: days).reduce(Int64(0)) { total, row in
            if case .money(let m) = row[.gmv] { return total + m.minor }
            return total
        }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

let may2017 = DayRange(Day(iso: "2017-05-01")!, Day(iso: "2017-05-31")!)!

@Suite("Import service: the real samples")
struct ImportSamplesTests {
    @Test("Taobao orders + items: every order and line, GMV in the master table")
    func taobao() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let orders = try await f.service.importFile(Samples.url("taobao/orders.csv"), store: f.store.id, options: ImportOptions(allowRoundedIDs: true))
        let items = try await f.service.importFile(Samples.url("taobao/Items_orders.csv"), store: f.store.id, options: ImportOptions(allowRoundedIDs: true))
        #expect(orders.status == .imported && items.status == .imported)
        #expect(orders.counts["orders"] == 3_989 && items.counts["order_lines"] == 21_897)
        #expect(try await f.orders().count == 3_989)
        #expect(try await f.storage.read(OrderLine.self, store: f.store.id, days: nil).count == 21_897)
        // Σ 买家实际支付金额 over paid orders (python3 csv): 289,655.94.
        #expect(try await f.gmv(may2017) == 28_965_594)
        let refunds = try await f.storage.masterTable(store: f.store.id, days: may2017).reduce(Int64(0)) { t, row in
            if case .money(let m) = row[.refundAmountByOrderDay] { return t + m.minor }
            return t
        }
        #expect(refunds > 0)

        // The SKU ranking (daily per-SKU aggregate, refreshed when the lines arrived after their orders) equals the
        // stored lines of the paid orders, grouped by SKU and product.
        let paid = Dictionary(try await f.orders().compactMap { o in o.paidDay.map { (o.id, $0) } }, uniquingKeysWith: { a, _ in a })
        var expected: [String: (units: Int, revenue: Int64)] = [:]
        for line in try await f.storage.read(OrderLine.self, store: f.store.id, days: nil) {
            guard let day = paid[line.orderID], may2017.contains(day) else { continue }
            let key = (line.skuID ?? "") + "|" + (line.productID ?? "")
            expected[key, default: (0, 0)].units += line.quantity
            expected[key, default: (0, 0)].revenue += line.unitPrice.minor * Int64(line.quantity)
        }
        let ranking = try await ReportService(storage: f.storage, clock: { Instant(year: 2026, month: 11, day: 22, hour: 1)! })
            .skuSales(store: f.store.id, days: may2017)
        #expect(ranking.rows.count == expected.count && !expected.isEmpty)
        for row in ranking.rows {
            let want = expected[(row.skuID ?? "") + "|" + (row.productID ?? "")]
            #expect(want?.units == row.units && want?.revenue == row.revenue.minor, "\(row)")
        }
        #expect(ranking.rows.map(\.revenue.minor) == ranking.rows.map(\.revenue.minor).sorted(by: >))
        #expect(SKUSalesRenderer.csv(ranking).split(separator: "\r\n").count == expected.count + 1)
    }

    @Test("every sample imports without error", arguments: [
        ("taobao/orders.csv", "CNY", "Asia/Shanghai"), ("taobao/Items_orders.csv", "CNY", "Asia/Shanghai"), ("taobao/Items_attribute.csv", "CNY", "Asia/Shanghai"),
        ("shopify/orders_export.csv", "CAD", "America/Toronto"), ("shopify/products_export.csv", "CAD", "America/Toronto"),
        ("amazon/BusinessReport-31-03-2026.csv", "GBP", "Europe/London"), ("uci/online_retail_sample.xlsx", "GBP", "Europe/London"),
        ("shopify/inventory_export.csv", "CAD", "America/Toronto"), ("amazon/FBA_Inventory.csv", "USD", "America/Los_Angeles"),
        ("amazon/active_listings.txt", "USD", "America/Los_Angeles"), ("taobao/taobao_assistant_items.csv", "CNY", "Asia/Shanghai"),
    ])
    func everySample(_ path: String, _ currency: String, _ zone: String) async throws {
        let f = try await ImportFixture(store: Store(id: "s", name: "s", platform: .other, currency: Currency(currency), timeZone: StoreTimeZone(zone)!))
        defer { f.remove() }
        let report = try await f.service.importFile(Samples.url(path), store: f.store.id, options: ImportOptions(allowRoundedIDs: true))
        #expect(report.status == .imported, "\(report.diagnostics.prefix(3))")
        #expect(report.errorCount == 0 && report.rowsRejected == 0 && report.rowsImported == report.rowsRead)
        #expect(try await f.storage.importRecords(store: f.store.id).map(\.fileName) == [Samples.url(path).lastPathComponent])
    }

    @Test("Shopify: 20 orders with their totals and the partial refund, in the master table")
    func shopify() async throws {
        let f = try await ImportFixture(store: Store(id: "maple", name: "Maple", platform: .shopify, currency: Currency("CAD"), timeZone: StoreTimeZone("America/Toronto")!))
        defer { f.remove() }
        _ = try await f.service.importFile(Samples.url("shopify/orders_export.csv"), store: f.store.id)
        let orders = try await f.orders()
        #expect(orders.count == 20)
        #expect(orders.reduce(Int64(0)) { $0 + $1.paidAmount.minor } == 223_895)
        let days = DayRange(orders.compactMap(\.paidDay).min()!, orders.compactMap(\.paidDay).max()!)!
        #expect(try await f.gmv(days) == 223_895)
        let refunds = try await f.storage.read(Refund.self, store: f.store.id, days: nil)
        #expect(refunds.map(\.amount.minor) == [154] && refunds.first?.orderID == "#1095")
    }

    @Test("UCI XLSX: 40,000 rows, cancellations as returns")
    func uci() async throws {
        let f = try await ImportFixture(store: Store(id: "uk", name: "UK", platform: .other, currency: Currency("GBP"), timeZone: StoreTimeZone("Europe/London")!))
        defer { f.remove() }
        let report = try await f.service.importFile(Samples.url("uci/online_retail_sample.xlsx"), store: f.store.id)
        #expect(report.rowsImported == 40_000)
        #expect(try await f.orders().count == 12_526)
        let refunds = try await f.storage.read(Refund.self, store: f.store.id, days: nil)
        #expect(refunds.count == 778 && refunds.reduce(Int64(0)) { $0 + $1.amount.minor } == 3_442_233)
        #expect(try await f.gmv(DayRange(Day(iso: "2010-12-01")!, Day(iso: "2011-12-09")!)!) == 74_134_475)
    }
}

@Suite("Import service: idempotency and overlaps")
struct ImportIdempotencyTests {
    @Test("the same file twice is a no-op that says so")
    func twice() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let url = Samples.url("taobao/orders.csv")
        _ = try await f.service.importFile(url, store: f.store.id, options: ImportOptions(allowRoundedIDs: true))
        let table = try await f.storage.masterTable(store: f.store.id, days: may2017)
        let again = try await f.service.importFile(url, store: f.store.id, options: ImportOptions(allowRoundedIDs: true))
        #expect(again.status == .alreadyImported && again.previous?.rowsImported == 3_989)
        #expect(try await f.storage.masterTable(store: f.store.id, days: may2017) == table)
        #expect(try await f.storage.importRecords(store: f.store.id).count == 1)
    }

    @Test("overlapping exports upsert: nothing counted twice")
    func overlapping() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let text = try String(contentsOf: Samples.url("taobao/orders.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines[0]
        let body = lines.dropFirst().filter { !$0.isEmpty }
        #expect(body.count == 3_989, "the sample has no quoted line breaks")
        let first = try f.file("yesterday.csv", ([header] + body.prefix(2_500)).joined(separator: "\n") + "\n")
        let second = try f.file("today.csv", ([header] + body.dropFirst(1_500)).joined(separator: "\n") + "\n")
        _ = try await f.service.importFile(first, store: f.store.id, options: ImportOptions(allowRoundedIDs: true))
        _ = try await f.service.importFile(second, store: f.store.id, options: ImportOptions(allowRoundedIDs: true))
        #expect(try await f.orders().count == 3_989)
        #expect(try await f.gmv(may2017) == 28_965_594)
    }

    @Test("buyers are pseudonymised per store, consistently")
    func pseudonyms() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        try await f.storage.saveStore(Store(id: "other", name: "other", platform: .taobao))
        _ = try await f.service.importFile(Samples.url("taobao/orders.csv"), store: f.store.id, options: ImportOptions(allowRoundedIDs: true))
        _ = try await f.service.importFile(Samples.url("taobao/orders.csv"), store: "other", options: ImportOptions(allowRoundedIDs: true))
        let mine = try await f.orders(), theirs = try await f.storage.read(Order.self, store: "other", days: nil)
        // Order 21407300627014900 was bought by account 1425.
        let a = try #require(mine.first { $0.id == "21407300627014900" }), b = try #require(theirs.first { $0.id == "21407300627014900" })
        let buyer = try #require(a.buyer)
        #expect(buyer != "1425" && buyer.count == 33 && buyer.hasPrefix("b"))
        #expect(a.buyer != b.buyer, "salted per store")
        #expect(Set(mine.map(\.buyer)).count == Set(theirs.map(\.buyer)).count, "the same buyers stay the same buyers")
    }
}

@Suite("Import service: broken files")
struct BrokenFileTests {
    static let header = "订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间 ,宝贝总数量\n"

    /// Imports `bytes` and expects a rejection whose diagnostics contain `message` (at `line`), with nothing written.
    func rejected(_ name: String, _ bytes: [UInt8], message: String, line: Int? = nil, options: ImportOptions = ImportOptions()) async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let report = try await f.service.importFile(try f.file(name, bytes), store: f.store.id, options: options)
        #expect(report.status == .rejected, "\(name)")
        let hit = report.diagnostics.first { $0.message.contains(message) || $0.hint.contains(message) }
        #expect(hit != nil, "\(name): \(report.diagnostics.map(\.description))")
        if let line { #expect(hit?.line == line, "\(name)") }
        #expect(try await f.orders().isEmpty, "\(name): nothing written")
        #expect(try await f.storage.importRecords(store: f.store.id).isEmpty)
    }

    @Test("truncated quote") func truncated() async throws {
        try await rejected("truncated.csv", Array((Self.header + "1,a,10.00,交易成功,2017/5/1 10:00,2017/5/1 10:00,1\n2,\"b,5.00,交易成功,2017/5/1 10:00").utf8),
                           message: "never closed", line: 3)
    }

    @Test("wrong column count") func columns() async throws {
        try await rejected("columns.csv", Array((Self.header + "1,a,10.00,交易成功,2017/5/1 10:00,2017/5/1 10:00,1\n2,b,5.00,交易成功,2017/5/1 10:00\n").utf8),
                           message: "5 cells but the header has 7", line: 3)
    }

    @Test("bad dates") func dates() async throws {
        try await rejected("dates.csv", Array((Self.header + "1,a,10.00,交易成功,2017/13/45 10:00,2017/5/1 10:00,1\n").utf8), message: "Not a date and time", line: 2)
    }

    @Test("bad money") func money() async throws {
        try await rejected("money.csv", Array((Self.header + "1,a,10.00,交易成功,2017/5/1 10:00,2017/5/1 10:00,1\n2,b,十块,交易成功,2017/5/1 10:00,2017/5/1 10:00,1\n").utf8),
                           message: "Not an amount of money", line: 3)
    }

    @Test("wrong encoding") func encoding() async throws {
        let gbk = try #require((Self.header + "1,张三,10.00,交易成功,2017/5/1 10:00,2017/5/1 10:00,1\n").data(using: .init(rawValue: 0x80000632)))
        try await rejected("gbk.csv", [UInt8](gbk), message: "--encoding gbk", options: ImportOptions(encoding: .utf8))
    }

    @Test("an error after batches were written leaves nothing; skipped, it leaves everything else")
    func lateError() async throws {
        // 12,000 good rows (more than two batches went to storage) and a bad amount on the last line.
        let good = (1...12_000).map { "\($0),buyer\($0 % 700),\(10 + $0 % 90).50,交易成功,2017-05-01 10:00:00,2017-05-01 10:01:00,1\n" }.joined()
        let text = Self.header + good + "12001,z,十块,交易成功,2017-05-01 10:00:00,2017-05-01 10:01:00,1\n"
        try await rejected("late.csv", Array(text.utf8), message: "Not an amount of money", line: 12_002)

        let f = try await ImportFixture()
        defer { f.remove() }
        let report = try await f.service.importFile(try f.file("late.csv", text), store: f.store.id, options: ImportOptions(skipInvalid: true))
        #expect(report.status == .imported)
        #expect(report.rowsImported == 12_000 && report.rowsRejected == 1)
        #expect(try await f.orders().count == 12_000)
        #expect(try await f.storage.importRecords(store: f.store.id).count == 1)
    }

    @Test("empty file") func empty() async throws { try await rejected("empty.csv", [], message: "empty") }

    @Test("header only") func headerOnly() async throws { try await rejected("header.csv", Array(Self.header.utf8), message: "no data rows", line: 1) }

    @Test("binary junk") func junk() async throws {
        var generator = SeededJunk(seed: 7)
        try await rejected("junk.csv", (0..<4_096).map { _ in generator.next() }, message: "not a text file")
    }

    @Test("unrecognised columns") func unknownColumns() async throws {
        try await rejected("unknown.csv", Array("foo,bar\n1,2\n".utf8), message: "match no known export")
    }

    @Test("an XLSX that is not a zip") func fakeXLSX() async throws { try await rejected("fake.xlsx", [0x50, 0x4B, 0x03, 0x04] + Array("not really".utf8), message: "not an XLSX file") }

    @Test("a zip bomb is refused before it unpacks")
    func zipBomb() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bomb-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try XLSXFixture.write(url, sheetXML: "<worksheet><sheetData>" + String(repeating: "<row r=\"1\"><c t=\"inlineStr\"><is><t>A</t></is></c></row>", count: 200_000)
                                             + "</sheetData></worksheet>")
        let reader = XLSXReader(url: url, maxPartBytes: 1_000_000)
        do {
            try reader.forEachRecord { _ in }
            Issue.record("read a part larger than the limit")
        } catch let error as ReadError {
            #expect(error.diagnostic.message.contains("zip bomb"))
        }
    }

    @Test("a big part packed hundreds of times is refused by its ratio, under the size limit")
    func zipBombRatio() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ratio-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try XLSXFixture.write(url, sheetXML: "<worksheet><sheetData>" + String(repeating: " ", count: 40 << 20) + "</sheetData></worksheet>")
        do {
            try XLSXReader(url: url).forEachRecord { _ in }
            Issue.record("unpacked a bomb")
        } catch let error as ReadError {
            #expect(error.diagnostic.message.contains("times its packed size"), "\(error.diagnostic.message)")
        }
    }

    @Test("parts read whole (styles) and the shared strings are bounded, whatever their ratio")
    func wholeParts() throws {
        // 17 MB of text that packs only a few times: under the ratio check, over the limit of a part read whole.
        // A 64 KB random block repeated: deflate's 32 KB window cannot reach back to the previous copy.
        var generator = SystemRandomNumberGenerator()
        let block = String((0..<(64 << 10)).map { _ in "0123456789abcdef".randomElement(using: &generator)! })
        let noise = String(repeating: block, count: 17 * 16)
        for (path, expected) in [("xl/styles.xml", "would unpack to"), ("xl/sharedStrings.xml", "would unpack to")] {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("whole-\(UUID().uuidString).xlsx")
            defer { try? FileManager.default.removeItem(at: url) }
            let text = path == "xl/styles.xml" ? "<styleSheet>" + noise + "</styleSheet>" : "<sst><si><t>" + noise + "</t></si></sst>"
            try XLSXFixture.write(url, sheetXML: "<worksheet><sheetData/></worksheet>", extraParts: [(path, text)])
            let reader = XLSXReader(url: url, maxPartBytes: path == "xl/styles.xml" ? 1 << 30 : 8 << 20)
            do {
                try reader.forEachRecord { _ in }
                Issue.record("read \(path) of 17 MB")
            } catch let error as ReadError {
                #expect(error.diagnostic.message.contains(expected), "\(error.diagnostic.message)")
            }
        }
    }

    @Test("a deflate stream that does not end within its part is damaged, not an endless read",
          .timeLimit(.minutes(1)))
    func unendingStream() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("unending-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let rows = (1...3000).map { "<row r=\"\($0)\"><c t=\"inlineStr\"><is><t>row \($0)</t></is></c></row>" }.joined()
        try XLSXFixture.write(url, sheetXML: "<worksheet><sheetData>" + rows + "</sheetData></worksheet>")
        // The sheet's stream becomes one stored block of 65,535 bytes that is not the last: more than the rest of
        // the file holds, so the inflater wants input to the end of the file and beyond, yet unpacks less than the
        // sheet declares (about 200 KB).
        var bytes = try Data(contentsOf: url)
        let name = Data("xl/worksheets/sheet1.xml".utf8)
        let nameAt = try #require(bytes.range(of: name)?.lowerBound)
        let extra = Int(bytes[nameAt - 2]) | Int(bytes[nameAt - 1]) << 8
        let data = nameAt + name.count + extra
        bytes.replaceSubrange(data..<data + 5, with: [0x00, 0xFF, 0xFF, 0x00, 0x00])
        try bytes.write(to: url)
        do {
            try XLSXReader(url: url).forEachRecord { _ in }
            Issue.record("read a damaged sheet")
        } catch let error as ReadError {
            #expect(error.diagnostic.message.contains("damaged"), "\(error.diagnostic.message)")
        }
    }

    @Test("XML entity tricks are refused")
    func entities() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xxe-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try XLSXFixture.write(url, sheetXML: "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&a;</t></is></c></row></sheetData></worksheet>")
        do {
            try XLSXReader(url: url).forEachRecord { _ in }
            Issue.record("accepted a DTD")
        } catch let error as ReadError {
            #expect(error.diagnostic.message.contains("document type declarations"))
        }
    }
}

@Suite("Import service: options")
struct ImportOptionTests {
    static let text = BrokenFileTests.header + "1,a,10.00,交易成功,2017/5/1 10:00,2017/5/1 10:00,1\n2,b,oops,交易成功,2017/5/1 10:00,2017/5/1 10:00,1\n3,c,7.50,交易成功,2017/5/2 09:00,2017/5/2 09:00,2\n"

    @Test("--skip-invalid imports the valid rows and writes the rejects beside the input")
    func skipInvalid() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let report = try await f.service.importFile(try f.file("mixed.csv", Self.text), store: f.store.id, options: ImportOptions(skipInvalid: true))
        #expect(report.status == .imported && report.rowsImported == 2 && report.rowsRejected == 1)
        #expect(try await f.orders().map(\.id) == ["1", "3"])
        let rejects = try String(contentsOfFile: try #require(report.rejectsFile), encoding: .utf8)
        #expect(rejects.contains("3,") && rejects.contains("Not an amount of money") && rejects.contains("oops"))
    }

    @Test("--dry-run checks and writes nothing")
    func dryRun() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let report = try await f.service.importFile(Samples.url("taobao/orders.csv"), store: f.store.id, options: ImportOptions(dryRun: true, allowRoundedIDs: true))
        #expect(report.status == .checked && report.rowsImported == 3_989 && report.counts["orders"] == 3_989)
        #expect(try await f.orders().isEmpty)
    }

    @Test("a mapping file makes any CSV importable")
    func mapping() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let mapping = try f.file("erp.json", #"{"kind": "orders", "name": "ERP", "columns": {"order_id": "单号", "paid_at": "付款时间", "created_at": "付款时间", "paid_amount": ["实付", "实付金额"], "buyer": "客户"}}"#)
        let data = try f.file("erp.csv", "ERP 导出\n单号,客户,实付,付款时间\n A1 ,c1,¥1,234.50,2026-03-10 10:00:00\nA2,c2,20,20260310\n合计,,1254.50,\n")
        let report = try await f.service.importFile(data, store: f.store.id, options: ImportOptions(mapping: mapping))
        #expect(report.status == .rejected, "the unquoted thousands separator splits a cell")
        let fixed = try f.file("erp2.csv", "ERP 导出\n单号,客户,实付,付款时间\n A1 ,c1,\"¥1,234.50\",2026-03-10 10:00:00\nA2,c2,20,20260310\n合计,,1254.50,\n")
        let ok = try await f.service.importFile(fixed, store: f.store.id, options: ImportOptions(mapping: mapping))
        #expect(ok.status == .imported && ok.rowsRead == 2, "title row above and summary row below are skipped")
        #expect(try await f.orders().map(\.paidAmount.minor) == [123_450, 2_000])
        let badMapping = try f.file("bad.json", #"{"kind": "orders", "columns": {"order_number": "单号"}}"#)
        await #expect(throws: ServiceError.self) { try await f.service.importFile(fixed, store: f.store.id, options: ImportOptions(mapping: badMapping)) }
    }

    @Test("stock by a mapping file: dated rows, the required count, and a day a count cannot lack")
    func stockMapping() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let mapping = try f.file("stock.json", #"{"kind": "stock", "columns": {"sku": "编码", "on_hand": "库存", "incoming": "在途", "day": "盘点日期"}}"#)
        let file = try f.file("count.csv", "编码,库存,在途,盘点日期\nA-1,12,30,2026-11-20\nA-1,3,0,2026-11-20\nB-2,7,,2026-11-21\n")
        let report = try await f.service.importFile(file, store: f.store.id, options: ImportOptions(mapping: mapping))
        #expect(report.status == .imported && report.counts["inventory_snapshots"] == 2, "\(report.diagnostics) \(report.counts)")
        let stored = try await f.storage.read(InventorySnapshot.self, store: f.store.id, days: nil)
        #expect(stored.map { "\($0.day.iso) \($0.skuID) \($0.onHand) \($0.incoming)" } == ["2026-11-20 A-1 15 30", "2026-11-21 B-2 7 0"])
        // A count that is not a number is an error with its line and column; nothing is written.
        let bad = try f.file("bad.csv", "编码,库存,在途,盘点日期\nC-3,many,0,2026-11-21\n")
        let refused = try await f.service.importFile(bad, store: f.store.id, options: ImportOptions(mapping: mapping))
        #expect(refused.status == .rejected && refused.diagnostics.first?.line == 2 && refused.diagnostics.first?.column == "库存")
    }

    @Test("--kind that does not fit says which columns are missing")
    func wrongKind() async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let report = try await f.service.importFile(Samples.url("taobao/Items_orders.csv"), store: f.store.id, options: ImportOptions(kind: "taobao-orders"))
        #expect(report.status == .rejected && report.diagnostics.first?.message.contains("lack 买家实际支付金额") == true,
                "\(report.diagnostics)")
    }
}

/// Deterministic junk bytes.
struct SeededJunk {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt8 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 33)
    }
}
