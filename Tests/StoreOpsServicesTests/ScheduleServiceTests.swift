import Foundation
import StoreOpsCore
import StoreOpsReports
@testable import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Synchronization
import Testing

/// Schedules with an injected clock on real storage: each store's routine fires at its own 09:00, once a day; a run
/// cut off by a killed server is taken over and sends nothing twice; the inbox imports complete files in order and
/// moves them with their diagnostics.
@Suite("Schedules and the inbox")
struct ScheduleServiceTests {
    /// A clock the test moves.
    final class TestClock: Sendable {
        let now: Mutex<Instant>
        init(_ start: Instant) { now = Mutex(start) }
        func set(_ instant: Instant) { now.withLock { $0 = instant } }
        var read: @Sendable () -> Instant { { self.now.withLock { $0 } } }
    }

    /// A chat app that takes every message, and keeps them.
    final class RecordingTransport: WebhookTransport {
        let posted = Mutex<[String]>([])
        func post(_ url: String, json body: String, timeout: Duration) async throws -> WebhookAnswer {
            posted.withLock { $0.append(url) }
            return WebhookAnswer(status: 200, body: #"{"errcode":0,"errmsg":"ok"}"#)
        }
        var count: Int { posted.withLock { $0.count } }
    }

    static let north = Store(id: "north", name: "North", platform: .shopify, currency: Currency("CAD"),
                             timeZone: StoreTimeZone("America/Toronto")!)

    static func services(_ storage: any StoreOpsStore, _ clock: TestClock, _ transport: RecordingTransport) throws
        -> (ScheduleService, NotifyService) {
        let notify = NotifyService(storage: storage, secrets: try SecretBox(keyText: String(repeating: "ab", count: 32)),
                                   transport: transport, clock: clock.read, limiter: RobotRateLimiter(), pause: { _ in })
        return (ScheduleService(storage: storage, notify: notify, clock: clock.read, settle: 10, build: "b1"), notify)
    }

    @Test("each store's routine fires at 09:00 in its own time zone, once a day")
    func timeZones() async throws {
        let storage = try await TestBackend.makeStore()
        try await storage.saveStore(Fixtures.store)
        try await storage.saveStore(Self.north)
        let day = Day(iso: "2026-03-11")!
        let shanghai9 = Fixtures.store.timeZone.instant(day: day, hour: 9), toronto9 = Self.north.timeZone.instant(day: day, hour: 9)
        #expect(toronto9.seconds - shanghai9.seconds == 12 * 3_600, "Toronto keeps daylight time (UTC-4) from March 8")
        let clock = TestClock(Instant(seconds: shanghai9.seconds - 1))
        let transport = RecordingTransport()
        let (schedules, notify) = try Self.services(storage, clock, transport)
        try await schedules.set(store: Fixtures.storeID)
        try await schedules.set(store: Self.north.id, at: "09:00")
        try await notify.add(store: Fixtures.storeID, id: "boss", kind: .dingtalk, url: "https://oapi.dingtalk.com/robot/send?access_token=A")
        // 08:59:59 in Shanghai is 20:59:59 of March 10 in Toronto: Toronto's day of March 10 is due (it was set after
        // its time that day), Shanghai's of March 11 is not yet.
        let early = try await schedules.runDue()
        #expect(early.map(\.store) == [Self.north.id] && early.first?.day == day.adding(days: -1))
        clock.set(shanghai9)
        let first = try await schedules.runDue()
        #expect(first.map(\.store) == [Fixtures.storeID] && first.first?.day == day)
        #expect(first.first?.lines.contains { $0.hasPrefix("briefing of 2026-03-10: boss sent") } == true)
        #expect(first.first?.lines.contains { $0.hasPrefix("checks of 2026-03-10") } == true)
        // The morning overview reads the line the run kept.
        #expect(first.first?.lines.contains("overview of 2026-03-10: kept") == true)
        let kept = try await storage.keptReports(kind: "overview", build: "b1", stores: [Fixtures.storeID])
        #expect(kept[Fixtures.storeID]?["2026-03-10"] != nil)
        #expect(transport.count == 1)
        clock.set(Instant(seconds: toronto9.seconds - 60))
        #expect(try await schedules.runDue().isEmpty, "Shanghai ran today; Toronto's 09:00 is a minute away")
        clock.set(toronto9)
        let second = try await schedules.runDue()
        #expect(second.map(\.store) == [Self.north.id] && second.first?.lines.contains("briefing: no chat channels") == true)
        #expect(try await schedules.runDue().isEmpty, "once a day")
        #expect(transport.count == 1)
        #expect(try await storage.run(store: Fixtures.storeID, day: day)?.status == .finished)
        // The next day fires again.
        clock.set(Fixtures.store.timeZone.instant(day: day.adding(days: 1), hour: 9, minute: 30))
        #expect(try await schedules.runDue().map(\.store) == [Fixtures.storeID])
        #expect(transport.count == 2)
    }

