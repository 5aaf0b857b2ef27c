import Foundation
import StoreOpsCore
import StoreOpsReports
import StoreOpsStorage
import StoreOpsTesting
import Testing

@Suite("Daily report rendering")
struct DailyReportRenderingTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The fixture store's report for d1 (2026-03-11), through real storage.
    static func report() async throws -> DailyReport {
        let storage = try await TestBackend.makeStore()
        try await storage.saveStore(Fixtures.store)
        try await storage.saveCostSettings(Fixtures.costs)
        try await storage.write(Fixtures.batch(), to: Fixtures.storeID)
        let rows = try await storage.masterTable(store: Fixtures.storeID, days: DailyReport.daysNeeded(for: Fixtures.d1), customers: true)
        return try #require(DailyReport(store: Fixtures.store, day: Fixtures.d1, table: rows))
    }

    @Test("JSON matches its golden file and uses the domain keys")
    func json() async throws {
        let output = DailyReportJSONRenderer().render(try await Self.report())
        try Golden.check(output, "daily-report.json", directory: Self.golden)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object["gmv"] as? String == "250.00")
        #expect(object["paid_orders"] as? Int == 2)
        #expect(object["visitors"] is NSNull)
        #expect(object["refund_amount"] as? String == "60.00")
        let compare = try #require(object["compare"] as? [String: Any])
        let previous = try #require(compare["previous_day"] as? [String: Any])
        #expect(previous["day"] as? String == "2026-03-10")
        #expect(previous["conversion_rate"] as? Double == 0.02)
        #expect(previous["net_profit"] as? String == "30.50")
        for field in MasterField.allCases { #expect(object.keys.contains(field.key), "\(field.key)") }
    }

    @Test("text in Chinese and English matches golden files", arguments: [Language.zh, .en])
    func text(_ language: Language) async throws {
        let output = DailyReportTextRenderer(language: language).render(try await Self.report())
        try Golden.check(output, "daily-report-\(language.rawValue).txt", directory: Self.golden)
        #expect(output.contains(language == .zh ? "支付金额" : "GMV"))
        #expect(output.contains(language == .zh ? "成本不完整" : "Costs incomplete") == false, "d1 has every cost")
    }

    @Test("text columns line up, counting Chinese characters as two columns", arguments: [Language.zh, .en])
    func alignment(_ language: Language) async throws {
        let output = DailyReportTextRenderer(language: language).render(try await Self.report())
        let rows = output.split(separator: "\n").filter { $0.hasPrefix("  ") }.map(String.init)
        #expect(rows.count > 30)
        // Cells are separated by at least two spaces; the end column of each of the six value cells is the same in every row.
        for cell in 1...5 {
            let ends = Set(rows.map { Self.endColumn(of: cell, in: $0) })
            #expect(ends.count == 1, "cell \(cell) ends at columns \(ends)")
        }
    }

    /// The display column where the `index`-th cell (0-based; cells separated by two or more spaces) ends.
    static func endColumn(of index: Int, in row: String) -> Int {
        var column = 0, cell = -1, spaces = 2, end = 0
        for character in row {
            let width = DisplayWidth.of(String(character))
            if character == " " {
                spaces += 1
            } else {
                if spaces >= 2 { cell += 1 }
                spaces = 0
                if cell == index { end = column + width }
            }
            column += width
        }
        return end
    }
}

@Suite("Table and value rendering")
struct TableRenderingTests {
    @Test("CSV has a BOM, CRLF, quoting and neutralised formulas; numbers stay numbers")
    func csv() {
        var writer = CSVWriter()
        writer.header(["a", "b"])
        writer.row([.text("=HYPERLINK(\"x\")"), .number("-12.50")])
        writer.row([.text("多行\n文本, 逗号"), .text("@sum")])
        #expect(writer.output == "\u{FEFF}a,b\r\n\"'=HYPERLINK(\"\"x\"\")\",-12.50\r\n\"多行\n文本, 逗号\",'@sum\r\n")
    }

