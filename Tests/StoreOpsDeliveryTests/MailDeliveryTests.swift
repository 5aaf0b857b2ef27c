import Foundation
import NIOCore
import NIOPosix
import StoreOpsCore
@testable import StoreOpsDelivery
import StoreOpsReports
@testable import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Testing

/// E-mail through a real mail server on loopback (aiosmtpd, `SMTPSink`): STARTTLS before the password, AUTH, the
/// briefing as HTML with its workbook attached, read back by Python's own e-mail package; retries on 4xx and none on
/// 5xx; no password over a connection the server would not encrypt; a certificate nobody vouches for is refused.
@Suite("Notify: e-mail over SMTP", .enabled(if: SMTPSink.isAvailable, "needs the benchmark venv's Python with aiosmtpd"))
struct MailDeliveryTests {
    static let address = "smtp://ops%40shop.example@127.0.0.1:PORT?from=ops@shop.example&to=boss@shop.example,client@shop.example"

    /// A service sending through SMTP, trusting `caFile`, allowing `hosts`; a minute per attempt, so that a loaded
    /// machine does not turn the retries these tests count into timeouts.
    static func service(_ storage: any StoreOpsStore, trusting caFile: String?, hosts: Set<String> = ["127.0.0.1"]) throws -> NotifyService {
        NotifyService(storage: storage, secrets: try SecretBox(keyText: NotifyDeliveryTests.key), transport: HTTPWebhookTransport(),
                      mailer: try SMTPMailTransport(caFile: caFile), clock: NotifyDeliveryTests.clock, limiter: RobotRateLimiter(),
                      pause: { _ in }, timeout: .seconds(60), extraHosts: hosts)
    }

    @Test("the briefing by e-mail: STARTTLS, AUTH, the HTML inline and the workbook attached, once per day")
    func briefing() async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        let storage = try await NotifyDeliveryTests.store()
        let notify = try Self.service(storage, trusting: sink.caFile)
        let id = Fixtures.storeID
        try await notify.add(store: id, id: "boss-mail", kind: .email, url: Self.address.replacingOccurrences(of: "PORT", with: "\(sink.port)"),
                             secret: "secret")
        let (day, results) = try await notify.sendBriefing(store: id, day: Fixtures.d0, base: "https://ops.example.com")
        let result = try #require(results.first)
        #expect(result.delivery.status == .sent && result.delivery.attempts == 1, "\(result.delivery.detail ?? "")")
        #expect(result.body?.hasPrefix("Subject: 测试店") == true, "notify test shows the subject and the text")

        let mail = try #require(sink.mails().first)
        #expect(mail["tls"] as? Bool == true && mail["authenticated"] as? Bool == true)
        #expect(mail["mail_from"] as? String == "ops@shop.example")
        #expect(mail["rcpt_tos"] as? [String] == ["boss@shop.example", "client@shop.example"])
        let report = try await BriefingService(storage: storage, clock: NotifyDeliveryTests.clock).briefing(store: id, day: day)
        let digest = ChatDigest.daily(report, language: .zh, base: "https://ops.example.com")
        #expect(mail["subject"] as? String == digest.title, "the UTF-8 subject decodes to the digest's title")
        #expect((mail["from"] as? String)?.contains("<ops@shop.example>") == true)
        #expect(mail["defects"] as? [String] == [], "Python's parser finds nothing wrong")
        #expect(mail["long_lines"] as? [String] == [] && mail["bare_lf"] as? Int == 0, "short CRLF lines only: \(mail["long_lines"] ?? "")")

        let parts = try #require(mail["parts"] as? [[String: Any]])
        #expect(parts.map { $0["type"] as? String } == ["text/plain", "text/html",
                                                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"])
        let text = try #require(parts[0]["text"] as? String), html = try #require(parts[1]["text"] as? String)
        #expect(text.contains(digest.summary) && text.contains("打开完整报告: https://ops.example.com/stores/shop/"))
        #expect(html.contains("<html") && html.contains("测试店") && html.contains("href=\"https://ops.example.com/stores/shop/"))
        let workbook = try MasterTableXLSX.render(store: report.store, rows: [report.row, report.previousDay, report.lastWeek])
        #expect(parts[2]["filename"] as? String == "storeops-shop-2026-03-10.xlsx")
        #expect(parts[2]["size"] as? Int == workbook.count && parts[2]["magic"] as? String == "504b0304", "a ZIP, the workbook's size")

