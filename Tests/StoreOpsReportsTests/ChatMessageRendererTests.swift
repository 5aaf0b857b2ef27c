import Foundation
import StoreOpsCore
import StoreOpsReports
import Testing

/// Chat messages stay within each app's size limit by listing fewer findings (and then cutting the summary), and
/// a robot's keyword is always in the text.
struct ChatMessageRendererTests {
    static func digest(findings: Int, summary: Int = 100) -> ChatDigest {
        ChatDigest(title: "店 · 2026-03-10 日报", summary: String(repeating: "访", count: summary), figures: ["支付金额: 230.00"],
                   findings: (0..<findings).map { "[严重] 新中差评 · rv-\($0) · " + String(repeating: "差", count: 60) }, more: 0,
                   link: nil, language: .zh)
    }

    static func content(_ body: String, _ path: [String]) -> String? {
        var value: Any? = try? JSONSerialization.jsonObject(with: Data(body.utf8))
        for key in path { value = (value as? [String: Any])?[key] }
        return value as? String
    }

    @Test("WeCom's 4,096 bytes: fewer findings, the rest counted; then a shorter summary")
    func wecomLimit() {
        let body = ChatMessageRenderer.body(Self.digest(findings: 40), kind: .wecom, keyword: "日报")
        let text = Self.content(body, ["markdown", "content"]) ?? ""
        #expect(text.utf8.count <= 4_096 && text.contains("另有") && text.contains("rv-0"))
        let long = ChatMessageRenderer.body(Self.digest(findings: 0, summary: 5_000), kind: .wecom)
        #expect((Self.content(long, ["markdown", "content"]) ?? "").utf8.count <= 4_096)
        let ding = ChatMessageRenderer.body(Self.digest(findings: 40), kind: .dingtalk, keyword: "StoreOps")
        let dingText = Self.content(ding, ["markdown", "text"]) ?? ""
        #expect(dingText.utf8.count < 20_000 && dingText.hasSuffix("StoreOps") && !dingText.contains("另有"))
    }

    @Test("Slack's text escapes &, < and >")
    func slackEscapes() {
        var d = Self.digest(findings: 0)
        d.summary = "A&B <x>"
        let body = ChatMessageRenderer.body(d, kind: .slack)
        #expect(body.contains("A&amp;B &lt;x&gt;"))
    }
}
