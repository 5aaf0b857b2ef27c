import StoreOpsCore

/// What parsing a file found.
public struct ParseSummary: Sendable {
    public var format: FormatMapping
    /// The header's line.
    public var headerLine: Int
    /// Data rows read (header, blank and summary rows excluded).
    public var rowsRead = 0
    public var rowsImported = 0
    public var rowsRejected = 0
    /// Problems found, in file order (the first `ImportParser.diagnosticLimit`).
    public var diagnostics: [Diagnostic] = []
    /// Errors in all, including those beyond the limit.
    public var errorCount = 0
    /// Facts made, per kind (`orders`, `order_lines`, `refunds` ...).
    public var counts: [String: Int] = [:]
    /// The days the facts fall on.
    public var days: Set<Day> = []
}

/// Reads a file's records, finds its header and format, maps every data row and hands the facts on in
/// batches, memory flat in the file's size. Pure: the caller decides what to do with facts and rejects.
public struct ImportParser {
    public static let diagnosticLimit = 500
    static let summaryMarkers: Set<String> = ["合计", "汇总", "总计", "店铺汇总值", "店铺平均值", "合计:", "合计：", "Total", "Totals", "TOTAL"]

    public let source: any RecordSource
    public let fileName: String
    /// The formats to consider: all built-in ones, or the one `--kind` or `--mapping` names.
    public let formats: [FormatMapping]
    public let context: ImportContext
    /// Whether every row must have as many cells as the header (CSV); XLSX rows may end early.
    public let strictWidth: Bool
    public let batchRows: Int

    public init(source: any RecordSource, fileName: String, formats: [FormatMapping], context: ImportContext, strictWidth: Bool, batchRows: Int = 5_000) {
        self.source = source
        self.fileName = fileName
        self.formats = formats
        self.context = context
        self.strictWidth = strictWidth
        self.batchRows = batchRows
    }

    /// Parses the whole file. `onBatch` gets the facts of accepted rows, `onRejected` each rejected row with
    /// its problems. Throws `ReadError` when the file cannot be read or its columns are not recognised.
    @discardableResult
    public func run(onBatch: (FactBatch) throws -> Void = { _ in }, onRejected: (RawRecord, [Diagnostic]) throws -> Void = { _, _ in }) throws -> ParseSummary {
        var pending: [RawRecord] = []
        var header: (record: RawRecord, format: FormatMapping, binding: ColumnBinding)?
        var builder: (any FactBuilder)?
        var summary: ParseSummary?
        var batch = FactBatch()
        var batchCount = 0

        func accept(_ units: [CompletedUnit]) throws {
            for unit in units {
                for diagnostic in unit.diagnostics where summary!.diagnostics.count < ImportParser.diagnosticLimit { summary!.diagnostics.append(diagnostic) }
                summary!.errorCount += unit.diagnostics.filter { $0.severity == .error }.count
                if unit.rejected {
                    summary!.rowsRejected += unit.records.count
                    for record in unit.records { try onRejected(record, unit.diagnostics) }
                } else {
                    summary!.rowsImported += unit.records.count
                    batch.append(unit.facts)
                    batchCount += unit.records.count
                    if batchCount >= batchRows { try flush() }
                }
            }
        }

        func flush() throws {
            ImportParser.count(batch, into: &summary!)
            try onBatch(batch)
            batch = FactBatch()
            batchCount = 0
        }

        func process(_ record: RawRecord) throws {
            guard let (headerRecord, _, binding) = header else { return }
            if record.isBlank || ImportParser.isSummary(record) { return }
            summary!.rowsRead += 1
            if strictWidth && record.count != headerRecord.count {
                let problem = Diagnostic(file: fileName, line: record.line,
                                         message: "The row has \(record.count) cells but the header has \(headerRecord.count)",
                                         hint: "A cell with a comma, quote or line break may have lost its quotes; export the file again")
                try accept([CompletedUnit(records: [record], diagnostics: [problem], facts: FactBatch())])
                return
            }
            let reader = FieldReader(record: record, binding: binding)
            try accept(builder!.add(reader))
        }

        try source.forEachRecord { record in
            if header != nil {
                try process(record)
                return
            }
            pending.append(record)
            if let found = detect(record) {
                header = found
                builder = found.format.target.builder(mapping: found.format)
                summary = ParseSummary(format: found.format, headerLine: record.line)
                pending = []
            } else if pending.count >= 30 {
                throw unrecognised(pending)
            }
        }
        guard header != nil else { throw pending.isEmpty ? emptyFile() : unrecognised(pending) }
        try accept(builder!.finish())
        if !batch.isEmpty { try flush() }
        if summary!.rowsRead == 0 {
            let problem = Diagnostic(file: fileName, line: summary!.headerLine, message: "The file has a header but no data rows",
                                     hint: "Choose a date range with data when exporting")
            summary!.diagnostics.append(problem)
            summary!.errorCount += 1
        }
        return summary!
    }

