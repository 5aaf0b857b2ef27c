import Foundation
import StoreOpsCore
import StoreOpsReports
import StoreOpsStorage
import Synchronization

/// The morning routine that runs by itself. Each store with a schedule runs once per store-local day, at or after
/// its time: its inbox is imported, the checks of yesterday run and record their tasks, and yesterday's briefing
/// goes to its chat channels (Mondays also the week's report, the 1st the month's). A day's run is claimed in the database before it starts and marked finished after;
/// a run left unfinished for `staleAfter` (its server was killed) is taken over by the next pass, by one server
/// only; every message goes out at most once whoever runs the day (see `NotifyService`).
public struct ScheduleService: Sendable {
    let storage: any StoreOpsStore
    let notify: NotifyService?
    let clock: @Sendable () -> Instant
    /// The workbench's address, for links in messages.
    let base: String?
    /// How long a run may stay unfinished before another pass takes it over.
    let staleAfter: Int64
    /// How long an inbox file must be left alone before it is imported.
    let settle: TimeInterval
    /// How often a store's day is checked for alerts by one runner (the checks are not run on every pass).
    let alertEvery: Int64
    /// The program's build: with it the run also keeps the store's overview line of yesterday (`OverviewService`), so
    /// that the agency's morning overview reads it instead of computing it; nil keeps none.
    let build: String?
    /// When this runner last checked each store for alerts.
    private let alerted = AlertTimes()

    public init(storage: any StoreOpsStore, notify: NotifyService?, clock: @escaping @Sendable () -> Instant, base: String? = nil,
                staleAfter: Int64 = 15 * 60, settle: TimeInterval = 10, alertEvery: Int64 = 5 * 60,
                build: String? = nil) {
        self.build = build
        self.storage = storage
        self.notify = notify
        self.clock = clock
        self.base = base
        self.staleAfter = staleAfter
        self.settle = settle
        self.alertEvery = alertEvery
    }

    /// The last alert check of each store, shared by a service's copies.
    private final class AlertTimes: Sendable {
        let last = Mutex<[StoreID: Instant]>([:])

        /// Whether `store` is due at `now` (and if so, notes `now` as its check).
        func due(_ store: StoreID, _ now: Instant, every seconds: Int64) -> Bool {
            last.withLock { last in
                if let previous = last[store], now.seconds - previous.seconds < seconds { return false }
                last[store] = now
                return true
            }
        }
    }

    /// The service as `context`'s user, sending through `services`' transport.
    public init(_ context: AccessContext, services: ServerServices) {
        self.init(storage: context.storage, notify: NotifyService(context, services: services), clock: services.clock,
                  base: services.baseURL, build: services.build)
    }

    /// What one pass did for one store.
    public struct Outcome: Sendable {
        public let store: StoreID
        /// The store-local day of the run; nil when the store's pass failed before it was known.
        public let day: Day?
        /// One line per step.
        public let lines: [String]
    }

    // MARK: schedules

    /// Sets the store's schedule: its time (`HH:MM`, store-local; default 09:00, or the time it had) and inbox folder
    /// (empty: none; nil: as it was).
    @discardableResult
    public func set(store id: StoreID, at time: String? = nil, inbox: String? = nil, alerts: Bool? = nil) async throws -> Schedule {
        _ = try await storage.requireStore(id)
        var schedule = try await storage.schedule(store: id) ?? Schedule(store: id)
        if let time {
            guard let minute = Schedule.minute(of: time) else {
                throw ServiceError(.invalidInput, "\"\(time)\" is not a time of day: use HH:MM, e.g. 09:00. 时间请写成 09:00 这样。")
            }
            schedule.minute = minute
        }
        if let inbox {
            if inbox.isEmpty {
                schedule.inbox = nil
            } else {
                let absolute = URL(fileURLWithPath: inbox).standardizedFileURL.path
                try InboxService.prepare(absolute)
                schedule.inbox = absolute
            }
        }
        if let alerts { schedule.alerts = alerts }
        try await storage.saveSchedule(schedule)
        return schedule
    }

    /// The store's schedule, if it has one.
    public func schedule(store id: StoreID) async throws -> Schedule? { try await storage.schedule(store: id) }

    /// The store's runs of the last `days` days, newest first.
    public func runs(store id: StoreID, days: Int = 14) async throws -> [ScheduleRun] {
        let store = try await storage.requireStore(id)
        return try await storage.runs(store: id, since: store.timeZone.day(of: clock()).adding(days: -(max(1, days) - 1)))
    }

