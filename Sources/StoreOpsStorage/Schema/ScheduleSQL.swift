import StoreOpsCore

/// The statements of schedules and their runs, the same on SQLite and PostgreSQL. Whether a claim, takeover or
/// delete changed a row: SQLite counts the rows changed; PostgreSQL appends `NotifySQL.returning` and counts the
/// rows returned (SQLite before 3.35 has no RETURNING).
enum ScheduleSQL {
    static let selectAll = "SELECT store_id, at_minute, inbox, alerts FROM schedules ORDER BY store_id"
    static let selectOne = "SELECT store_id, at_minute, inbox, alerts FROM schedules WHERE store_id = ?"
    static let upsert = """
        INSERT INTO schedules (store_id, at_minute, inbox, alerts) VALUES (?, ?, ?, ?)
        ON CONFLICT (store_id) DO UPDATE SET at_minute = excluded.at_minute, inbox = excluded.inbox, alerts = excluded.alerts
        """
    static let delete = "DELETE FROM schedules WHERE store_id = ?"

    static let claimRun = """
        INSERT INTO schedule_runs (store_id, day, status, started_at, finished_at, detail) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (store_id, day) DO NOTHING
        """
    /// Takes over a run cut off mid-way: only if it is still running and still has the start it was seen with, so that
    /// of two servers taking it over at once, one does.
    static let takeOverRun = """
        UPDATE schedule_runs SET started_at = ? WHERE store_id = ? AND day = ? AND status = 'running' AND started_at = ?
        """
    static let updateRun = """
        UPDATE schedule_runs SET status = ?, started_at = ?, finished_at = ?, detail = ? WHERE store_id = ? AND day = ?
        """
    static let selectRun = "SELECT day, status, started_at, finished_at, detail FROM schedule_runs WHERE store_id = ? AND day = ?"
    static let selectRuns = """
        SELECT day, status, started_at, finished_at, detail FROM schedule_runs WHERE store_id = ? AND day >= ? ORDER BY day DESC
        """

    static func arguments(_ s: Schedule) -> [SQLValue] { [.text(s.store.rawValue), .int(s.minute), .text(s.inbox), .bool(s.alerts)] }

    static func decode(_ values: [SQLValue]) throws -> Schedule {
        guard values.count == 4, case .text(let id) = values[0], let store = StoreID(id), case .int(let minute) = values[1],
              (0..<1_440).contains(minute), case .int(let alerts) = values[3] else {
            throw StorageError(.corruptRow, "A row of schedules could not be read back.")
        }
        let inbox: String? = if case .text(let text) = values[2] { text } else { nil }
        return Schedule(store: store, minute: Int(minute), inbox: inbox, alerts: alerts != 0)
    }

    static func claimArguments(_ r: ScheduleRun) -> [SQLValue] {
        [.text(r.store.rawValue), .day(r.day), .raw(r.status), .instant(r.startedAt), .instant(r.finishedAt), .text(r.detail)]
    }

    static func updateArguments(_ r: ScheduleRun) -> [SQLValue] {
        [.raw(r.status), .instant(r.startedAt), .instant(r.finishedAt), .text(r.detail), .text(r.store.rawValue), .day(r.day)]
    }

    static func decodeRun(_ values: [SQLValue], store: StoreID, currency: Currency) throws -> ScheduleRun {
        var r = RowReader(values: values, store: store, currency: currency, table: "schedule_runs")
        return ScheduleRun(store: store, day: try r.day(), status: try r.value(ScheduleRun.Status.self), startedAt: try r.instant(),
                           finishedAt: try r.optionalInstant(), detail: try r.optionalText())
    }
}
