import Foundation
@testable import StoreOpsImport
import Testing

/// Reads `text` (or bytes) in chunks of `chunk` bytes, so that chunk boundaries fall everywhere.
func records(_ bytes: [UInt8], chunk: Int = 7, encoding: TextEncoding? = nil) throws -> [RawRecord] {
    var offset = 0
    let reader = CSVReader(fileName: "t.csv", encoding: encoding) {
        guard offset < bytes.count else { return nil }
        defer { offset += chunk }
        return Array(bytes[offset..<min(offset + chunk, bytes.count)])
    }
    var result: [RawRecord] = []
    try reader.forEachRecord { result.append($0) }
    return result
}

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("RFC 4180 quoting, embedded newlines, CRLF and line numbers", arguments: [1, 3, 7, 4096])
    func quoting(_ chunk: Int) throws {
        let text = "a,b,c\r\n1,\"x, \"\"y\"\"\",3\r\n2,\"multi\r\nline\nnote\",4\r\n\r\n5,,\"\"\n6,last,row"
        let rows = try records(Array(text.utf8), chunk: chunk)
        #expect(rows.map(\.cells) == [["a", "b", "c"], ["1", "x, \"y\"", "3"], ["2", "multi\r\nline\nnote", "4"], ["5", "", ""], ["6", "last", "row"]])
        #expect(rows.map(\.line) == [1, 2, 3, 7, 8])
    }

    @Test("UTF-8 with BOM, GBK and UTF-16 decode to the same cells", arguments: [1, 5, 4096])
    func encodings(_ chunk: Int) throws {
        let text = "订单编号,标题 \n123,发光玩具\n"
        let expected = [["订单编号", "标题 "], ["123", "发光玩具"]]
        #expect(try records([0xEF, 0xBB, 0xBF] + Array(text.utf8), chunk: chunk).map(\.cells) == expected)
        #expect(try records(Array(text.utf8), chunk: chunk).map(\.cells) == expected)
        let gbk = try #require(text.data(using: .init(rawValue: 0x80000632))).map { $0 }  // GB18030 (CoreFoundation constant)
        #expect(try records(gbk, chunk: chunk).map(\.cells) == expected)
        let utf16 = [UInt8](arrayLiteral: 0xFF, 0xFE) + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try records(utf16, chunk: chunk).map(\.cells) == expected)
    }

    @Test("tab-separated files are recognised")
    func tabs() throws {
        #expect(try records(Array("a\tb\n1\t2,5\n".utf8)).map(\.cells) == [["a", "b"], ["1", "2,5"]])
    }

    @Test("an unterminated quote is reported with its line")
    func truncatedQuote() throws {
        do {
            _ = try records(Array("a,b\n1,\"open\n2,3\n".utf8))
            Issue.record("accepted")
        } catch let error as ReadError {
            #expect(error.diagnostic.line == 2)
            #expect(error.diagnostic.message.contains("never closed"))
        }
    }

    @Test("empty files, binary junk and wrong encodings are refused with a reason", arguments: [
        ([UInt8](), "empty"), ([0x00, 0x01, 0x02, 0xFF, 0x00, 0x7F], "not a text file"),
    ])
    func refused(_ bytes: [UInt8], _ message: String) throws {
        do {
            _ = try records(bytes)
            Issue.record("accepted")
        } catch let error as ReadError {
            #expect(error.diagnostic.message.contains(message))
        }
    }

    @Test("GBK read as UTF-8 says which encoding to try")
    func wrongEncoding() throws {
        let gbk = try #require("标题,价格\n玩具,1\n".data(using: .init(rawValue: 0x80000632))).map { $0 }
        do {
            _ = try records(gbk, encoding: .utf8)
            Issue.record("accepted")
        } catch let error as ReadError {
            #expect(error.diagnostic.hint.contains("--encoding gbk"))
        }
    }
}