    /// The best format whose required columns this record has.
    func detect(_ record: RawRecord) -> (record: RawRecord, format: FormatMapping, binding: ColumnBinding)? {
        let cells = record.cells
        var best: (record: RawRecord, format: FormatMapping, binding: [String: Int])?
        for format in formats {
            if let binding = format.bind(cells), binding.count > (best?.binding.count ?? 0) { best = (record, format, binding) }
        }
        return best.map { ($0.record, $0.format, ColumnBinding(indices: $0.binding, header: cells, format: $0.format, context: context)) }
    }

    /// Whether one of the first two cells says the row is a total (`合计`, `Total` ...). Cells that start with a digit,
    /// as data rows' first cells mostly do, are not looked at further.
    static func isSummary(_ record: RawRecord) -> Bool {
        (0..<min(2, record.count)).contains { index in
            let maybe = record.withBytes(of: index) { bytes in
                guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
                return !(first >= 0x30 && first <= 0x39) && summaryMarkerStarts.contains { bytes.containsBytes($0) }
            }
            return maybe && summaryMarkers.contains(Cell.clean(record[index]) ?? "")
        }
    }

    /// The first characters of the summary markers, in UTF-8: a cell without any of them is not a marker (the check
    /// of every row's first cells, without making strings of them).
    static let summaryMarkerStarts: [[UInt8]] = Set(summaryMarkers.compactMap { $0.first.map { Array(String($0).utf8) } }).sorted { $0.lexicographicallyPrecedes($1) }

    private func emptyFile() -> ReadError {
        ReadError(Diagnostic(file: fileName, message: "The file has no rows", hint: "Export the report again; the download may have failed"))
    }

    private func unrecognised(_ records: [RawRecord]) -> ReadError {
        if formats.count == 1, let format = formats.first {
            let best = records.max { a, b in
                format.columns.values.filter { names in names.contains { a.cells.map(FormatMapping.normalise).contains(FormatMapping.normalise($0)) } }.count
                    < format.columns.values.filter { names in names.contains { b.cells.map(FormatMapping.normalise).contains(FormatMapping.normalise($0)) } }.count
            }
            let present = Set((best?.cells ?? []).map(FormatMapping.normalise))
            let missing = format.required.filter { field in !(format.columns[field] ?? []).contains { present.contains(FormatMapping.normalise($0)) } }
            return ReadError(Diagnostic(file: fileName, line: best?.line,
                                        message: "The columns are not those of \(format.title): missing \(missing.map { format.columns[$0]?.first ?? $0 }.joined(separator: ", "))",
                                        hint: "Check that this is the right export, or describe its columns in a mapping file (--mapping)"))
        }
        return ReadError(Diagnostic(file: fileName, line: records.first?.line,
                                    message: "The columns match no known export (the first row is: \(records.first?.cells.prefix(6).joined(separator: ", ") ?? ""))",
                                    hint: "Name the format with --kind (see `storeops import --help`), or describe the columns in a mapping file (--mapping)"))
    }

    static func count(_ facts: FactBatch, into summary: inout ParseSummary) {
        func add(_ key: String, _ n: Int) { if n > 0 { summary.counts[key, default: 0] += n } }
        add("orders", facts.orders.count)
        add("order_lines", facts.orderLines.count)
        add("refunds", facts.refunds.count)
        add("traffic_days", facts.trafficDays.count)
        add("traffic_sources", facts.trafficSources.count)
        add("item_traffic", facts.itemTraffic.count)
        add("ad_stats", facts.adStats.count)
        add("service_agent_days", facts.serviceAgentDays.count)
        add("products", facts.products.count)
        add("skus", facts.skus.count)
        add("sku_costs", facts.skuCosts.count)
        summary.days.formUnion(facts.orders.compactMap(\.paidDay))
        summary.days.formUnion(facts.refunds.compactMap(\.completedDay))
        summary.days.formUnion(facts.trafficDays.map(\.day))
        summary.days.formUnion(facts.trafficSources.map(\.day))
        summary.days.formUnion(facts.itemTraffic.map(\.day))
        summary.days.formUnion(facts.adStats.map(\.day))
        summary.days.formUnion(facts.serviceAgentDays.map(\.day))
    }
}
