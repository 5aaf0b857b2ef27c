import GRDB
import StoreOpsCore

/// Notify channels and the delivery ledger on SQLite.
extension SQLiteStore {
    public func notifyChannels(store: StoreID) async throws -> [NotifyChannel] {
        try await run(owning: store) { db, owner in
            try SQLiteStore.query(db, NotifySQL.selectChannels, [.text(store.rawValue)])
                .map { try NotifySQL.decodeChannel($0, store: store, currency: owner.currency) }
        }
    }

    public func saveNotifyChannel(_ channel: NotifyChannel) async throws {
        _ = try await requireStore(channel.store)
        try await write { db in try SQLiteStore.execute(db, NotifySQL.upsertChannel, NotifySQL.channelArguments(channel)) }
    }

    public func removeNotifyChannel(store: StoreID, id: String) async throws -> Bool {
        _ = try await requireStore(store)
        return try await write { db in
            let key: [SQLValue] = [.text(store.rawValue), .text(id)]
            let found = try SQLiteStore.query(db, NotifySQL.countChannel, key).first?.first != .int(0)
            try SQLiteStore.execute(db, NotifySQL.deleteChannel, key)
            return found
        }
    }

    public func claimDelivery(_ delivery: Delivery) async throws -> Bool {
        _ = try await requireStore(delivery.store)
        return try await write { db in
            try SQLiteStore.execute(db, NotifySQL.claimDelivery, NotifySQL.claimArguments(delivery))
            return db.changesCount > 0
        }
    }

    public func saveDelivery(_ delivery: Delivery) async throws {
        _ = try await requireStore(delivery.store)
        try await write { db in try SQLiteStore.execute(db, NotifySQL.updateDelivery, NotifySQL.updateArguments(delivery)) }
    }

    public func delivery(store: StoreID, day: Day, report: String, channel: String) async throws -> Delivery? {
        try await run(owning: store) { db, owner in
            try SQLiteStore.query(db, NotifySQL.selectDelivery, [.text(store.rawValue), .day(day), .text(report), .text(channel)])
                .first.map { try NotifySQL.decodeDelivery($0, store: store, currency: owner.currency) }
        }
    }

    public func deliveries(store: StoreID, since: Day) async throws -> [Delivery] {
        try await run(owning: store) { db, owner in
            try SQLiteStore.query(db, NotifySQL.selectDeliveries, [.text(store.rawValue), .day(since)])
                .map { try NotifySQL.decodeDelivery($0, store: store, currency: owner.currency) }
        }
    }
}