    /// Removes the store's schedule (its runs stay in the ledger).
    public func remove(store id: StoreID) async throws {
        guard try await storage.removeSchedule(store: id) else {
            throw ServiceError(.notFound, "Store \(id) has no schedule.")
        }
    }

    /// Every schedule with its store and its latest run.
    public func list() async throws -> [(schedule: Schedule, store: Store, last: ScheduleRun?)] {
        var lines: [(Schedule, Store, ScheduleRun?)] = []
        for schedule in try await storage.schedules() {
            let store = try await storage.requireStore(schedule.store)
            let today = store.timeZone.day(of: clock())
            lines.append((schedule, store, try await storage.runs(store: store.id, since: today.adding(days: -30)).first))
        }
        return lines
    }

    // MARK: running

    /// One pass: every store whose day is due and not run (or whose run was cut off) runs now, one after another;
    /// then the stores with alerts whose morning run is done check the day so far (every `alertEvery` seconds per
    /// store) and push what is urgent. One
    /// store's failure is its outcome's line and the others still run; `stop` is asked between stores (a server
    /// shutting down ends the pass there rather than mid-step).
    public func runDue(stop: @Sendable () -> Bool = { false }) async throws -> [Outcome] {
        var outcomes: [Outcome] = []
        for schedule in try await storage.schedules() {
            if stop() { break }
            do {
                let store = try await storage.requireStore(schedule.store)
                let now = clock()
                guard let day = schedule.due(at: now, zone: store.timeZone) else { continue }
                if let run = try await claim(store.id, day, now) {
                    outcomes.append(try await execute(schedule, store: store, run: run))
                } else if schedule.alerts, try await storage.run(store: store.id, day: day)?.status == .finished,
                          alerted.due(store.id, now, every: alertEvery) {
                    let lines = try await alert(store: store, day: day)
                    if !lines.isEmpty { outcomes.append(Outcome(store: store.id, day: day, lines: lines)) }
                }
            } catch {
                if Task.isCancelled { throw CancellationError() }
                outcomes.append(Outcome(store: schedule.store, day: nil, lines: ["failed: \(error)"]))
            }
        }
        return outcomes
    }

    /// Runs the checks of `day` so far and sends each urgent finding (`ChatDigest.alertKinds`, critical) to the
    /// store's channels, at most once per finding and day; the lines say what went out.
    func alert(store: Store, day: Day) async throws -> [String] {
        // The channels are opened first: one that cannot be (sealed with another key) fails the pass for this store.
        guard let notify, try await !notify.channels(store: store.id).isEmpty else { return [] }
        let report = try await CheckService(storage: storage, clock: clock).run(store: store.id, day: day)
        var lines: [String] = []
        for finding in report.findings where finding.severity == .critical && ChatDigest.alertKinds.contains(finding.check) {
            let base = self.base
            let results = try await notify.send(store: store.id, day: day, report: "alert:\(finding.check.rawValue):\(finding.subject)") {
                ChatDigest.alert(finding, store: store, day: day, language: $0, base: base)
            }
            let sent = results.filter { !$0.skipped }
            if !sent.isEmpty {
                lines.append("alert \(finding.check.rawValue) \(finding.subject): "
                    + sent.map { "\($0.channel.id) \($0.delivery.status.rawValue)" }.joined(separator: ", "))
            }
        }
        return lines
    }

    /// Runs the store's routine for today now, whatever its time and whether it ran already; messages already sent
    /// for the day are not sent again, those that failed are. Refused while another runner is on the day.
    public func runNow(store id: StoreID) async throws -> Outcome {
        let store = try await storage.requireStore(id)
        let schedule = try await storage.schedule(store: id) ?? Schedule(store: id)
        let now = clock(), day = store.timeZone.day(of: now)
        var run = ScheduleRun(store: id, day: day, status: .running, startedAt: now)
        if try await !storage.claimRun(run) {
            let earlier = try await storage.run(store: id, day: day)
            if let earlier, earlier.status == .running {
                guard now.seconds - earlier.startedAt.seconds >= staleAfter,
                      try await storage.takeOverRun(store: id, day: day, startedAt: earlier.startedAt, now: now) else {
                    throw ServiceError(.conflict, "The routine of \(id) for \(day.iso) is running since \(earlier.startedAt.iso); "
                        + "wait for it to finish. 该店今天的例行任务正在运行，请等它结束。")
                }
            } else {
                try await storage.saveRun(run)
            }
        }
        run.startedAt = now
        return try await execute(schedule, store: store, run: run, resend: [.sending, .posting, .failed])
    }

