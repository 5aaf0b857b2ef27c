import Foundation
import StoreOpsCore
import StoreOpsReports
import StoreOpsTesting
import Testing

/// E-mails as bytes: headers in ASCII with the subject as UTF-8 encoded words, parts in Base64, short CRLF lines;
/// the whole message against a golden file.
@Suite("Mail rendering")
struct MailRendererTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test("a message with HTML and a workbook, byte for byte")
    func message() throws {
        let message = MailMessage(
            subject: "测试店 · 2026-03-10 日报：支付金额低于计划 12.0%，访客 -18.0%", text: "支付金额低于计划 12.0%。\n- 访客数: 无数据\n",
            html: "<!doctype html><html><body><p>支付金额低于计划 12.0%。</p></body></html>",
            attachments: [.xlsx("storeops-shop-2026-03-10.xlsx", Data("PK\u{3}\u{4} not really a workbook".utf8))])
        let bytes = MailRenderer.render(message, from: "ops@shop.example", to: ["boss@shop.example", "client@shop.example"],
                                        date: Instant(year: 2026, month: 3, day: 11, hour: 1, minute: 2, second: 3)!,
                                        messageID: "0000-1111@shop.example")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.split(separator: "\r\n", omittingEmptySubsequences: false).allSatisfy { $0.utf8.count <= 78 })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n") && text.utf8.allSatisfy { $0 < 0x80 })
        #expect(text.hasPrefix("Date: Wed, 11 Mar 2026 01:02:03 +0000\r\n"))
        try Golden.check(text, "mail-message.eml", directory: Self.golden)
    }

    @Test("short ASCII subjects stay as they are; others decode back whole")
    func subjects() throws {
        let plain = MailRenderer.render(MailMessage(subject: "Daily briefing", text: "x"), from: "a@b.example", to: ["c@d.example"],
                                        date: Instant(seconds: 0), messageID: "1@b.example")
        #expect(String(decoding: plain, as: UTF8.self).contains("\r\nSubject: Daily briefing\r\n"))
        let long = String(repeating: "店铺日报🙂", count: 12)
        let rendered = String(decoding: MailRenderer.render(MailMessage(subject: long, text: "x"), from: "a@b.example",
                                                            to: ["c@d.example"], date: Instant(seconds: 0), messageID: "1@b.example"),
                              as: UTF8.self)
        let header = rendered.components(separatedBy: "\r\nSubject: ")[1].components(separatedBy: "\r\nMessage-ID")[0]
        let decoded = header.components(separatedBy: "\r\n ").map { word -> String in
            let base64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return String(decoding: Data(base64Encoded: String(base64)) ?? Data(), as: UTF8.self)
        }.joined()
        #expect(decoded == long, "each word holds whole characters")
    }
}
