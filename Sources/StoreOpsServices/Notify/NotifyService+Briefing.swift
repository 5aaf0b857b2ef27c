import StoreOpsCore
import StoreOpsReports

extension NotifyService {
    /// Sends the daily briefing of `day` (default: yesterday in the store's time zone) to every channel of the store
    /// as report `daily` (`once`: each channel gets it at most once) or as a test (`once: false`, report `test`);
    /// `base` is the workbench's address for the message's link. E-mail gets the whole briefing and its workbook.
    public func sendBriefing(store id: StoreID, day: Day? = nil, base: String? = nil, once: Bool = true,
                             resend: Set<Delivery.Status> = []) async throws
        -> (day: Day, results: [NotifyResult]) {
        let store = try await storage.requireStore(id)
        let day = day ?? store.timeZone.yesterday(now: clock())
        guard !(try await storage.notifyChannels(store: id)).isEmpty else {
            throw ServiceError(.invalidInput, "Store \(id) has no channels yet: add one with `storeops notify add`. "
                + "店铺 \(id) 还没有消息渠道，请先用 `storeops notify add` 添加。")
        }
        let report = try await BriefingService(storage: storage, clock: clock).briefing(store: id, day: day)
        let results = try await send(store: id, day: day, report: once ? "daily" : "test", once: once, resend: resend,
                                     mail: { try MailMessage.daily(report, language: $0, base: base) }) { language in
            ChatDigest.daily(report, language: language, base: base)
        }
        return (day, results)
    }

    /// Sends the last whole week's (`weekly`) or month's (`monthly`) report up to yesterday to every channel of the
    /// store, once per channel for the period (keyed by its last day).
    public func sendPeriod(store id: StoreID, monthly: Bool, base: String? = nil, once: Bool = true,
                           resend: Set<Delivery.Status> = []) async throws -> [NotifyResult] {
        let periods = PeriodReportService(storage: storage, clock: clock)
        let report = monthly ? try await periods.month(store: id, try await periods.lastMonth(of: id))
            : try await periods.week(store: id, try await periods.lastWeek(of: id))
        return try await send(store: id, day: report.totals.days.last, report: monthly ? "monthly" : "weekly", once: once,
                              resend: resend, mail: { try MailMessage.period(report, language: $0, base: base) }) { language in
            ChatDigest.period(report, language: language, base: base)
        }
    }
}
