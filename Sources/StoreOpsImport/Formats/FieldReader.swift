import StoreOpsCore

/// Typed access to one data row's mapped cells; every cell that does not parse becomes a diagnostic naming
/// its line, column and value.
struct FieldReader {
    let record: RawRecord
    let binding: [String: Int]
    let header: [String]
    let context: ImportContext
    let moneyInFen: Bool
    private(set) var diagnostics: [Diagnostic] = []

    init(record: RawRecord, binding: [String: Int], header: [String], context: ImportContext, moneyInFen: Bool) {
        self.record = record
        self.binding = binding
        self.header = header
        self.context = context
        self.moneyInFen = moneyInFen
    }

    func has(_ field: String) -> Bool { binding[field] != nil }

    func raw(_ field: String) -> String? {
        guard let index = binding[field], index < record.cells.count else { return nil }
        return record.cells[index]
    }

    func column(_ field: String) -> String? { binding[field].map { header[$0].trimmingSpaces } }

    mutating func fail(_ field: String?, _ message: String, hint: String) {
        diagnostics.append(Diagnostic(file: context.fileName, line: record.line, column: field.flatMap(column), value: field.flatMap(raw),
                                      message: message, hint: hint))
    }

    private mutating func parse<T>(_ field: String, _ parser: (String) throws -> T?) -> T? {
        guard let raw = raw(field) else { return nil }
        do { return try parser(raw) } catch let error as CellError {
            fail(field, error.message, hint: error.hint)
        } catch {
            fail(field, "Unreadable value", hint: "")
        }
        return nil
    }

    /// A value that must be present.
    mutating func required<T>(_ field: String, _ value: T?) -> T? {
        if value == nil && !diagnostics.contains(where: { $0.column == column(field) && column(field) != nil }) {
            fail(field, "A required value is missing", hint: "Every row needs \(column(field) ?? field); check the row or the export")
        }
        return value
    }

    mutating func text(_ field: String) -> String? { raw(field).flatMap(Cell.text) }
    mutating func id(_ field: String) -> String? { raw(field).flatMap(Cell.id) }
    mutating func money(_ field: String) -> Money? {
        let inFen = moneyInFen || FieldReader.saysFen(column(field))
        let currency = context.store.currency
        return parse(field) { try Cell.money($0, currency: currency, inFen: inFen) }
    }
    mutating func count(_ field: String) -> Int? { parse(field, Cell.count) }
    mutating func ppm(_ field: String) -> Int64? { parse(field, Cell.ppm) }
    mutating func seconds(_ field: String) -> Int? { parse(field, Cell.seconds) }
    mutating func flag(_ field: String) -> Bool? { raw(field).flatMap(Cell.flag) }
    mutating func instant(_ field: String) -> Instant? {
        let zone = context.store.timeZone
        return parse(field, Cell.time)?.instant(in: zone)
    }

    /// The row's day: its day column, else the file's default day.
    mutating func day(_ field: String = "day") -> Day? {
        if has(field) { return required(field, parse(field, Cell.day)) }
        guard let day = context.defaultDay else {
            fail(nil, "The file has no date column and no date was given", hint: "Pass the report's day with --date YYYY-MM-DD")
            return nil
        }
        return day
    }

    /// A header that says its money is in fen: `花费(分)`.
    static func saysFen(_ header: String?) -> Bool {
        guard let header else { return false }
        return header.contains("(分)") || header.contains("（分）")
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
