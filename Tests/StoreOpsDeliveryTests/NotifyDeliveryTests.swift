import Crypto
import Foundation
import StoreOpsCore
import StoreOpsDelivery
import StoreOpsReports
@testable import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Testing

/// Messages to chat robots through real HTTP on loopback: each app's body format, the DingTalk and Feishu
/// signatures recomputed here with swift-crypto, retries on 5xx and busy codes and none on refusals, one message
/// per store, day, report and channel, and the secrets sealed at rest.
@Suite("Notify: chat robots over HTTP")
struct NotifyDeliveryTests {
    static let key = String(repeating: "ab", count: 32)
    static let clock: @Sendable () -> Instant = { Fixtures.at(Fixtures.d1, 9) }

    static let digest = ChatDigest(
        title: "测试店 · 2026-03-10 日报", summary: "支付金额低于计划 12.0%：访客 -18.0%。", figures: ["支付金额: 230.00", "访客数: 无数据"],
        findings: ["[严重] 删除关键词 · 女装 · 涉及 3,139.55"], more: 2, link: "https://ops.example.com/stores/shop/briefing?date=2026-03-10",
        language: .zh)

    /// A service over a fresh store with the fixture store, sending through HTTP without waiting between attempts
    /// (with `timeout` per attempt: a refused connection is tried until then).
    static func service(_ storage: any StoreOpsStore, timeout: Duration = .seconds(10)) throws -> NotifyService {
        NotifyService(storage: storage, secrets: try SecretBox(keyText: key), transport: HTTPWebhookTransport(), clock: clock,
                      limiter: RobotRateLimiter(), pause: { _ in }, timeout: timeout, extraHosts: ["127.0.0.1"])
    }

    static func store() async throws -> any StoreOpsDatabase {
        let storage = try await TestBackend.makeStore()
        try await storage.saveStore(Fixtures.store)
        return storage
    }