        // The same day's briefing again: the channel has it, nothing goes out.
        let again = try await notify.sendBriefing(store: id, day: Fixtures.d0)
        #expect(again.results.allSatisfy(\.skipped) && sink.mails().count == 1)
    }

    @Test("a busy server (4xx) is tried again; a refused recipient or password (5xx) is not; TLS from the start works")
    func answers() async throws {
        let sink = try await SMTPSink.start(["--busy", "2", "--refuse", "gone@shop.example"])
        defer { sink.stop() }
        let storage = try await NotifyDeliveryTests.store()
        let notify = try Self.service(storage, trusting: sink.caFile)
        let id = Fixtures.storeID
        let base = "smtp://ops%40shop.example@127.0.0.1:\(sink.port)?from=ops@shop.example&to="
        let digest = NotifyDeliveryTests.digest
        // One channel at a time: the sink's busy answers go to the first MAIL commands it gets.
        func send(_ name: String, to: String, password: String) async throws -> Delivery {
            try await notify.add(store: id, id: name, kind: .email, url: base + to, secret: password)
            let results = try await notify.send(store: id, day: Fixtures.d0, report: name) { _ in digest }
            try await notify.remove(store: id, id: name)
            return try #require(results.first).delivery
        }
        let busy = try await send("busy", to: "boss@shop.example", password: "secret")
        #expect(busy.status == .sent && busy.attempts == 3, "\(busy.status) after \(busy.attempts): \(busy.detail ?? "")")
        let gone = try await send("gone", to: "boss@shop.example,gone@shop.example", password: "secret")
        #expect(gone.status == .failed && gone.attempts == 1 && gone.detail?.contains("550") == true)
        #expect(gone.detail?.contains("gone@shop.example") == true, "the refused recipient is named")
        let wrong = try await send("wrong", to: "boss@shop.example", password: "not-it")
        #expect(wrong.status == .failed && wrong.attempts == 1 && wrong.detail?.contains("535") == true)
        #expect(wrong.detail?.contains("not-it") == false, "the password is never recorded")
        #expect(sink.mails().count == 1, "only the busy channel's third attempt got through")
        let alert = try #require(sink.mails().first)
        #expect(((alert["parts"] as? [[String: Any]])?.first?["text"] as? String)?.contains("删除关键词") == true,
                "a digest alone (an alert) goes as its text and a short HTML page")

        let tls = try await SMTPSink.start(["--implicit-tls"])
        defer { tls.stop() }
        let implicit = try Self.service(storage, trusting: tls.caFile)
        try await implicit.add(store: id, id: "smtps", kind: .email,
                               url: "smtps://ops%40shop.example@127.0.0.1:\(tls.port)?to=boss@shop.example", secret: "secret")
        let sent = try #require(try await implicit.send(store: id, day: Fixtures.d1, report: "daily") { _ in digest }.first)
        #expect(sent.delivery.status == .sent && tls.mails().first?["authenticated"] as? Bool == true)
    }

    @Test("an unknown certificate and a server without STARTTLS get neither the password nor the message")
    func refusesUnsafe() async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        let storage = try await NotifyDeliveryTests.store()
        let id = Fixtures.storeID
        let untrusting = try Self.service(storage, trusting: nil)
        try await untrusting.add(store: id, id: "mail", kind: .email,
                                 url: "smtp://ops%40shop.example@127.0.0.1:\(sink.port)?to=boss@shop.example", secret: "secret")
        let refused = try #require(try await untrusting.send(store: id, day: Fixtures.d0, report: "daily") { _ in NotifyDeliveryTests.digest }.first)
        #expect(refused.delivery.status == .failed && refused.delivery.detail?.lowercased().contains("certificate") == true,
                "\(refused.delivery.detail ?? "")")

        // 127.0.0.2 is this machine too, but not by a name StoreOps takes for it: without STARTTLS nothing is said.
        let plain = try await SMTPSink.start(["--no-tls", "--host", "127.0.0.2"])
        defer { plain.stop() }
        let notify = try Self.service(storage, trusting: sink.caFile, hosts: ["127.0.0.2"])
        try await notify.add(store: id, id: "plain", kind: .email,
                             url: "smtp://ops%40shop.example@127.0.0.2:\(plain.port)?to=boss@shop.example", secret: "secret")
        let results = try await notify.send(store: id, day: Fixtures.d1, report: "daily") { _ in NotifyDeliveryTests.digest }
        let unsafe = try #require(results.first { $0.channel.id == "plain" })
        #expect(unsafe.delivery.status == .failed && unsafe.delivery.attempts == 1 && unsafe.delivery.detail?.contains("STARTTLS") == true)
        #expect(plain.mails().isEmpty)
    }

    @Test("a STARTTLS answered but not started, or a name leading into this machine, is no delivery")
    func downgrades() async throws {
        let fake = try await SMTPSink.start(["--fake-starttls"])
        defer { fake.stop() }
        let storage = try await NotifyDeliveryTests.store()
        let id = Fixtures.storeID
        let notify = try Self.service(storage, trusting: fake.caFile)
        try await notify.add(store: id, id: "mail", kind: .email,
                             url: "smtp://ops%40shop.example@127.0.0.1:\(fake.port)?to=boss@shop.example", secret: "secret")
        let result = try #require(try await notify.send(store: id, day: Fixtures.d0, report: "daily") { _ in NotifyDeliveryTests.digest }.first)
        #expect(result.delivery.status == .failed && result.delivery.attempts == 1, "\(result.delivery.detail ?? "")")
        #expect(result.delivery.detail?.contains("STARTTLS") == true && fake.mails().isEmpty)

        // The transport itself refuses a server whose name leads to this machine unless told it may.
        let server = try MailServer(address: "smtp://ops%40shop.example@127.0.0.1:\(fake.port)?to=boss@shop.example")
        let refused = try await SMTPMailTransport().send(Data("x\r\n".utf8), via: server, password: "secret",
                                                          timeout: .seconds(30), allowLocal: false)
        #expect(refused.code == nil && refused.text.contains("this machine"))
        guard case .refused = refused.outcome else { Issue.record("not refused: \(refused)"); return }
        let addresses = ["127.0.0.1": false, "10.1.2.3": false, "172.20.0.1": false, "192.168.1.1": false, "169.254.169.254": false,
                         "100.64.0.1": false, "0.0.0.0": false, "224.0.0.1": false, "203.0.113.9": true, "8.8.8.8": true,
                         "::1": false, "fe80::1": false, "fd00::1": false, "::ffff:127.0.0.1": false, "2001:4860:4860::8888": true]
        for (ip, expected) in addresses {
            #expect(SMTPMailTransport.isPublic(try SocketAddress(ipAddress: ip, port: 25)) == expected, "\(ip)")
        }
    }

    @Test("a server that accepts and never speaks: each attempt ends at its deadline, and says so")
    func silentServer() async throws {
        let silent = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { $0.eventLoop.makeSucceededVoidFuture() }
            .bind(host: "127.0.0.1", port: 0).get()
        defer { silent.close(promise: nil) }
        let port = try #require(silent.localAddress?.port)
        let storage = try await NotifyDeliveryTests.store()
        let notify = NotifyService(storage: storage, secrets: try SecretBox(keyText: NotifyDeliveryTests.key),
                                   transport: HTTPWebhookTransport(), mailer: try SMTPMailTransport(),
                                   clock: NotifyDeliveryTests.clock, limiter: RobotRateLimiter(), pause: { _ in },
                                   timeout: .seconds(1), extraHosts: ["127.0.0.1"])
        try await notify.add(store: Fixtures.storeID, id: "mail", kind: .email,
                             url: "smtps://127.0.0.1:\(port)?from=ops@shop.example&to=boss@shop.example")
        let result = try #require(try await notify.send(store: Fixtures.storeID, day: Fixtures.d0, report: "daily") { _ in
            NotifyDeliveryTests.digest
        }.first)
        #expect(result.delivery.status == .failed && result.delivery.attempts == 3)
        #expect(result.delivery.detail?.contains("within 1 s") == true, "\(result.delivery.detail ?? "")")
    }

    @Test("mail servers: only names on mail ports, the account's password sealed, no keyword")
    func addresses() async throws {
        let storage = try await NotifyDeliveryTests.store()
        let notify = try Self.service(storage, trusting: nil, hosts: [])
        let id = Fixtures.storeID
        let added = try await notify.add(store: id, id: "mail", kind: .email,
                                         url: "smtps://ops%40shop.example@SMTP.exmail.qq.com?to=boss@shop.example", secret: "pw")
        #expect(added.url == "smtps://ops%40shop.example@smtp.exmail.qq.com:465?from=ops%40shop.example&to=boss%40shop.example")
        #expect(added.maskedURL == "smtps://smtp.exmail.qq.com/… → 1")
        let stored = try #require(try await storage.notifyChannels(store: id).first)
        #expect(stored.url.hasPrefix("v1:") && !stored.url.contains("boss") && stored.secret?.hasPrefix("v1:") == true)
        for bad in ["smtp://10.0.0.5:587?from=a@b.example&to=c@d.example", "smtp://localhost:587?from=a@b.example&to=c@d.example",
                    "smtp://mail.example.com:8080?from=a@b.example&to=c@d.example", "http://mail.example.com?to=c@d.example",
                    "smtp://mail.example.com:587?from=a@b.example", "smtp://mail.example.com:587?from=a@b.example&to=c@d.example%0D%0ARCPT"] {
            await #expect(throws: ServiceError.self, "\(bad)") { try await notify.add(store: id, id: "x", kind: .email, url: bad) }
        }
        await #expect(throws: ServiceError.self) {
            try await notify.add(store: id, id: "x", kind: .email, url: "smtp://mail.example.com?from=a@b.example&to=c@d.example", keyword: "日报")
        }
    }
}
