@testable import StoreOpsCore
@testable import StoreOpsImport
import Testing

@Suite("Cell parsers")
struct CellTests {
    @Test("money as exports write it", arguments: [
        ("58.51", Int64(5_851)), ("0元", 0), ("¥1,234.50", 123_450), ("￥ 12", 1_200), ("-3.2", -320), ("(12.00)", -1_200),
        ("8.289999999999999", 829), ("2.5E-2", 3), ("=\"99.9\"", 9_990), ("'15", 1_500), ("1,000", 100_000),
    ])
    func money(_ text: String, _ minor: Int64) throws {
        #expect(try Cell.money(text, currency: .cny)?.minor == minor)
    }

    @Test("empty markers are empty", arguments: ["", " ", "-", "--", "—", "\t"])
    func empty(_ text: String) throws {
        #expect(try Cell.money(text, currency: .cny) == nil)
        #expect(try Cell.time(text) == nil)
    }

    @Test("money in fen, in pounds, and mistakes")
    func moneyVariants() throws {
        #expect(try Cell.money("12345", currency: .cny, inFen: true)?.minor == 12_345)
        #expect(try Cell.money("£38,793.82", currency: Currency("GBP"))?.minor == 3_879_382)
        #expect(try Cell.money("CA$5.00", currency: Currency("CAD"))?.minor == 500)
        #expect(throws: CellError.self) { try Cell.money("£5", currency: .cny) }
        #expect(throws: CellError.self) { try Cell.money("12.5.1", currency: .cny) }
        #expect(throws: CellError.self) { try Cell.money("12.5", currency: .cny, inFen: true) }
    }

    @Test("times as exports write them", arguments: [
        ("2017/5/30 23:18", "2017-05-30", 83_880, nil as Int?), ("2017-05-30 23:18:00", "2017-05-30", 83_880, nil),
        ("2025-03-20 05:20:57 -0700", "2025-03-20", 19_257, -25_200), ("2025-03-20T05:20:57Z", "2025-03-20", 19_257, 0),
        ("2017年5月30日 23:18", "2017-05-30", 83_880, nil), ("20170530", "2017-05-30", 0, nil), ("2026/3/10", "2026-03-10", 0, nil),
        ("42885.5", "2017-05-30", 43_200, nil), ("2026-03-10 08:00:00+08:00", "2026-03-10", 28_800, 28_800),
    ])
    func times(_ text: String, _ day: String, _ second: Int, _ offset: Int?) throws {
        let t = try #require(try Cell.time(text))
        #expect(t.day == Day(iso: day) && t.secondOfDay == second && t.utcOffset == offset)
    }

    @Test("bad times are errors", arguments: ["2017/13/45 10:00", "yesterday", "2017-05-30 25:00", "30/05/2017"])
    func badTimes(_ text: String) {
        #expect(throws: CellError.self) { try Cell.time(text) }
    }

    @Test("counts, percents, durations, flags and ids")
    func others() throws {
        #expect(try Cell.count("13,910") == 13_910 && Cell.count("1.0") == 1)
        #expect(throws: CellError.self) { try Cell.count("1.5") }
        #expect(try Cell.ppm("1.60%") == 16_000 && Cell.ppm("0.0345") == 34_500 && Cell.ppm("75.71%") == 757_100)
        #expect(try Cell.seconds("00:01:23") == 83 && Cell.seconds("1分23秒") == 83 && Cell.seconds("45") == 45 && Cell.seconds("12.4") == 12)
        #expect(Cell.flag("是") == true && Cell.flag("否") == false && Cell.flag("maybe") == nil)
        #expect(Cell.id("21407300627014900 ") == "21407300627014900")
        #expect(Cell.id("\t3330622150731") == "3330622150731")
        #expect(Cell.id("No:3330622150731") == "3330622150731")
        #expect(Cell.id("=\"0012\"") == "0012")
    }

    @Test("values past Int64 or past any real export are errors, never traps or long loops")
    func outOfRange() throws {
        for text in ["9223372036854775807:00", "1:9223372036854775807", "9223372036854775807分", "9999999999时", "99999999999"] {
            #expect(throws: CellError.self, "\(text)") { try Cell.seconds(text) }
        }
        #expect(try Cell.seconds("1小时2分3秒") == 3_723 && Cell.seconds("01:00:00") == 3_600)
        for text in ["1e9223372036854775807", "0e999999999999999", "92233720368547758.075", "-92233720368547758.08"] {
            #expect(throws: CellError.self, "\(text)") { try Cell.money(text, currency: .cny) }
        }
        #expect(XLSXReader.columnIndex("ZZZZZZZZZZZZZZZ1") == 1 << 20 - 1)
        #expect(XLSXReader.columnIndex("AA7") == 26)
    }

