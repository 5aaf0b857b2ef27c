import StoreOpsCore
import StoreOpsImport
import StoreOpsReports

/// Import results as JSON.
public enum ImportReportJSON {
    /// `{"files": [...]}` for the reports of one import run.
    public static func render(_ reports: [ImportReport], chinese: Bool = false) -> String {
        JSONValue.object([("files", .array(reports.map { object($0, chinese: chinese) }))]).rendered() + "\n"
    }

    /// One file's import result; diagnostics in Chinese or English.
    public static func object(_ r: ImportReport, chinese: Bool = false) -> JSONValue {
        .object([
            ("file", .string(r.file)), ("status", .string(r.status.rawValue)), ("kind", r.kind.map { .string($0) } ?? .null),
            ("rows_read", .int(r.rowsRead)), ("rows_imported", .int(r.rowsImported)), ("rows_rejected", .int(r.rowsRejected)),
            ("counts", .object(r.counts.keys.sorted().map { ($0, .int(r.counts[$0]!)) })),
            ("days_touched", .object([("count", .int(r.daysTouched)), ("first", r.firstDay.map { .string($0.iso) } ?? .null),
                                      ("last", r.lastDay.map { .string($0.iso) } ?? .null)])),
            ("errors", .int(r.errorCount)), ("rejects_file", r.rejectsFile.map { .string($0) } ?? .null),
            ("diagnostics", .array(r.diagnostics.map { diagnostic($0, chinese: chinese) })),
            ("seconds", .number(Money.decimalString(minor: Int64((r.seconds * 1000).rounded()), digits: 3))),
        ])
    }

    /// One diagnostic: severity, where (file, line, column, value), what and how to fix it.
    public static func diagnostic(_ d: Diagnostic, chinese: Bool = false) -> JSONValue {
        let text = d.text(chinese: chinese)
        return .object([("severity", .string(d.severity.rawValue)), ("file", .string(d.file)), ("line", d.line.map { .int($0) } ?? .null),
                 ("column", d.column.map { .string($0) } ?? .null), ("value", d.value.map { .string($0) } ?? .null),
                 ("message", .string(text.message)), ("hint", .string(text.hint))])
    }

    /// `{"imports": [...]}`: a store's import ledger.
    public static func ledger(_ records: [ImportRecord]) -> String {
        JSONValue.object([("imports", .array(records.map { r in
            .object([("file", .string(r.fileName)), ("sha256", .string(r.sha256)), ("kind", .string(r.kind)), ("rows_read", .int(r.rowsRead)),
                     ("rows_imported", .int(r.rowsImported)), ("rows_rejected", .int(r.rowsRejected)),
                     ("counts", .object(r.counts.keys.sorted().map { ($0, .int(r.counts[$0]!)) })),
                     ("first_day", r.firstDay.map { .string($0.iso) } ?? .null), ("last_day", r.lastDay.map { .string($0.iso) } ?? .null),
                     ("imported_at", .string(r.importedAt.iso)), ("imported_by", r.importedBy.map { .string($0.rawValue) } ?? .null),
                     ("diagnostics", .array(r.diagnostics.map { .string($0) }))])
        }))]).rendered() + "\n"
    }
}
