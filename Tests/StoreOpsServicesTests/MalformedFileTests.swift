import Foundation
import StoreOpsCore
import StoreOpsImport
import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Testing

/// One broken file and the diagnostic it must get: the first error's exact message and its line.
struct MalformedCase: CustomTestStringConvertible, Sendable {
    let name: String
    let file: String
    let bytes: [UInt8]
    let message: String
    let line: Int?
    var options = ImportOptions()

    var testDescription: String { name }

    init(_ name: String, _ file: String, _ text: String, _ message: String, line: Int?, options: ImportOptions = ImportOptions()) {
        self.init(name, file, Array(text.utf8), message, line: line, options: options)
    }

    init(_ name: String, _ file: String, _ bytes: [UInt8], _ message: String, line: Int?, options: ImportOptions = ImportOptions()) {
        self.name = name
        self.file = file
        self.bytes = bytes
        self.message = message
        self.line = line
        self.options = options
    }
}

/// The malformed-file corpus: every way a real export arrives broken, each with the exact diagnostic expected and
/// nothing written (no order, no ledger entry).
@Suite("Import: the malformed-file corpus")
struct MalformedFileTests {
    static let h = "订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间 ,宝贝总数量\n"
    static let ok = "1001,a,10.00,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n"

    static let cases: [MalformedCase] = [
        MalformedCase("empty file", "empty.csv", "", "The file is empty", line: nil),
        MalformedCase("a byte-order mark and nothing else", "bom.csv", [0xEF, 0xBB, 0xBF], "The file has no rows", line: nil),
        MalformedCase("header only", "header.csv", h, "The file has a header but no data rows", line: 1),
        MalformedCase("truncated last line", "cut.csv", h + ok + "1002,b,5.00,交易成功", "The row has 4 cells but the header has 7", line: 3),
        MalformedCase("quote left open", "quote.csv", h + ok + "1002,\"b,5.00,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n" + ok,
                      "A quoted cell that starts on line 3 is never closed: the file is cut off or a quote is missing", line: 3),
        MalformedCase("extra cells", "extra.csv", h + "1001,a,10.00,交易成功,2017/5/1 10:00,2017/5/1 10:01,1,x\n",
                      "The row has 8 cells but the header has 7", line: 2),
        MalformedCase("missing cells", "missing.csv", h + "1001,a,10.00\n", "The row has 3 cells but the header has 7", line: 2),
        MalformedCase("wrong encoding (GBK read as UTF-8)", "gbk.csv", Array(h.utf8) + Array("1001,".utf8) + [0xD5, 0xC5, 0xC8, 0xFD]
                        + Array(",10.00,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n".utf8),
                      "Bytes near byte 127 are not valid utf-8", line: 1, options: ImportOptions(encoding: .utf8)),
        MalformedCase("NUL bytes", "nul.csv", Array(h.utf8) + [0x31, 0x00, 0x32, 0x0A], "This is not a text file (it contains NUL bytes)", line: nil),
        MalformedCase("a second header in the middle (two exports pasted, BOM and all)", "twice.csv",
                      h + ok + "\u{FEFF}" + h + "1002,b,5.00,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n",
                      "The header is repeated on line 3: the file may be two exports pasted together", line: 3),
        MalformedCase("duplicate headers", "dup.csv", "订单编号,买家会员名,买家实际支付金额,订单创建时间,买家实际支付金额\n1001,a,10.00,2017/5/1 10:00,11.00\n",
                      "The header names 买家实际支付金额 twice (columns 3 and 5)", line: 1),
        MalformedCase("a formula where an amount should be", "formula.csv", h + "1001,a,=SUM(C2:C9),交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n",
                      "Not an amount of money", line: 2),
        MalformedCase("an Excel error value", "error.csv", h + "1001,a,#VALUE!,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n",
                      "Not an amount of money", line: 2),
        MalformedCase("order ids in E-notation", "enote.csv", h + "2.14073006270149E+16,a,10.00,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n",
                      "The id was turned into a number by a spreadsheet program (E-notation): its digits are lost", line: 2),
        MalformedCase("order ids rounded to 15 digits", "rounded.csv",
                      h + "214073006270149000,a,10.00,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n"
                        + "242704882690812000,b,5.00,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n",
                      "All 2 long ids end in zeros after their 15th digit: a spreadsheet program rounded them, and two orders may now share one id",
                      line: 2),
        MalformedCase("an amount in another currency", "usd.csv", h + "1001,a,$10.00,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n",
                      "The amount is in USD, but the store's currency is CNY", line: 2),
        MalformedCase("a currency column that disagrees with the store", "currency.csv",
                      "Name,Total,Lineitem quantity,Lineitem price,Created at,Currency\n#1001,10.00,1,10.00,2025-03-20 05:20:57 -0700,USD\n",
                      "The file's amounts are in USD, but store toys keeps its money in CNY", line: 2),
        MalformedCase("dates in three formats and one that is none", "dates.csv",
                      h + "1001,a,10.00,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n1002,a,10.00,交易成功,2017-05-01 10:00:00,2017-05-01 10:01:00,1\n"
                        + "1003,a,10.00,交易成功,20170501,20170501,1\n1004,a,10.00,交易成功,2017.13.45,2017.13.45,1\n",
                      "Not a date and time", line: 5),
        MalformedCase("a total row in the middle", "total.csv", h + ok + "合计,,10.00,,,,1\n" + "1002,b,5.00,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n",
                      "A total row (合计) on line 3 is followed by more data: the file may be two exports pasted together", line: 3),
        MalformedCase("a 2 MB single cell", "huge.csv", Array((h + "1001,a,").utf8) + [UInt8](repeating: 0x39, count: 2 << 20)
                        + Array(",交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n".utf8),
                      "A cell of 2097152 bytes: longer than any export writes", line: 2),
        MalformedCase("a 50 MB line (a quote missing)", "runaway.csv", Array((h + ok + "1002,a,").utf8) + [UInt8](repeating: 0x39, count: 50 << 20),
                      "The record starting on line 3 is longer than 16 MB", line: 3),
        MalformedCase("20,000 columns", "wide.csv", String(repeating: "x,", count: 20_000) + "\n",
                      "Line 1 has more than 16384 cells: more than any export has", line: 1),
        MalformedCase("a NUL byte far into the file", "latenul.csv", Array((h + String(repeating: ok, count: 200)).utf8)
                        + Array("1002,b\u{0},5.00,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n".utf8),
                      "The row contains a NUL byte (\\0): no export writes one", line: 202),
        MalformedCase("an exponent past Int64", "bigexp.csv", h + "1001,a,1e9223372036854775807,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n",
                      "Not an amount of money", line: 2),
        MalformedCase("an amount beyond any real order", "toolarge.csv", h + "1001,a,20000000000.00,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n",
                      "The value is out of range: an amount of at most 10^12 minor units can be imported", line: 2),
        MalformedCase("a price times a quantity past Int64", "product.csv",
                      "Name,Total,Lineitem quantity,Lineitem price,Created at\n#1001,10.00,9999999999,9999999999.99,2025-03-20 05:20:57 -0700\n",
                      "The order's lines add up to more than can be counted", line: 2),
        MalformedCase("a line in Int64 but beyond any real order (10^15 minor units)", "hugeline.csv",
                      "Name,Total,Lineitem quantity,Lineitem price,Created at\n#1001,10.00,2000,9999999999.99,2025-03-20 05:20:57 -0700\n",
                      "The order's lines add up to more than can be counted", line: 2),
        MalformedCase("a duration past Int64", "stay.csv", "统计日期,访客数,浏览量,平均停留时长\n2017-05-01,10,20,9223372036854775807:00\n",
                      "The duration is out of range: at most 1000000000 seconds", line: 2),
        MalformedCase("an exponent that would loop for ever", "zeroexp.csv", h + "1001,a,0e999999999999999,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n",
                      "Not an amount of money", line: 2),
        MalformedCase("an amount past Int64", "overflow.csv", h + "1001,a,92233720368547758.075,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n",
                      "Not an amount of money", line: 2),
        MalformedCase("a negative paid amount", "negative.csv", h + "1001,a,-10.00,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n",
                      "The paid amount is negative", line: 2),
        MalformedCase("an order without its id", "noid.csv", h + ",a,10.00,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n",
                      "A required value is missing", line: 2),
        MalformedCase("one order twice with different values", "twiceorder.csv", h + ok + "1001,a,12.00,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n",
                      "Order 1001 is on line 2 and on line 3 with different values: one would overwrite the other", line: 3),
        MalformedCase("one order again further down", "again.csv", h + ok + "1002,b,5.00,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n"
                        + "1001,a,12.00,交易成功,2017/5/1 10:00,2017/5/1 10:01,1\n",
                      "Order 1001 is on line 2 and again on line 4, with other rows between: the later rows would overwrite the earlier ones", line: 4),
        MalformedCase("an item export whose order comes back further down", "items.csv",
                      "订单编号,标题,价格,购买数量\n1001,a,1.00,1\n1002,b,2.00,1\n1001,c,3.00,1\n",
                      "Order 1001 has lines on line 2 and again on line 4, with other orders' lines between: the later lines would overwrite "
                        + "the earlier ones", line: 4),
        MalformedCase("an order export without its order number", "noidcolumn.csv",
                      "买家会员名,买家实际支付金额,宝贝总数量,订单付款时间,订单创建时间\na,10.00,1,2017/5/1 10:01,2017/5/1 10:00\n",
                      "The columns look like Taobao/Tmall order export (订单报表) but lack 订单编号", line: 1),
        MalformedCase("columns of no known export", "unknown.csv", "foo,bar\n1,2\n",
                      "The columns match no known export (the first row is: foo, bar)", line: 1),
        MalformedCase("an HTML table saved as .xls with a bad amount", "orders.xls",
                      "<html><body><table><tr><th>订单编号</th><th>买家实际支付金额</th><th>订单创建时间</th></tr>\n"
                        + "<tr><td>1001</td><td>10.00</td><td>2017-05-01 10:00:00</td></tr>\n<tr><td>1002</td><td>十块</td><td>2017-05-01 10:00:00</td></tr>"
                        + "</table></body></html>",
                      "Not an amount of money", line: 3),
        MalformedCase("tab-separated text saved as .xls with a bad date", "tabs.xls",
                      "订单编号\t买家实际支付金额\t订单创建时间\n1001\t10.00\t2017-05-01 10:00:00\n1002\t5.00\tyesterday\n",
                      "Not a date and time", line: 3),
        MalformedCase("an XLSX that is not a zip", "fake.xlsx", [0x50, 0x4B, 0x03, 0x04] + Array("not really".utf8),
                      "This is not an XLSX file (it is not a readable zip archive)", line: nil),
        MalformedCase("an .xls whose compound file is cut off", "cut.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 100),
                      "The .xls file is damaged (no compound-file header)", line: nil),
        MalformedCase("an .xls whose FAT names one sector 109 times", "fat.xls", compoundFile(difat: Array(repeating: 0, count: 109), fat: [], directoryStart: 0),
                      "The .xls file is damaged (broken FAT)", line: nil),
        MalformedCase("an .xls whose directory chain loops on itself", "loop.xls", compoundFile(difat: [0], fat: [0xFFFF_FFFD, 1, 0xFFFF_FFFE], directoryStart: 1),
                      "The .xls file is damaged (broken sector chain)", line: nil),
        MalformedCase("traffic sources without a date", "sources.csv", "流量来源,访客数\n手淘搜索,100\n",
                      "The file has no date column and no date was given", line: 1),
        MalformedCase("a semicolon file with a bad amount", "semi.csv",
                      "订单编号;买家实际支付金额;订单创建时间\n1001;12,50;2017-05-01 10:00:00\n1002;zwölf;2017-05-01 10:00:00\n",
                      "Not an amount of money", line: 3),
    ]

