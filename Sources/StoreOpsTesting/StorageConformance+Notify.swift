import StoreOpsCore
import StoreOpsStorage
import Testing

extension StorageConformance {
    /// Channels are saved, replaced and removed by id; a delivery's key is claimed once only, whoever asks again
    /// (also for another report or channel of the same day, which are other keys); a claimed delivery is updated.
    static func notifyChannelsAndDeliveries(_ storage: any StoreOpsStore) async throws {
        try await storage.saveStore(Fixtures.store)
        let id = Fixtures.storeID
        #expect(try await storage.notifyChannels(store: id).isEmpty)
        let boss = NotifyChannel(store: id, id: "boss", kind: .dingtalk, url: "sealed-url", secret: "sealed-secret", keyword: "日报")
        let team = NotifyChannel(store: id, id: "team", kind: .slack, url: "sealed-2")
        try await storage.saveNotifyChannel(team)
        try await storage.saveNotifyChannel(boss)
        #expect(try await storage.notifyChannels(store: id) == [boss, team])
        var moved = boss
        moved.kind = .feishu
        moved.secret = nil
        try await storage.saveNotifyChannel(moved)
        #expect(try await storage.notifyChannels(store: id) == [moved, team])
        #expect(try await storage.removeNotifyChannel(store: id, id: "team"))
        #expect(try await !storage.removeNotifyChannel(store: id, id: "team"))
        #expect(try await storage.notifyChannels(store: id) == [moved])

        let day = Fixtures.d1
        let claim = Delivery(store: id, day: day, report: "daily", channel: "boss", status: .sending, startedAt: Instant(seconds: 100))
        #expect(try await storage.claimDelivery(claim))
        #expect(try await !storage.claimDelivery(claim), "the key is taken")
        var other = claim
        other.report = "weekly"
        #expect(try await storage.claimDelivery(other), "another report of the day")
        other.channel = "team"
        #expect(try await storage.claimDelivery(other), "another channel")
        var done = claim
        done.status = .sent
        done.attempts = 2
        done.detail = "{\"errcode\":0}"
        done.finishedAt = Instant(seconds: 103)
        try await storage.saveDelivery(done)
        #expect(try await storage.delivery(store: id, day: day, report: "daily", channel: "boss") == done)
        #expect(try await storage.delivery(store: id, day: day, report: "monthly", channel: "boss") == nil)
        #expect(try await storage.deliveries(store: id, since: day).count == 3)
        #expect(try await storage.deliveries(store: id, since: day.adding(days: 1)).isEmpty)
    }
}