    /// The run this pass makes of the store's `day`: a day not yet run is claimed, one cut off (running for
    /// `staleAfter`) is taken over; nil when the day is done or another runner is on it.
    func claim(_ store: StoreID, _ day: Day, _ now: Instant) async throws -> ScheduleRun? {
        let run = ScheduleRun(store: store, day: day, status: .running, startedAt: now)
        if try await storage.claimRun(run) { return run }
        guard let earlier = try await storage.run(store: store, day: day), earlier.status == .running,
              now.seconds - earlier.startedAt.seconds >= staleAfter,
              try await storage.takeOverRun(store: store, day: day, startedAt: earlier.startedAt, now: now) else { return nil }
        return run
    }

    /// The routine's steps for `run`'s day (the briefing and checks are of the day before); each step's failure is
    /// written down and the next step still runs; between steps (and inbox files) the run says it is alive. Marks
    /// the run finished. Cancelled, it stops and leaves the run to be taken over.
    func execute(_ schedule: Schedule, store: Store, run claimed: ScheduleRun,
                 resend: Set<Delivery.Status> = [.sending]) async throws -> Outcome {
        var run = claimed
        let day = run.day, yesterday = day.adding(days: -1)
        let hold = RunHold(run, storage: storage, clock: clock)
        var lines: [String] = []
        func failed(_ step: String, _ error: any Error) throws {
            if Task.isCancelled || error is CancellationError { throw CancellationError() }
            if let error = error as? ServiceError, error.code == .conflict { throw error }
            lines.append("\(step): failed: \(error)")
        }
        if let inbox = schedule.inbox {
            do {
                let outcomes = try await InboxService(imports: ImportService(storage: storage, clock: clock), clock: clock, settle: settle)
                    .importReady(inbox, store: store.id) { try await hold.renew() }
                lines.append("inbox: " + (outcomes.isEmpty ? "nothing new"
                    : outcomes.map { "\($0.file) \($0.status.rawValue) (\($0.rowsImported) rows)" }.joined(separator: "; ")))
            } catch {
                try failed("inbox", error)
            }
            try await hold.renew()
        }
        do {
            let report = try await CheckService(storage: storage, clock: clock).run(store: store.id, day: yesterday, recordTasks: true)
            lines.append("checks of \(yesterday.iso): \(report.findings.count) findings, \(report.tasks?.created.count ?? 0) new tasks")
        } catch {
            try failed("checks", error)
        }
        // After the tasks the checks recorded (a write): the line kept is the one of the store's data as it now is.
        if let build {
            do {
                let overview = OverviewService(storage: storage, clock: clock, build: build)
                let kept = try await overview.keep(store: store, day: yesterday)
                lines.append("overview of \(yesterday.iso): \(kept ? "kept" : "not kept (the store changed meanwhile)")")
            } catch {
                try failed("overview", error)
            }
        }
        try await hold.renew()
        if let notify {
            do {
                if try await storage.notifyChannels(store: store.id).isEmpty {
                    lines.append("briefing: no chat channels")
                } else {
                    let (_, results) = try await notify.sendBriefing(store: store.id, day: yesterday, base: base, once: true,
                                                                     resend: resend)
                    lines.append("briefing of \(yesterday.iso): " + Self.said(results))
                    // Mondays the week that ended yesterday; the 1st the month that did.
                    if day.weekday == 1 {
                        try await hold.renew()
                        let sent = try await notify.sendPeriod(store: store.id, monthly: false, base: base, resend: resend)
                        lines.append("weekly report: " + Self.said(sent))
                    }
                    if day.dayOfMonth == 1 {
                        try await hold.renew()
                        let sent = try await notify.sendPeriod(store: store.id, monthly: true, base: base, resend: resend)
                        lines.append("monthly report: " + Self.said(sent))
                    }
                }
            } catch {
                try failed("briefing", error)
            }
        }
        run.startedAt = hold.startedAt
        run.status = .finished
        run.finishedAt = clock()
        run.detail = lines.joined(separator: "\n")
        try await storage.saveRun(run)
        return Outcome(store: store.id, day: day, lines: lines)
    }

    /// What became of each channel's message, in a few words: a message skipped says how it went the first time.
    static func said(_ results: [NotifyResult]) -> String {
        results.map { r in
            guard r.skipped else { return "\(r.channel.id) \(r.delivery.status.rawValue)" }
            return switch r.delivery.status {
            case .sent: "\(r.channel.id) sent before"
            case .failed: "\(r.channel.id) failed before (\(r.delivery.detail ?? ""))"
            case .sending: "\(r.channel.id) claimed, not posted yet"
            case .posting: "\(r.channel.id) cut off while sending before (not known whether it arrived)"
            }
        }.joined(separator: ", ")
    }
}
