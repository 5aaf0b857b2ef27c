import PostgresNIO
import StoreOpsCore

/// Notify channels and the delivery ledger on PostgreSQL (row-level security limits them to the handle's stores).
extension PostgresStore {
    public func notifyChannels(store: StoreID) async throws -> [NotifyChannel] {
        let owner = try await requireStore(store)
        let rows = try await reading("read notify channels") { c in
            try await c.rows(NotifySQL.selectChannels, [.text(store.rawValue)], logger: logger)
        }
        return try rows.map { try NotifySQL.decodeChannel($0, store: store, currency: owner.currency) }
    }

    public func saveNotifyChannel(_ channel: NotifyChannel) async throws {
        _ = try await requireStore(channel.store)
        try await transaction("save a notify channel") { c in
            try await c.run(NotifySQL.upsertChannel, NotifySQL.channelArguments(channel), logger: logger)
        }
    }

    public func removeNotifyChannel(store: StoreID, id: String) async throws -> Bool {
        _ = try await requireStore(store)
        return try await transaction("remove a notify channel") { c in
            let key: [SQLValue] = [.text(store.rawValue), .text(id)]
            let found = try await c.rows(NotifySQL.countChannel, key, logger: logger).first?.first != .int(0)
            try await c.run(NotifySQL.deleteChannel, key, logger: logger)
            return found
        }
    }

    public func claimDelivery(_ delivery: Delivery) async throws -> Bool {
        _ = try await requireStore(delivery.store)
        return try await transaction("claim a delivery") { c in
            !(try await c.rows(NotifySQL.claimDelivery + NotifySQL.returning, NotifySQL.claimArguments(delivery), logger: logger).isEmpty)
        }
    }

    public func saveDelivery(_ delivery: Delivery) async throws {
        _ = try await requireStore(delivery.store)
        try await transaction("save a delivery") { c in
            try await c.run(NotifySQL.updateDelivery, NotifySQL.updateArguments(delivery), logger: logger)
        }
    }

    public func delivery(store: StoreID, day: Day, report: String, channel: String) async throws -> Delivery? {
        let owner = try await requireStore(store)
        let rows = try await reading("read a delivery") { c in
            try await c.rows(NotifySQL.selectDelivery, [.text(store.rawValue), .day(day), .text(report), .text(channel)], logger: logger)
        }
        return try rows.first.map { try NotifySQL.decodeDelivery($0, store: store, currency: owner.currency) }
    }

    public func deliveries(store: StoreID, since: Day) async throws -> [Delivery] {
        let owner = try await requireStore(store)
        let rows = try await reading("read deliveries") { c in
            try await c.rows(NotifySQL.selectDeliveries, [.text(store.rawValue), .day(since)], logger: logger)
        }
        return try rows.map { try NotifySQL.decodeDelivery($0, store: store, currency: owner.currency) }
    }
}
