import StoreOpsCore

/// Typed access to one data row's mapped cells; every cell that does not parse becomes a diagnostic naming
/// its line, column and value. Cells in the common forms are read from their bytes (`Cell+Bytes`); others go
/// through the general parsers.
struct FieldReader {
    let record: RawRecord
    let binding: ColumnBinding
    private(set) var diagnostics: [Diagnostic] = []

    init(record: RawRecord, binding: ColumnBinding) {
        self.record = record
        self.binding = binding
    }

    var context: ImportContext { binding.context }

    /// A field of this file, by name: its column looked up once, for builders that read it on every row.
    struct Field {
        let name: String
        let index: Int?
        let inFen: Bool
    }

    /// `name` as a field whose unit does not matter (anything but money).
    private func named(_ name: String) -> Field { Field(name: name, index: binding.indices[name], inFen: false) }

    func has(_ field: String) -> Bool { binding.indices[field] != nil }
    func has(_ field: Field) -> Bool { field.index != nil }

    private func index(_ field: Field) -> Int? {
        guard let index = field.index, index < record.count else { return nil }
        return index
    }

    func raw(_ field: String) -> String? { raw(named(field)) }
    func raw(_ field: Field) -> String? { index(field).map { record[$0] } }

    func column(_ field: String) -> String? { binding.headers[field] }

    mutating func fail(_ field: String?, _ message: String, hint: String, zh: (message: String, hint: String)? = nil) {
        diagnostics.append(Diagnostic(file: context.fileName, line: record.line, column: field.flatMap(column), value: field.flatMap(raw),
                                      message: message, hint: hint, zh: zh))
    }

    private mutating func parse<T>(_ field: String, _ parser: (String) throws -> T?) -> T? {
        parse(named(field), parser)
    }

    private mutating func parse<T>(_ field: Field, _ parser: (String) throws -> T?) -> T? {
        guard let raw = raw(field) else { return nil }
        do { return try parser(raw) } catch let error as CellError {
            fail(field.name, error.message, hint: error.hint, zh: error.zh.map { ($0.message, $0.hint) })
        } catch {
            fail(field.name, "Unreadable value", hint: "", zh: ("无法读取的值", ""))
        }
        return nil
    }

    /// The fast path's answer for `field`, or the general parser's when the fast path does not apply.
    private mutating func read<T>(_ field: Field, fast: (UnsafeBufferPointer<UInt8>) -> Cell.Fast<T>, general: (String) throws -> T?) -> T? {
        guard let index = index(field) else { return nil }
        switch record.withBytes(of: index, fast) {
        case .empty: return nil
        case .value(let value): return value
        case .other: return parse(field, general)
        }
    }

    /// A value that must be present.
    mutating func required<T>(_ field: String, _ value: T?) -> T? {
        if value == nil && !diagnostics.contains(where: { $0.column == column(field) && column(field) != nil }) {
            fail(field, "A required value is missing", hint: "Every row needs \(column(field) ?? field); check the row or the export",
                 zh: ("缺少必填值", "每一行都需要“\(column(field) ?? field)”；请检查这一行或导出文件"))
        }
        return value
    }

    mutating func text(_ field: String) -> String? { text(named(field)) }
    mutating func text(_ field: Field) -> String? { read(field, fast: Cell.fastText, general: Cell.text) }
    mutating func id(_ field: String) -> String? { id(named(field)) }
    mutating func id(_ field: Field) -> String? { read(field, fast: Cell.fastID, general: Cell.id) }

