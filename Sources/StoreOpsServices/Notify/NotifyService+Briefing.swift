import StoreOpsCore
import StoreOpsReports

extension NotifyService {
    /// Sends the daily briefing of `day` (default: yesterday in the store's time zone) to every channel of the store,
    /// as report `daily` (`once`: each channel gets it at most once) or as a test (`once: false`, report `test`);
    /// `base` is the workbench's address for the message's link.
    public func sendBriefing(store id: StoreID, day: Day? = nil, base: String? = nil, once: Bool = true) async throws
        -> (day: Day, results: [NotifyResult]) {
        let store = try await storage.requireStore(id)
        let day = day ?? store.timeZone.yesterday(now: clock())
        guard !(try await storage.notifyChannels(store: id)).isEmpty else {
            throw ServiceError(.invalidInput, "Store \(id) has no channels yet: add one with `storeops notify add`. "
                + "店铺 \(id) 还没有消息渠道，请先用 `storeops notify add` 添加。")
        }
        let report = try await BriefingService(storage: storage, clock: clock).briefing(store: id, day: day)
        let results = try await send(store: id, day: day, report: once ? "daily" : "test", once: once) { language in
            ChatDigest.daily(report, language: language, base: base)
        }
        return (day, results)
    }
}