    @Test("each app's body, DingTalk's and Feishu's signatures as the apps check them, one message per key")
    func formats() async throws {
        let receiver = WebhookReceiver { path, _ in
            path == "/slack" ? (200, "ok") : path == "/feishu" ? (200, #"{"code":0,"msg":"success"}"#) : (200, #"{"errcode":0,"errmsg":"ok"}"#)
        }
        let storage = try await Self.store()
        let notify = try Self.service(storage)
        try await receiver.run { base in
            let id = Fixtures.storeID
            try await notify.add(store: id, id: "ding", kind: .dingtalk, url: "\(base)/dingtalk?access_token=T1", secret: "SECabc", keyword: "日报")
            try await notify.add(store: id, id: "wecom", kind: .wecom, url: "\(base)/wecom?key=K1")
            try await notify.add(store: id, id: "feishu", kind: .feishu, url: "\(base)/feishu", secret: "fs-secret", keyword: "StoreOps")
            try await notify.add(store: id, id: "slack", kind: .slack, url: "\(base)/slack", language: .en)
            let results = try await notify.send(store: id, day: Fixtures.d0, report: "daily") { _ in Self.digest }
            #expect(results.map(\.delivery.status) == [.sent, .sent, .sent, .sent] && results.allSatisfy { $0.delivery.attempts == 1 })

            let ding = try #require(receiver.messages(to: "/dingtalk").first)
            #expect(ding.query["access_token"] == "T1")
            let timestamp = try #require(ding.query["timestamp"]), sign = try #require(ding.query["sign"])
            let mac = HMAC<Crypto.SHA256>.authenticationCode(for: Data("\(timestamp)\nSECabc".utf8), using: SymmetricKey(data: Data("SECabc".utf8)))
            #expect(sign == Data(mac).base64EncodedString(), "the query's sign is percent-decoded by the server")
            #expect(abs(Int64(timestamp)! / 1000 - Int64(Date().timeIntervalSince1970)) < 60, "milliseconds, now")
            let markdown = try #require(ding.json["markdown"] as? [String: Any])
            #expect(ding.json["msgtype"] as? String == "markdown" && markdown["title"] as? String == Self.digest.title)
            let text = try #require(markdown["text"] as? String)
            #expect(text.contains("### 测试店") && text.contains("删除关键词") && text.contains("另有 2 条") && text.contains("日报"))
            #expect(text.contains("[打开完整报告](https://ops.example.com/stores/shop/briefing?date=2026-03-10)"))

            let wecom = try #require(receiver.messages(to: "/wecom").first)
            #expect(wecom.query["key"] == "K1" && wecom.json["msgtype"] as? String == "markdown")
            #expect(((wecom.json["markdown"] as? [String: Any])?["content"] as? String)?.contains("支付金额: 230.00") == true)

            let feishu = try #require(receiver.messages(to: "/feishu").first)
            let seconds = try #require(feishu.json["timestamp"] as? String), feishuSign = try #require(feishu.json["sign"] as? String)
            let feishuMAC = HMAC<Crypto.SHA256>.authenticationCode(for: Data(), using: SymmetricKey(data: Data("\(seconds)\nfs-secret".utf8)))
            #expect(feishuSign == Data(feishuMAC).base64EncodedString())
            let card = try #require(feishu.json["card"] as? [String: Any])
            #expect(feishu.json["msg_type"] as? String == "interactive")
            #expect(((card["header"] as? [String: Any])?["title"] as? [String: Any])?["content"] as? String == Self.digest.title)
            let elements = try #require(card["elements"] as? [[String: Any]])
            #expect(((elements.first?["text"] as? [String: Any])?["content"] as? String)?.hasSuffix("StoreOps") == true, "the keyword")

            let slack = try #require(receiver.messages(to: "/slack").first)
            let blocks = try #require(slack.json["blocks"] as? [[String: Any]])
            #expect((slack.json["text"] as? String)?.hasPrefix(Self.digest.title) == true && blocks.first?["type"] as? String == "header")
            #expect(slack.body.contains("<https://ops.example.com/stores/shop/briefing?date=2026-03-10|"))

            // The same report of the same day again: every channel has it, nothing is sent.
            let again = try await notify.send(store: id, day: Fixtures.d0, report: "daily") { _ in Self.digest }
            #expect(again.allSatisfy(\.skipped) && receiver.messages.count == 4)
            // Another day, or a test send, goes out.
            _ = try await notify.send(store: id, day: Fixtures.d1, report: "daily") { _ in Self.digest }
            _ = try await notify.send(store: id, day: Fixtures.d1, report: "test", once: false) { _ in Self.digest }
            #expect(receiver.messages.count == 12)
        }
    }

    @Test("5xx and busy codes are tried three times in all; a refusal once, with the app's answer kept")
    func retries() async throws {
        let receiver = WebhookReceiver { path, count in
            switch path {
            case "/flaky": count < 3 ? (500, "busy") : (200, #"{"errcode":0,"errmsg":"ok"}"#)
            case "/down": (503, "down")
            case "/bad": (400, "invalid_payload")
            case "/keyword": (200, #"{"errcode":310000,"errmsg":"keywords not in content"}"#)
            case "/fast": count < 2 ? (200, #"{"errcode":130101,"errmsg":"send too fast"}"#) : (200, #"{"errcode":0,"errmsg":"ok"}"#)
            default: (404, "no")
            }
        }
        let storage = try await Self.store()
        let notify = try Self.service(storage)
        try await receiver.run { base in
            let id = Fixtures.storeID
            try await notify.add(store: id, id: "a-flaky", kind: .dingtalk, url: "\(base)/flaky")
            try await notify.add(store: id, id: "b-down", kind: .wecom, url: "\(base)/down")
            try await notify.add(store: id, id: "c-bad", kind: .slack, url: "\(base)/bad")
            try await notify.add(store: id, id: "d-keyword", kind: .dingtalk, url: "\(base)/keyword")
            try await notify.add(store: id, id: "e-fast", kind: .dingtalk, url: "\(base)/fast")
            let results = try await notify.send(store: id, day: Fixtures.d0, report: "daily") { _ in Self.digest }
            let by = Dictionary(uniqueKeysWithValues: results.map { ($0.channel.id, $0.delivery) })
            #expect(by["a-flaky"]?.status == .sent && by["a-flaky"]?.attempts == 3)
            #expect(by["b-down"]?.status == .failed && by["b-down"]?.attempts == 3 && by["b-down"]?.detail?.contains("503") == true)
            #expect(by["c-bad"]?.status == .failed && by["c-bad"]?.attempts == 1 && by["c-bad"]?.detail?.contains("invalid_payload") == true)
            #expect(by["d-keyword"]?.status == .failed && by["d-keyword"]?.attempts == 1 && by["d-keyword"]?.detail?.contains("310000") == true)
            #expect(by["e-fast"]?.status == .sent && by["e-fast"]?.attempts == 2)
            #expect(receiver.messages(to: "/bad").count == 1 && receiver.messages(to: "/down").count == 3)
            // The ledger keeps what happened; a failed message is not sent again by the next run of the day.
            let ledger = try await notify.deliveries(store: id, through: Fixtures.d0)
            #expect(ledger.count == 5 && ledger.first { $0.channel == "c-bad" }?.finishedAt != nil)
            _ = try await notify.send(store: id, day: Fixtures.d0, report: "daily") { _ in Self.digest }
            #expect(receiver.messages(to: "/bad").count == 1)
            // Nothing listening: no answer, tried three times.
            for channel in ["a-flaky", "b-down", "c-bad", "d-keyword", "e-fast"] { try await notify.remove(store: id, id: channel) }
            let quick = try Self.service(storage, timeout: .seconds(1))
            try await quick.add(store: id, id: "f-nobody", kind: .wecom, url: "http://127.0.0.1:1/closed")
            let nobody = try #require(try await quick.send(store: id, day: Fixtures.d1, report: "daily") { _ in Self.digest }.first)
            #expect(nobody.delivery.status == .failed && nobody.delivery.attempts == 3 && nobody.delivery.detail?.contains("no answer") == true)
        }
    }

    @Test("addresses and secrets are sealed at rest, bound to their channel, and need the key")
    func sealed() async throws {
        let storage = try await Self.store()
        let notify = try Self.service(storage)
        let id = Fixtures.storeID
        try await notify.add(store: id, id: "boss", kind: .dingtalk, url: "https://oapi.dingtalk.com/robot/send?access_token=SECRET1",
                             secret: "SECxyz")
        let stored = try #require(try await storage.notifyChannels(store: id).first)
        #expect(stored.url.hasPrefix("v1:") && !stored.url.contains("SECRET1") && stored.secret?.hasPrefix("v1:") == true)
        #expect(try await notify.channels(store: id).first?.url.hasSuffix("access_token=SECRET1") == true)
        #expect(try await notify.channels(store: id).first?.maskedURL == "https://oapi.dingtalk.com/…")
        // Another key does not open them; a sealed value moved to another channel does not open either.
        let other = NotifyService(storage: storage, secrets: try SecretBox(keyText: String(repeating: "cd", count: 32)),
                                  transport: HTTPWebhookTransport(), clock: Self.clock)
        await #expect(throws: ServiceError.self) { try await other.channels(store: id) }
        var moved = stored
        moved.id = "copy"
        try await storage.saveNotifyChannel(moved)
        await #expect(throws: ServiceError.self) { try await notify.channels(store: id) }
        _ = try await storage.removeNotifyChannel(store: id, id: "copy")
        // No key: nothing is kept; a bad key is refused; plain HTTP only to this machine; WeCom does not sign.
        let keyless = NotifyService(storage: storage, secrets: try SecretBox(keyText: nil), transport: HTTPWebhookTransport(), clock: Self.clock)
        await #expect(throws: ServiceError.self) { try await keyless.add(store: id, id: "x", kind: .slack, url: "https://hooks.slack.com/services/T/B/C") }
        #expect(throws: ServiceError.self) { try SecretBox(keyText: "short") }
        await #expect(throws: ServiceError.self) { try await notify.add(store: id, id: "x", kind: .slack, url: "http://hooks.slack.com/x") }
        await #expect(throws: ServiceError.self, "not the app's host") {
            try await notify.add(store: id, id: "x", kind: .slack, url: "https://10.0.0.5/admin")
        }
        await #expect(throws: ServiceError.self, "another app's host") {
            try await notify.add(store: id, id: "x", kind: .wecom, url: "https://hooks.slack.com/services/T/B/C")
        }
        await #expect(throws: ServiceError.self) { try await notify.add(store: id, id: "x", kind: .wecom, url: "https://qyapi.weixin.qq.com/x", secret: "s") }
        await #expect(throws: ServiceError.self) { try await notify.add(store: id, id: "bad name!", kind: .slack, url: "https://hooks.slack.com/x") }
        try await notify.remove(store: id, id: "boss")
        await #expect(throws: ServiceError.self) { try await notify.remove(store: id, id: "boss") }
    }

    @Test("a robot's rate: beyond its messages per window, the next waits for the window")
    func rate() async throws {
        let limiter = RobotRateLimiter(window: .milliseconds(300))
        let start = ContinuousClock.now
        for _ in 0..<2 { try await limiter.admit("robot", perWindow: 2) }
        try await limiter.admit("other", perWindow: 2)
        #expect(ContinuousClock.now - start < .milliseconds(200), "within the budget, and another robot's own")
        try await limiter.admit("robot", perWindow: 2)
        #expect(ContinuousClock.now - start >= .milliseconds(300), "the third waited for the window")
    }
}