    /// The ids that key a fact (order, sub-order, refund numbers): besides `id`, one that a spreadsheet program wrote in
    /// E-notation is an error. Ids it rounded to 15 digits can only be told from real ids ending in zeros by the whole
    /// file (the parser judges them at its end), so each long id is counted here.
    mutating func keyID(_ field: String) -> String? { keyID(named(field)) }
    mutating func keyID(_ field: Field) -> String? {
        guard let value = id(field) else { return nil }
        // Ids of 15 digits or fewer are never mangled: the common case costs one length check.
        guard value.utf8.count > 15 || value.utf8.contains(where: { $0 == 0x45 || $0 == 0x65 }) else { return value }
        switch Cell.spreadsheetMangling(of: value) {
        case nil:
            if value.utf8.count > 15 { binding.noteLongID(roundedLooking: false, line: record.line, value: nil, column: nil) }
            return value
        case .eNotation:
            fail(field.name, "The id was turned into a number by a spreadsheet program (E-notation): its digits are lost",
                 hint: "Export the file again from the platform and import it without opening it in a spreadsheet, or format "
                    + "the id column as Text before saving",
                 zh: ("编号被表格软件改成了科学计数法，原来的数字已经丢失",
                      "请从平台重新导出，不要用表格软件打开后再保存；或在保存前把编号列设为“文本”格式"))
            return nil
        case .rounded:
            binding.noteLongID(roundedLooking: true, line: record.line, value: value, column: column(field.name))
            return value
        }
    }

    mutating func money(_ field: String) -> Money? { money(binding.field(field)) }
    mutating func money(_ field: Field) -> Money? {
        let inFen = field.inFen
        let currency = context.store.currency
        let digits = inFen ? 0 : currency.minorDigits
        let minor = read(field, fast: { Cell.fastDecimal($0, digits: digits) },
                         general: { try Cell.money($0, currency: currency, inFen: inFen)?.minor })
        return within(Cell.Limits.money, minor, field).map { Money(minor: $0, currency: currency) }
    }
    mutating func count(_ field: String) -> Int? { count(named(field)) }
    mutating func count(_ field: Field) -> Int? {
        let value = read(field, fast: { Cell.fastDecimal($0, digits: 0) }, general: { try Cell.count($0).map(Int64.init) })
        return within(Cell.Limits.count, value, field).map { Int($0) }
    }
    mutating func ppm(_ field: String) -> Int64? { within(Cell.Limits.ppm, parse(field, Cell.ppm), named(field)) }
    mutating func seconds(_ field: String) -> Int? { parse(field, Cell.seconds) }

    /// `value` when it lies within `limit`; otherwise a diagnostic, so that no sum or product of the file's values
    /// can overflow further on.
    private mutating func within(_ limit: Cell.Limit, _ value: Int64?, _ field: Field) -> Int64? {
        guard let value else { return nil }
        guard value.magnitude > limit.bound.magnitude else { return value }
        fail(field.name, "The value is out of range: \(limit.noun) of at most \(limit.shown) can be imported",
             hint: "Check the cell; a number this large is not a real \(limit.noun)",
             zh: ("数值超出范围：\(limit.nounZH)最多为 \(limit.shown)", "请检查这个单元格；这么大的数不可能是真实的\(limit.nounZH)"))
        return nil
    }
    mutating func flag(_ field: String) -> Bool? { raw(field).flatMap(Cell.flag) }
    mutating func instant(_ field: String) -> Instant? { instant(named(field)) }
    mutating func instant(_ field: Field) -> Instant? {
        let zone = context.store.timeZone
        return read(field, fast: Cell.fastTime, general: Cell.time)?.instant(in: zone)
    }

    /// The row's day: its day column, else the file's default day.
    mutating func day(_ field: String = "day") -> Day? {
        if has(field) {
            return required(field, read(named(field), fast: { Cell.fastTime($0) }, general: { try Cell.day($0).map { LocalTime(day: $0, secondOfDay: 0, utcOffset: nil) } })?.day)
        }
        guard let day = context.defaultDay else {
            fail(nil, "The file has no date column and no date was given", hint: "Pass the report's day with --date YYYY-MM-DD",
                 zh: ("文件没有日期列，也没有给出日期", "用 --date YYYY-MM-DD 指定报表的日期"))
            return nil
        }
        return day
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