    @Test("summary rows are told from data rows by their first two cells")
    func summaryRows() {
        func summary(_ cells: [String]) -> Bool { ImportParser.isSummary(RawRecord(line: 9, cells: cells)) }
        #expect(summary(["合计", "23000"]))
        #expect(summary(["", "　总计："]) == false, "a marker with a full-width colon is not one of the markers")
        #expect(summary(["", " 合计：", "1"]))
        #expect(summary(["=\"Total\"", ""]))
        #expect(summary(["店铺汇总值"]))
        #expect(!summary(["3330622150731", "tb_Tom"]))
        #expect(!summary(["tb_Tom", "合计买家"]), "a cell that only contains a marker's first character")
        #expect(!summary(["", ""]))
    }

    @Test("file names carry report days")
    func fileDays() {
        #expect(ImportContext.day(inFileName: "BusinessReport-31-03-2026.csv") == Day(iso: "2026-03-31"))
        #expect(ImportContext.day(inFileName: "traffic_2026-03-09.xlsx") == Day(iso: "2026-03-09"))
        #expect(ImportContext.day(inFileName: "sources20260308.csv") == Day(iso: "2026-03-08"))
        #expect(ImportContext.day(inFileName: "orders.csv") == nil)
    }

    @Test("SHA-256 and HMAC match the standard test vectors")
    func sha() {
        #expect(SHA256.hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(SHA256.hash([UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(SHA256.hash(Array(String(repeating: "a", count: 1_000).utf8))) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        // RFC 4231 test case 2.
        #expect(SHA256.hex(SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // RFC 4231 test case 6: a key longer than a block.
        #expect(SHA256.hex(SHA256.hmac(key: [UInt8](repeating: 0xAA, count: 131), message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
        // RFC 4231 test case 7: a message longer than a block.
        let long = Array("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".utf8)
        #expect(SHA256.hex(SHA256.hmac(key: [UInt8](repeating: 0xAA, count: 131), message: long))
                == "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")
        // Short messages are hashed in one block on the stack: the same HMAC as through the incremental hash (a
        // collection without contiguous storage takes that path), around the 55 bytes that fit.
        let key = HMACKey(Array("salt".utf8))
        for count in [0, 1, 54, 55, 56, 63, 64, 65, 119, 120] {
            let message = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
            #expect(key.authenticate(message) == key.authenticate(message.lazy.map { $0 }), "\(count) bytes")
        }
        let buyer = "tb_买家123"
        #expect(key.hexTag(of: buyer, prefix: "b", bytes: 16) == "b" + SHA256.hex(key.authenticate(Array(buyer.utf8)).prefix(16)))
        #expect(key.hexTag(of: buyer, prefix: "b", bytes: 16).count == 33)
        // Fed in uneven pieces, the hash is the same.
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var pieces = SHA256()
        var offset = 0
        for size in [1, 63, 64, 65, 0, 127, 3_000, 6_680] {
            pieces.update(bytes[offset..<(offset + size)])
            offset += size
        }
        #expect(offset == bytes.count)
        #expect(pieces.finalize() == SHA256.hash(bytes))
        // The CPU's SHA instructions (when it has them) and the Swift compression agree.
        var fast = SHA256.initial, portable = SHA256.initial
        bytes.prefix(9_984).withUnsafeBytes { blocks in
            SHA256.compress(&fast, blocks: blocks)
            SHA256.compressPortably(&portable, blocks: blocks)
        }
        #expect(SHA256.bytes(of: fast) == SHA256.bytes(of: portable))
    }

    @Test("the byte fast paths agree with the general parsers", arguments: [
        "34.00", "34", "34.", "-5.5", "007", "0.005", "1,125", "12.5.1", "  58.51\t", "(12.00)", "=\"99.9\"", "'15", "-", "--", "—", "null",
        "N/A", "", " ", "1.0", "2.5E-2", "¥12", "123456789012345678", "2026-10-31 23:59:42", "2026/10/31 23:59", "2026-10-31", "2026-1-5 3:04:05",
        "2026-02-30 10:00:00", "2026-10-31 24:00:00", "0031-01-01", "20260310", "No:763582660427376", "NO:1", "SKU-000075", " 张远芳 ",
        "四川省 成都市", "\u{3000}全角\u{3000}", "\u{FEFF}bom", "Total",
    ])
    func fastPaths(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            func agree<T: Equatable>(_ fast: Cell.Fast<T>, _ general: () throws -> T?) {
                switch fast {
                case .other: break
                case .empty: #expect((try? general()) == .some(nil), "\(text): empty on the fast path")
                case .value(let v): #expect((try? general()) == v, "\(text): \(v) on the fast path")
                }
            }
            agree(Cell.fastDecimal(b, digits: 2)) { try Cell.money(text, currency: .cny)?.minor }
            agree(Cell.fastDecimal(b, digits: 0)) { try Cell.money(text, currency: .cny, inFen: true)?.minor }
            agree(Cell.fastDecimal(b, digits: 0)) { try Cell.count(text).map(Int64.init) }
            agree(Cell.fastTime(b)) { try Cell.time(text) }
            agree(Cell.fastText(b)) { Cell.text(text) }
            agree(Cell.fastID(b)) { Cell.id(text) }
        }
    }
}
