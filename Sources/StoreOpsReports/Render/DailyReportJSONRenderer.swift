import StoreOpsCore

/// The daily report as JSON: the day's master-table fields under their domain keys at the top level, and the
/// day before and the same weekday last week under `compare`.
public struct DailyReportJSONRenderer: Sendable {
    public init() {}

    public func render(_ report: DailyReport) -> String {
        var pairs: [(String, JSONValue)] = [
            ("store", .string(report.store.id.rawValue)),
            ("store_name", .string(report.store.name)),
            ("platform", .string(report.store.platform.rawValue)),
            ("currency", .string(report.store.currency.code)),
            ("day", .string(report.day.iso)),
        ]
        pairs += MasterTableJSON.fields(of: report.row)
        pairs.append(("cost_missing_units", .int(report.row.costMissingUnits)))
        pairs.append(("cost_missing_value", .string(report.row.costMissingValue.decimalString)))
        pairs.append(("compare", .object([
            ("previous_day", .object([("day", .string(report.previousDay.day.iso))] + MasterTableJSON.fields(of: report.previousDay))),
            ("same_weekday_last_week", .object([("day", .string(report.lastWeek.day.iso))] + MasterTableJSON.fields(of: report.lastWeek))),
        ])))
        return JSONValue.object(pairs).rendered() + "\n"
    }
}

/// Master-table rows as JSON.
public enum MasterTableJSON {
    /// Every field of the row under its key, in the documented order.
    public static func fields(of row: MasterTableRow) -> [(String, JSONValue)] {
        MasterField.allCases.map { ($0.key, row[$0].json) }
    }

    /// A table of rows: `{"store", "currency", "rows": [{"day", "store", fields...}]}`.
    public static func render(store: Store, rows: [MasterTableRow]) -> String {
        JSONValue.object([
            ("store", .string(store.id.rawValue)),
            ("currency", .string(store.currency.code)),
            ("rows", .array(rows.map { row in
                .object([("day", .string(row.day.iso)), ("store", .string(row.store.rawValue))] + fields(of: row))
            })),
        ]).rendered() + "\n"
    }
}