    /// A compound file of 512-byte sectors: the header's DIFAT list, sector 0 holding `fat` (the rest of the sector
    /// free), the directory starting at `directoryStart`, and two more empty sectors.
    static func compoundFile(difat: [UInt32], fat: [UInt32], directoryStart: UInt32) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(v >> (8 * $0) & 0xFF) } }
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ bytes: [UInt8], at offset: Int) { header.replaceSubrange(offset..<(offset + bytes.count), with: bytes) }
        put([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], at: 0)
        put(u16(0x3E), at: 0x18)
        put(u16(3), at: 0x1A)
        put(u16(0xFFFE), at: 0x1C)
        put(u16(9), at: 0x1E)
        put(u16(6), at: 0x20)
        put(u32(UInt32(difat.count)), at: 0x2C)
        put(u32(directoryStart), at: 0x30)
        put(u32(4_096), at: 0x38)
        put(u32(0xFFFF_FFFE), at: 0x3C)
        put(u32(0xFFFF_FFFE), at: 0x44)
        for k in 0..<109 { put(u32(k < difat.count ? difat[k] : 0xFFFF_FFFF), at: 0x4C + 4 * k) }
        var sector0 = fat.flatMap(u32)
        sector0 += [UInt8](repeating: 0xFF, count: 512 - sector0.count)
        return header + sector0 + [UInt8](repeating: 0, count: 1_024)
    }

    @Test("each broken file gets its exact diagnostic, and nothing is written", arguments: cases)
    func corpus(_ c: MalformedCase) async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        let report = try await f.service.importFile(try f.file(c.file, c.bytes), store: f.store.id, options: c.options)
        #expect(report.status == .rejected)
        let first = report.diagnostics.first { $0.severity == .error }
        #expect(first?.message == c.message, "\(report.diagnostics.map(\.description))")
        #expect(first?.line == c.line)
        #expect(first?.zh != nil, "every diagnostic has its Chinese text")
        #expect(try await f.orders().isEmpty, "nothing written")
        #expect(try await f.storage.importRecords(store: f.store.id).isEmpty, "no ledger entry")
    }

    @Test("orders each in range whose day passes 10^16 minor units or Int64: refused with its reason, nothing written",
          arguments: [11, 10_000])
    func daySumOutOfRange(orders: Int) async throws {
        let f = try await ImportFixture()
        defer { f.remove() }
        // Orders of 10^15 minor units each (the most one order may be) on one day: 11 pass the day's bound of 10^16,
        // 10,000 pass Int64 in the database's sum.
        var csv = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
        for i in 0..<orders { csv += "\(500_000 + i),85123A,X,1000,2010-12-01 08:26:00,9999999999.99,17850,United Kingdom\n" }
        await #expect { try await f.service.importFile(try f.file("huge-day.csv", Array(csv.utf8)), store: f.store.id) } throws: { error in
            (error as? StorageError)?.code == .outOfRange
        }
        #expect(try await f.orders().isEmpty, "nothing written")
        #expect(try await f.storage.importRecords(store: f.store.id).isEmpty, "no ledger entry")
    }

    @Test("the corpus has at least 30 cases, each a different file")
    func size() {
        #expect(Self.cases.count >= 30)
        #expect(Set(Self.cases.map(\.file)).count == Self.cases.count)
    }
}