    @Test("master table CSV has one row per day with the domain keys")
    func masterCSV() throws {
        let rows = [Fixtures.d0, Fixtures.d1].map { day in
            MasterTableRow(facts: DailyFacts(store: Fixtures.storeID, day: day, currency: .cny,
                                             sales: .init(gmv: Fixtures.yuan(12_345), paidOrders: 1, buyers: 1, units: 1, cogs: Fixtures.yuan(0),
                                                          costMissingUnits: 0, costMissingValue: Fixtures.yuan(0))), costs: nil)
        }
        let csv = MasterTableCSVRenderer().render(store: Fixtures.store, rows: rows)
        let lines = csv.dropFirst().split(separator: "\r\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("day,store,currency,gmv,paid_orders,buyers,units,visitors"))
        #expect(lines[1].hasPrefix("2026-03-10,shop,CNY,123.45,1,1,1,,"))
    }

    @Test("JSON escapes and keeps key order")
    func jsonValue() {
        let value = JSONValue.object([("b", .string("引号\"\n\u{1}")), ("a", .array([.int(1), .null, .bool(true)])), ("c", .object([]))])
        #expect(value.rendered(pretty: false) == "{\"b\":\"引号\\\"\\n\\u0001\",\"a\":[1,null,true],\"c\":{}}")
    }

    @Test("sparklines scale between the lowest and highest value")
    func sparkline() {
        // index = round((v - 0) / 14 x 7): 0 → 0 ▁, 7 → 3.5 → 4 ▅, 14 → 7 █, 3.5 → 1.75 → 2 ▃.
        #expect(Sparkline.render([0, 7, 14, nil, 3.5]) == "▁▅█ ▃")
        #expect(Sparkline.render([5, 5]) == "▄▄")
        #expect(Sparkline.render([nil]) == " ")
    }

    @Test("languages from locales and Accept-Language", arguments: [
        ("zh_CN.UTF-8", Language.zh), ("en_US.UTF-8", .en), ("C", .en), ("", .en), ("zh-CN,zh;q=0.9,en;q=0.8", .zh), ("en-GB,zh;q=0.5", .en),
    ])
    func language(_ locale: String, _ expected: Language) { #expect(Language.from(locale: locale) == expected) }
}

@Suite("HTML and XLSX outputs")
struct HTMLAndXLSXTests {
    @Test("the HTML page is self-contained, escapes text and has its charts")
    func html() async throws {
        let report = try await DailyReportRenderingTests.report()
        let page = DailyReportHTMLRenderer(language: .zh).render(report)
        try Golden.check(page, "daily-report.html", directory: DailyReportRenderingTests.golden)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<svg") && page.contains("支付金额"))
        #expect(!page.contains("<script") && !page.contains("http://") == false || page.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!page.contains("src=\"http") && !page.contains("href=\"http"), "no external resources")
        var renamed = report.store
        renamed.name = "<b>&\"店\""
        #expect(SVGChart.escape(renamed.name) == "&lt;b&gt;&amp;&quot;店&quot;")
    }

    @Test("the master-table workbook keeps types: dates are dates, numbers are numbers")
    func xlsx() throws {
        let rows = [Fixtures.d0, Fixtures.d1].map { day in
            MasterTableRow(facts: DailyFacts(store: Fixtures.storeID, day: day, currency: .cny,
                                             sales: .init(gmv: Fixtures.yuan(12_345), paidOrders: 2, buyers: 1, units: 3, cogs: Fixtures.yuan(0),
                                                          costMissingUnits: 0, costMissingValue: Fixtures.yuan(0)),
                                             traffic: .init(visitors: 40, pageViews: 90, bouncedVisitors: 10)), costs: nil)
        }
        let data = try MasterTableXLSX.render(store: Fixtures.store, rows: rows)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("table-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try data.write(to: url)
        // Read it back with the importer's XLSX reader: the day cells come back as dates (date style), money as numbers.
        var records: [[String]] = []
        try XLSXReaderProbe.read(url) { records.append($0) }
        #expect(records.count == 3)
        #expect(records[0].prefix(4) == ["day", "store", "currency", "gmv"])
        #expect(records[1][0] == "2026-03-10 00:00:00" && records[1][3] == "123.45" && records[1][4] == "2")
        #expect(records[1][records[0].firstIndex(of: "conversion_rate")!] == "0.025000", "40 visitors, 1 buyer")
        #expect(records[1][records[0].firstIndex(of: "visitors")!] == "40")
    }
}