    @Test("Mondays the week's report goes out too, on the 1st the month's; each once")
    func periodMessages() async throws {
        let storage = try await TestBackend.makeStore()
        try await storage.saveStore(Fixtures.store)
        let monday = Day(iso: "2026-03-16")!, first = Day(iso: "2026-04-01")!
        #expect(monday.weekday == 1 && first.dayOfMonth == 1 && first.weekday != 1)
        let clock = TestClock(Fixtures.store.timeZone.instant(day: monday, hour: 9))
        let transport = RecordingTransport()
        let (schedules, notify) = try Self.services(storage, clock, transport)
        try await schedules.set(store: Fixtures.storeID)
        try await notify.add(store: Fixtures.storeID, id: "boss", kind: .wecom, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=A")
        let mondayRun = try #require(try await schedules.runDue().first)
        #expect(mondayRun.lines.contains("weekly report: boss sent") && !mondayRun.lines.contains { $0.hasPrefix("monthly") })
        #expect(transport.count == 2)
        #expect(try await storage.delivery(store: Fixtures.storeID, day: Day(iso: "2026-03-15")!, report: "weekly", channel: "boss")?.status == .sent)
        clock.set(Fixtures.store.timeZone.instant(day: first, hour: 9))
        let firstRun = try #require(try await schedules.runDue().first)
        #expect(firstRun.lines.contains("monthly report: boss sent") && !firstRun.lines.contains { $0.hasPrefix("weekly") })
        #expect(try await storage.delivery(store: Fixtures.storeID, day: Day(iso: "2026-03-31")!, report: "monthly", channel: "boss") != nil)
        #expect(try await schedules.runNow(store: Fixtures.storeID).lines.contains("monthly report: boss sent before"))
        #expect(transport.count == 4)
    }

    @Test("alerts: after the morning run, the day's urgent findings go out as found, each once")
    func alerts() async throws {
        let storage = try await TestBackend.makeStore()
        let end = Day(iso: "2026-03-31")!
        let demo = try await DemoService(storage: storage, clock: { Instant(seconds: 0) })
            .build(DemoScenario(seed: 42, end: end, days: 60)).data
        let today = end.adding(days: 1)
        let clock = TestClock(demo.store.timeZone.instant(day: today, hour: 9, minute: 30))
        let transport = RecordingTransport()
        let (schedules, notify) = try Self.services(storage, clock, transport)
        try await schedules.set(store: demo.store.id, alerts: true)
        try await notify.add(store: demo.store.id, id: "ops", kind: .wecom, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=A")
        let morning = try await schedules.runDue()
        #expect(morning.first?.lines.contains { $0.hasPrefix("briefing of 2026-03-31: ops sent") } == true)
        #expect(!(morning.first?.lines.contains { $0.hasPrefix("alert") } ?? true), "alerts begin after the morning run")
        let before = transport.count  // the briefing, and (the 1st) the month's report
        clock.set(Instant(seconds: clock.read().seconds + 3_600))
        let urgent = try await CheckService(storage: storage, clock: clock.read).run(store: demo.store.id, day: today).findings
            .filter { $0.severity == .critical && ChatDigest.alertKinds.contains($0.check) }
        #expect(urgent.contains { $0.check == .soldOutHero && $0.subject == demo.injections.soldOutSKU })
        let pass = try #require(try await schedules.runDue().first)
        #expect(pass.lines.count == urgent.count && transport.count == before + urgent.count)
        #expect(pass.lines.contains("alert sold_out_hero \(demo.injections.soldOutSKU): ops sent"))
        #expect(try await schedules.runDue().isEmpty, "each once")
        #expect(transport.count == before + urgent.count)
    }

    /// A chat app that never answers: the post waits until its task is cancelled.
    final class SilentTransport: WebhookTransport {
        /// Whether a post has begun.
        let entered = Mutex(false)
        func post(_ url: String, json body: String, timeout: Duration) async throws -> WebhookAnswer {
            entered.withLock { $0 = true }
            try await Task.sleep(for: .seconds(3_600))
            return WebhookAnswer(status: 200, body: "ok")
        }
    }

    @Test("one store's failure does not stop the pass; a send cut off by shutdown is recorded, and run-now sends it")
    func failures() async throws {
        let storage = try await TestBackend.makeStore()
        try await storage.saveStore(Fixtures.store)
        try await storage.saveStore(Self.north)
        let day = Day(iso: "2026-03-11")!
        let clock = TestClock(Self.north.timeZone.instant(day: day, hour: 9, minute: 5))
        let transport = RecordingTransport()
        let (schedules, notify) = try Self.services(storage, clock, transport)
        // Shanghai's channel was sealed with another key: its alerts cannot be sent, every pass.
        try await schedules.set(store: Fixtures.storeID, alerts: true)
        try await schedules.set(store: Self.north.id)
        try await notify.add(store: Fixtures.storeID, id: "boss", kind: .wecom, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=A")
        #expect(try await storage.claimRun(ScheduleRun(store: Fixtures.storeID, day: day, status: .finished, startedAt: clock.read())))
        var sealed = try #require(try await storage.notifyChannels(store: Fixtures.storeID).first)
        sealed.url = try SecretBox(keyText: String(repeating: "cd", count: 32)).seal("https://qyapi.weixin.qq.com/x", for: "shop/boss/url")
        try await storage.saveNotifyChannel(sealed)
        let pass = try await schedules.runDue()
        #expect(pass.first { $0.store == Fixtures.storeID }?.lines.first?.hasPrefix("failed: ") == true)
        #expect(pass.contains { $0.store == Self.north.id && $0.day == day }, "the next store still ran")

        // A send cut off (the server stops while the app has not answered): recorded as interrupted, not "sending".
        let stuck = SilentTransport()
        let silent = NotifyService(storage: storage, secrets: try SecretBox(keyText: String(repeating: "ab", count: 32)),
                                   transport: stuck, clock: clock.read, limiter: RobotRateLimiter(), pause: { _ in })
        try await silent.add(store: Self.north.id, id: "team", kind: .wecom, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=T")
        let digest = ChatDigest(title: "t", summary: "s", figures: [], findings: [], more: 0, link: nil, language: .en)
        let sending = Task { try await silent.send(store: Self.north.id, day: day, report: "daily") { _ in digest } }
        for _ in 0..<1_000 where !stuck.entered.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
        #expect(stuck.entered.withLock { $0 }, "the post began")
        sending.cancel()
        _ = await sending.result
        let cut = try #require(try await storage.delivery(store: Self.north.id, day: day, report: "daily", channel: "team"))
        #expect(cut.status == .posting && cut.detail?.hasPrefix("interrupted while sending") == true)
        // The next scheduled send of that message skips it and says how it went; a person's run-now sends it again.
        let skipped = try await notify.send(store: Self.north.id, day: day, report: "daily") { _ in digest }
        #expect(skipped.first?.skipped == true && ScheduleService.said(skipped).hasPrefix("team cut off while sending"))
        let again = try await notify.send(store: Self.north.id, day: day, report: "daily", resend: [.posting]) { _ in digest }
        #expect(again.first?.skipped == false && again.first?.delivery.status == .sent)
    }

    @Test("a run cut off by a killed server is taken over once it is stale, and sends nothing twice")
    func killedMidRun() async throws {
        let storage = try await TestBackend.makeStore()
        try await storage.saveStore(Fixtures.store)
        let day = Day(iso: "2026-03-11")!
        let nine = Fixtures.store.timeZone.instant(day: day, hour: 9)
        let clock = TestClock(nine)
        let transport = RecordingTransport()
        let (schedules, notify) = try Self.services(storage, clock, transport)
        try await schedules.set(store: Fixtures.storeID)
        try await notify.add(store: Fixtures.storeID, id: "a-boss", kind: .wecom, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=A")
        try await notify.add(store: Fixtures.storeID, id: "b-team", kind: .wecom, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=B")
        // The killed server: it claimed the day and sent to a-boss, then died before b-team and before finishing.
        #expect(try await storage.claimRun(ScheduleRun(store: Fixtures.storeID, day: day, status: .running, startedAt: nine)))
        let digest = ChatDigest(title: "t", summary: "s", figures: [], findings: [], more: 0, link: nil, language: .zh)
        let killed = try await notify.deliver(Outgoing(digest: digest, mail: nil), to: try #require(try await notify.channels(store: Fixtures.storeID).first),
                                              day: day.adding(days: -1), report: "daily")
        #expect(killed.delivery.status == .sent && transport.count == 1)
        // Restarted a minute later: the run is someone's still. Sixteen minutes later: taken over, by one pass.
        clock.set(Instant(seconds: nine.seconds + 60))
        #expect(try await schedules.runDue().isEmpty)
        clock.set(Instant(seconds: nine.seconds + 16 * 60))
        let resumed = try await schedules.runDue()
        #expect(resumed.first?.lines.contains("briefing of 2026-03-10: a-boss sent before, b-team sent") == true)
        #expect(transport.posted.withLock { $0 }.filter { $0.hasSuffix("key=A") }.count == 1, "a-boss got one message")
        #expect(transport.count == 2)
        #expect(try await schedules.runDue().isEmpty)
        #expect(try await storage.run(store: Fixtures.storeID, day: day)?.status == .finished)
        // run-now runs the steps again, and still sends nothing twice.
        let again = try await schedules.runNow(store: Fixtures.storeID)
        #expect(again.lines.contains("briefing of 2026-03-10: a-boss sent before, b-team sent before") && transport.count == 2)
    }

    @Test("the inbox imports complete files oldest first, moves them to done/ or rejected/ with diagnostics, leaves fresh ones")
    func inbox() async throws {
        let storage = try await TestBackend.makeStore()
        try await storage.saveStore(Self.north)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("storeops-inbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = Instant(seconds: Int64(Date().timeIntervalSince1970))
        func drop(_ name: String, _ data: Data, ageSeconds: Double) throws {
            let url = folder.appendingPathComponent(name)
            try data.write(to: url)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(now.seconds) - ageSeconds)],
                                                  ofItemAtPath: url.path)
        }
        try drop("orders_export.csv", try Data(contentsOf: Samples.url("shopify/orders_export.csv")), ageSeconds: 120)
        try drop("notes.csv", Data("what,is\nthis,file\n".utf8), ageSeconds: 60)
        try drop("arriving.csv", Data("half".utf8), ageSeconds: 2)
        let clock = TestClock(now)
        let (schedules, _) = try Self.services(storage, clock, RecordingTransport())
        try await schedules.set(store: Self.north.id, inbox: folder.path)
        let outcome = try await schedules.runNow(store: Self.north.id)
        let rows = try await storage.importRecords(store: Self.north.id).first?.rowsImported ?? -1
        #expect(rows > 0 && outcome.lines.first == "inbox: orders_export.csv imported (\(rows) rows); notes.csv rejected (0 rows)")
        let fm = FileManager.default
        #expect(fm.fileExists(atPath: folder.appendingPathComponent("done/orders_export.csv").path))
        #expect(fm.fileExists(atPath: folder.appendingPathComponent("rejected/notes.csv").path))
        let note = try String(contentsOf: folder.appendingPathComponent("rejected/notes.csv.diagnostics.txt"), encoding: .utf8)
        #expect(!note.isEmpty)
        #expect(fm.fileExists(atPath: folder.appendingPathComponent("arriving.csv").path), "not complete yet")
        // The same export dropped again is imported before: it goes to done/ under another name, nothing doubled.
        try drop("orders_export.csv", try Data(contentsOf: Samples.url("shopify/orders_export.csv")), ageSeconds: 30)
        let again = try await InboxService(imports: ImportService(storage: storage, clock: clock.read), clock: clock.read)
            .importReady(folder.path, store: Self.north.id)
        #expect(again.map(\.status) == [.alreadyImported] && again.first?.movedTo.lastPathComponent != "orders_export.csv")
        #expect(try await storage.importRecords(store: Self.north.id).count == 1)
    }
}
