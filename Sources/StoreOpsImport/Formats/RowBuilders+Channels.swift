import StoreOpsCore

extension RowBuilders {
    /// A live session (直播场次): its day (from its start or a day column), host, length, viewers, orders and GMV. Its id is
    /// the session's id, else its start (or day) and title (or host).
    static func liveSession(_ r: inout FieldReader, _ facts: inout FactBatch) {
        let started = r.has("started_at") ? r.required("started_at", r.instant("started_at")) : nil
        let day = started.map { r.context.store.timeZone.day(of: $0) } ?? r.day()
        let viewers = r.required("viewers", r.count("viewers"))
        let gmv = r.required("gmv", r.money("gmv"))
        let orders = r.count("orders") ?? 0
        let minutes = r.has("duration_minutes") ? r.count("duration_minutes") : r.seconds("duration").map { ($0 + 30) / 60 }
        let host = r.text("host") ?? "", title = r.text("title")
        let id = r.keyID("session_id")
        guard let day, let viewers, let gmv, !r.hasErrors else { return }
        let zone = r.context.store.timeZone
        let when = started.map { start -> String in
            let minute = Int((start.seconds + Int64(zone.utcOffset(at: start))).remainderReportingOverflow(dividingBy: 86_400)
                .partialValue + 86_400) % 86_400 / 60
            let (h, m) = (minute / 60, minute % 60)
            return "\(day.iso) \(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
        } ?? day.iso
        facts.liveSessions.append(LiveSession(store: r.context.store.id, id: id ?? "\(when) \(title ?? host)", day: day, host: host,
                                              durationMinutes: minutes ?? 0, viewers: viewers, orders: orders, gmv: gmv))
    }
}
