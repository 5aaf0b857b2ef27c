import StoreOpsCore

/// The statements of notify channels and the delivery ledger, the same on SQLite and PostgreSQL. A channel's
/// address and secret are stored as the services hand them over (sealed).
enum NotifySQL {
    static let selectChannels = """
        SELECT channel_id, kind, url_sealed, secret_sealed, keyword, language FROM notify_channels WHERE store_id = ? ORDER BY channel_id
        """
    static let upsertChannel = """
        INSERT INTO notify_channels (store_id, channel_id, kind, url_sealed, secret_sealed, keyword, language)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (store_id, channel_id) DO UPDATE SET kind = excluded.kind, url_sealed = excluded.url_sealed,
            secret_sealed = excluded.secret_sealed, keyword = excluded.keyword, language = excluded.language
        """
    static let deleteChannel = "DELETE FROM notify_channels WHERE store_id = ? AND channel_id = ?"
    static let countChannel = "SELECT COUNT(*) FROM notify_channels WHERE store_id = ? AND channel_id = ?"

    /// Inserts a delivery unless its key is taken: the claim. (SQLite counts the rows it changed; PostgreSQL adds
    /// `returning` and counts the rows it returns. SQLite before 3.35 has no RETURNING.)
    static let claimDelivery = """
        INSERT INTO deliveries (store_id, day, report, channel_id, status, attempts, detail, started_at, finished_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (store_id, day, report, channel_id) DO NOTHING
        """
    static let returning = " RETURNING store_id"
    static let updateDelivery = """
        UPDATE deliveries SET status = ?, attempts = ?, detail = ?, started_at = ?, finished_at = ?
        WHERE store_id = ? AND day = ? AND report = ? AND channel_id = ?
        """
    static let selectDelivery = """
        SELECT day, report, channel_id, status, attempts, detail, started_at, finished_at FROM deliveries
        WHERE store_id = ? AND day = ? AND report = ? AND channel_id = ?
        """
    static let selectDeliveries = """
        SELECT day, report, channel_id, status, attempts, detail, started_at, finished_at FROM deliveries
        WHERE store_id = ? AND day >= ? ORDER BY day DESC, report, channel_id
        """

    static func channelArguments(_ c: NotifyChannel) -> [SQLValue] {
        [.text(c.store.rawValue), .text(c.id), .raw(c.kind), .text(c.url), .text(c.secret), .text(c.keyword), .text(c.language)]
    }

    static func decodeChannel(_ values: [SQLValue], store: StoreID, currency: Currency) throws -> NotifyChannel {
        var r = RowReader(values: values, store: store, currency: currency, table: "notify_channels")
        return NotifyChannel(store: store, id: try r.text(), kind: try r.value(NotifyChannel.Kind.self), url: try r.text(),
                             secret: try r.optionalText(), keyword: try r.optionalText(), language: try r.text())
    }

    static func claimArguments(_ d: Delivery) -> [SQLValue] {
        [.text(d.store.rawValue), .day(d.day), .text(d.report), .text(d.channel), .raw(d.status), .int(d.attempts),
         .text(d.detail), .instant(d.startedAt), .instant(d.finishedAt)]
    }

    static func updateArguments(_ d: Delivery) -> [SQLValue] {
        [.raw(d.status), .int(d.attempts), .text(d.detail), .instant(d.startedAt), .instant(d.finishedAt),
         .text(d.store.rawValue), .day(d.day), .text(d.report), .text(d.channel)]
    }

    static func keyArguments(_ d: Delivery) -> [SQLValue] {
        [.text(d.store.rawValue), .day(d.day), .text(d.report), .text(d.channel)]
    }

    static func decodeDelivery(_ values: [SQLValue], store: StoreID, currency: Currency) throws -> Delivery {
        var r = RowReader(values: values, store: store, currency: currency, table: "deliveries")
        return Delivery(store: store, day: try r.day(), report: try r.text(), channel: try r.text(),
                        status: try r.value(Delivery.Status.self), attempts: try r.int(), detail: try r.optionalText(),
                        startedAt: try r.instant(), finishedAt: try r.optionalInstant())
    }
}
