import StoreOpsCore

/// What parsing a file found.
public struct ParseSummary: Sendable {
    public var format: FormatMapping
    /// The header's line.
    public var headerLine: Int
    /// The header's cells, as the file writes them.
    public var header: [String] = []
    /// Data rows read (header, blank and summary rows excluded).
    public var rowsRead = 0
    public var rowsImported = 0
    public var rowsRejected = 0
    /// Problems found, in file order (the first `ImportParser.diagnosticLimit`).
    public var diagnostics: [Diagnostic] = []
    /// Errors in all, including those beyond the limit.
    public var errorCount = 0
    /// Whether an error concerns the whole file (rounded ids): it is refused even when invalid rows are skipped.
    public var refused = false
    /// Facts made, per kind (`orders`, `order_lines`, `refunds` ...).
    public var counts: [String: Int] = [:]
    /// The days the facts fall on.
    public var days: Set<Day> = []
}

/// Reads a file's records, finds its header and format, maps every data row and hands the facts on in
/// batches, memory flat in the file's size. Pure: the caller decides what to do with facts and rejects.
public struct ImportParser {
    public static let diagnosticLimit = 500
    /// The longest cell a row may have (1 MB): item descriptions run to tens of kilobytes, nothing a field reads is longer.
    public static let cellLimit = 1 << 20
    /// The most bytes one record may have (16 MB), and the most cells (Excel's 16,384 columns): the parser stops
    /// at either rather than hold or match a runaway line.
    public static let recordLimit = 16 << 20
    public static let columnLimit = 16_384
    static let summaryMarkers: Set<String> = ["合计", "汇总", "总计", "全部", "店铺汇总值", "店铺平均值", "合计:", "合计：", "Total", "Totals",
                                              "TOTAL"]

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

        // A total row (合计) ends a report; one with data after it means two reports pasted together (unless it comes
        // before any data, under the header).
        var totalRow: RawRecord?
        // Set at the header when the format may write the header again in another language on the next line.
        var mayRepeatHeader = false
        var currencyColumn: Int?

        func process(_ record: RawRecord) throws {
            guard let (headerRecord, _, binding) = header else { return }
            if record.isBlank { return }
            if mayRepeatHeader {
                mayRepeatHeader = false
                if (0..<record.count).allSatisfy({ Cell.clean(record[$0]).flatMap { Double($0) } == nil }) { return }
            }
            if ImportParser.isSummary(record) {
                // A total right under the header (巨量千川 writes its 全部 row first) is skipped; one after data ends it.
                if totalRow == nil && summary!.rowsRead > 0 { totalRow = record }
                return
            }
            summary!.rowsRead += 1
            if formats.count > 1 || formats[0].hasHeader, repeatsHeader(record, headerRecord) {
                let problem = Diagnostic(file: fileName, line: record.line,
                                         message: "The header is repeated on line \(record.line): the file may be two exports pasted together",
                                         hint: "Import the exports as separate files, or remove the repeated header",
                                         zh: ("第 \(record.line) 行重复了表头：文件可能是两份导出拼在一起", "把两份导出分开导入，或删除重复的表头"))
                try accept([CompletedUnit(records: [record], diagnostics: [problem], facts: FactBatch())])
                return
            }
            if let total = totalRow {
                totalRow = nil
                let label = Cell.clean(total[0]) ?? Cell.clean(total[min(1, total.count - 1)]) ?? ""
                let problem = Diagnostic(file: fileName, line: total.line,
                                         message: "A total row (\(label)) on line \(total.line) is followed by more data: the file may be "
                                            + "two exports pasted together",
                                         hint: "Import the exports as separate files, or remove the total row",
                                         zh: ("第 \(total.line) 行的合计行（\(label)）之后还有数据：文件可能是两份导出拼在一起",
                                              "把两份导出分开导入，或删除合计行"))
                try accept([CompletedUnit(records: [total], diagnostics: [problem], facts: FactBatch())])
            }
            if record.byteCount > ImportParser.cellLimit, let long = (0..<record.count).first(where: { record.cellLength($0) > ImportParser.cellLimit }) {
                let problem = Diagnostic(file: fileName, line: record.line, column: long < headerRecord.count ? headerRecord[long] : nil,
                                         message: "A cell of \(record.cellLength(long)) bytes: longer than any export writes",
                                         hint: "A quote in the file may be missing, so that the rest of the file became one cell; export it again",
                                         zh: ("一个单元格有 \(record.cellLength(long)) 字节，比任何导出都长",
                                              "文件中可能少了一个引号，让后面的内容都成了一个单元格；请重新导出"))
                try accept([CompletedUnit(records: [RawRecord(line: record.line, cells: [])], diagnostics: [problem], facts: FactBatch())])
                return
            }
            if let column = record.firstNUL {
                let problem = Diagnostic(file: fileName, line: record.line, column: column < headerRecord.count ? headerRecord[column] : nil,
                                         message: "The row contains a NUL byte (\\0): no export writes one",
                                         hint: "The file is damaged or not a text export; export it again",
                                         zh: ("这一行含有 NUL 字节（\\0），正常的导出不会有", "文件已损坏或不是文本导出；请重新导出"))
                try accept([CompletedUnit(records: [RawRecord(line: record.line, cells: [])], diagnostics: [problem], facts: FactBatch())])
                return
            }
            if strictWidth && record.count != headerRecord.count {
                let problem = Diagnostic(file: fileName, line: record.line,
                                         message: "The row has \(record.count) cells but the header has \(headerRecord.count)",
                                         hint: "A cell with a comma, quote or line break may have lost its quotes; export the file again",
                                         zh: ("这一行有 \(record.count) 个单元格，表头有 \(headerRecord.count) 个",
                                              "含逗号、引号或换行的单元格可能丢了引号；请重新导出文件"))
                try accept([CompletedUnit(records: [record], diagnostics: [problem], facts: FactBatch())])
                return
            }
            if let column = currencyColumn, column < record.count { try checkCurrency(record, column, binding) }
            let reader = FieldReader(record: record, binding: binding)
            try accept(builder!.add(reader))
        }

        func begin(_ found: (record: RawRecord, format: FormatMapping, binding: ColumnBinding), headerLine: Int) throws {
            try checkDuplicateHeaders(found.record, found.binding)
            // Rows dated by the file, not by a column: without --date (or a date in the file's name) none can go in.
            if found.format.target.isDaily, found.binding.indices["day"] == nil, context.defaultDay == nil {
                throw ReadError(Diagnostic(file: fileName, line: found.record.line, message: "The file has no date column and no date was given",
                                           hint: "Pass the report's day with --date YYYY-MM-DD",
                                           zh: ("文件没有日期列，也没有给出日期", "用 --date YYYY-MM-DD 指定报表的日期")))
            }
            header = found
            mayRepeatHeader = found.format.secondHeaderLine
            currencyColumn = found.binding.indices["currency"]
            builder = found.format.target.builder(mapping: found.format)
            summary = ParseSummary(format: found.format, headerLine: headerLine, header: found.record.cells)
        }

        try source.forEachRecord { record in
            if record.count > ImportParser.columnLimit || record.byteCount > ImportParser.recordLimit {
                throw ImportParser.limitError(file: fileName, line: record.line, columns: record.count > ImportParser.columnLimit)
            }
            if header != nil {
                try process(record)
                return
            }
            // A file without a header (its mapping says so): columns are named by position and this line is data.
            if formats.count == 1, !formats[0].hasHeader {
                if record.isBlank { return }
                let synthetic = RawRecord(line: record.line, cells: (0..<record.count).map { String($0 + 1) })
                guard let found = detect(synthetic) else { throw unrecognised([synthetic]) }
                try begin(found, headerLine: 0)
                try process(record)
                return
            }
            pending.append(record)
            if let found = detect(record) {
                try begin(found, headerLine: record.line)
                pending = []
            } else if pending.count >= 30 {
                throw unrecognised(pending)
            }
        }
        guard header != nil else { throw pending.isEmpty ? emptyFile() : unrecognised(pending) }
        try accept(builder!.finish())
        if !batch.isEmpty { try flush() }
        if let rounded = header!.binding.roundedIDs {
            // Judged at the end: the rows went to the writer already, and an error here still refuses the whole file.
            let allowed = context.allowRoundedIDs
            summary!.diagnostics.insert(Diagnostic(
                allowed ? .warning : .error, file: fileName, line: rounded.line, column: rounded.column, value: rounded.value,
                message: allowed ? "All \(rounded.count) long ids end in zeros after their 15th digit: a spreadsheet program rounded them; "
                    + "they are imported as they are"
                    : "All \(rounded.count) long ids end in zeros after their 15th digit: a spreadsheet program rounded them, and two "
                    + "orders may now share one id",
                hint: allowed ? "A later export with the real ids will not match these orders"
                    : "Export the file again from the platform and import it without opening it in a spreadsheet (or format the id "
                    + "column as Text before saving); --allow-rounded-ids imports such ids as they are",
                zh: allowed ? ("全部 \(rounded.count) 个长编号在第 15 位之后都是 0：已被表格软件四舍五入，按原样导入",
                               "以后带真实编号的导出将对不上这些订单")
                    : ("全部 \(rounded.count) 个长编号在第 15 位之后都是 0：已被表格软件四舍五入，两笔订单可能共用一个编号",
                       "请从平台重新导出，不要用表格软件打开后再保存（或在保存前把编号列设为“文本”格式）；--allow-rounded-ids 可按原样导入")),
                at: 0)
            if !allowed {
                summary!.errorCount += 1
                summary!.refused = true
            }
        }
        if summary!.rowsRead == 0 {
            let problem = Diagnostic(file: fileName, line: summary!.headerLine, message: "The file has a header but no data rows",
                                     hint: "Choose a date range with data when exporting",
                                     zh: ("文件只有表头，没有数据行", "导出时选择有数据的日期范围"))
            summary!.diagnostics.append(problem)
            summary!.errorCount += 1
        }
        return summary!
    }

    /// Whether `record` is the header again (two exports pasted into one file). The first cells' bytes are compared
    /// first, so a data row costs one short comparison.
    private func repeatsHeader(_ record: RawRecord, _ header: RawRecord) -> Bool {
        guard record.count == header.count, record.count > 0 else { return false }
        let sameStart = record.withBytes(of: 0) { a in header.withBytes(of: 0) { b in
            func bomless(_ p: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
                p.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? UnsafeBufferPointer(rebasing: p[3...]) : p
            }
            let x = bomless(a), y = bomless(b)
            return x.elementsEqual(y)
        } }
        return sameStart && record.cells.map(FormatMapping.normalise) == header.cells.map(FormatMapping.normalise)
    }

    /// A header that names a column it reads twice is ambiguous: which one holds the value?
    private func checkDuplicateHeaders(_ header: RawRecord, _ binding: ColumnBinding) throws {
        let names = header.cells.map(FormatMapping.normalise)
        for (field, index) in binding.indices.sorted(by: { $0.value < $1.value }) {
            guard let other = names.indices.first(where: { $0 != index && names[$0] == names[index] }) else { continue }
            let name = binding.headers[field] ?? field
            throw ReadError(Diagnostic(file: fileName, line: header.line, column: name,
                                       message: "The header names \(name) twice (columns \(min(index, other) + 1) and \(max(index, other) + 1))",
                                       hint: "Remove or rename one of the two columns, then import again",
                                       zh: ("表头里有两个“\(name)”（第 \(min(index, other) + 1) 列和第 \(max(index, other) + 1) 列）",
                                            "删除或重命名其中一列后再导入")))
        }
    }

    /// A currency column that names another currency than the store's refuses the whole file: its amounts would be
    /// taken for the store's money.
    private func checkCurrency(_ record: RawRecord, _ column: Int, _ binding: ColumnBinding) throws {
        guard let code = Cell.clean(record[column])?.uppercased(), code != context.store.currency.code else { return }
        throw ReadError(Diagnostic(file: fileName, line: record.line, column: binding.headers["currency"], value: code,
                                   message: "The file's amounts are in \(code), but store \(context.store.id) keeps its money in "
                                    + "\(context.store.currency.code)",
                                   hint: "Import it into a store whose currency is \(code), or export the report in "
                                    + "\(context.store.currency.code)",
                                   zh: ("文件的金额是 \(code)，而店铺 \(context.store.id) 的币种是 \(context.store.currency.code)",
                                        "导入币种为 \(code) 的店铺，或以 \(context.store.currency.code) 导出报表")))
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
    /// A record past the column or size limit: the whole file is refused, as no row after it can be trusted.
    static func limitError(file: String, line: Int, columns: Bool) -> ReadError {
        if columns {
            return ReadError(Diagnostic(file: file, line: line, message: "Line \(line) has more than \(columnLimit) cells: more than any export has",
                                        hint: "Check the separator (--separator) or export the report again",
                                        zh: ("第 \(line) 行超过 \(columnLimit) 个单元格，比任何导出都多", "请检查分隔符（--separator）或重新导出报表")))
        }
        return ReadError(Diagnostic(file: file, line: line, message: "The record starting on line \(line) is longer than \(recordLimit >> 20) MB",
                                    hint: "A quote in the file may be missing, so that the rest of the file became one cell; export it again",
                                    zh: ("从第 \(line) 行开始的记录超过 \(recordLimit >> 20) MB",
                                         "文件中可能少了一个引号，让后面的内容都成了一个单元格；请重新导出")))
    }

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
        ReadError(Diagnostic(file: fileName, message: "The file has no rows", hint: "Export the report again; the download may have failed",
                             zh: ("文件没有任何行", "请重新导出报表；可能下载失败了")))
    }

    /// Why none of `records` is a header: the format the columns come closest to and what it lacks (an order export
    /// without its order number is named as such), or, when nothing comes close, the first row.
    private func unrecognised(_ records: [RawRecord]) -> ReadError {
        var best: (format: FormatMapping, record: RawRecord, present: Int, missing: [String])?
        for record in records {
            let cells = record.cells
            for format in formats {
                let present = format.columnsPresent(in: cells)
                let missing = format.missing(from: present)
                // A near miss has at least two of the format's columns, or is the one format asked for.
                guard present.count >= (formats.count == 1 ? 1 : 2), present.count > (best?.present ?? 0) else { continue }
                best = (format, record, present.count, missing)
            }
        }
        if let best, !best.missing.isEmpty {
            let names = best.missing.map(best.format.describe).joined(separator: ", ")
            let hint: String, hintZh: String
            if best.missing.contains("order_id") && best.format.target == .orders {
                hint = "Without an order number orders cannot be told apart, and a later export would count them again: "
                    + "export the orders again with the \(best.format.describe("order_id")) column"
                hintZh = "没有订单编号就无法区分订单，以后的导出会被重复计算：请重新导出订单，包含“\(best.format.describe("order_id"))”列"
            } else {
                hint = "Check that this is the right export (or export it again with those columns), or describe its columns in a "
                    + "mapping file (--mapping)"
                hintZh = "请确认导出的报表是否正确（或重新导出并包含这些列），或用映射文件（--mapping）描述它的列"
            }
            return ReadError(Diagnostic(file: fileName, line: best.record.line,
                                        message: "The columns look like \(best.format.title) but lack \(names)", hint: hint,
                                        zh: ("这些列像是\(best.format.title)，但缺少 \(names)", hintZh)))
        }
        return ReadError(Diagnostic(file: fileName, line: records.first?.line,
                                    message: "The columns match no known export (the first row is: \(records.first?.cells.prefix(6).joined(separator: ", ") ?? ""))",
                                    hint: "Name the format with --kind (see `storeops import --help`), or describe the columns in a mapping file (--mapping)",
                                    zh: ("这些列不属于任何已知的导出（第一行是：\(records.first?.cells.prefix(6).joined(separator: ", ") ?? "")）",
                                         "用 --kind 指定格式（见 storeops import --help），或用映射文件（--mapping）描述这些列")))
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
        add("inventory_snapshots", facts.inventory.count)
        add("reviews", facts.reviews.count)
        add("dsr_scores", facts.dsrScores.count)
        add("shipments", facts.shipments.count)
        add("logistics_events", facts.logisticsEvents.count)
        add("ad_budgets", facts.adBudgets.count)
        add("competitors", facts.competitors.count)
        add("competitor_items", facts.competitorItems.count)
        add("competitor_snapshots", facts.competitorSnapshots.count)
        add("keyword_ranks", facts.keywordRanks.count)
        add("sku_settings", facts.skuSettings.count)
        add("activities", facts.activities.count)
        add("affiliate_commissions", facts.affiliateCommissions.count)
        add("live_sessions", facts.liveSessions.count)
        add("complaints", facts.complaints.count)
        add("purchase_orders", facts.purchaseOrders.count)
        summary.days.formUnion(facts.orders.compactMap(\.paidDay))
        summary.days.formUnion(facts.refunds.compactMap(\.completedDay))
        summary.days.formUnion(facts.trafficDays.map(\.day))
        summary.days.formUnion(facts.trafficSources.map(\.day))
        summary.days.formUnion(facts.itemTraffic.map(\.day))
        summary.days.formUnion(facts.adStats.map(\.day))
        summary.days.formUnion(facts.serviceAgentDays.map(\.day))
        summary.days.formUnion(facts.inventory.map(\.day))
        summary.days.formUnion(facts.reviews.map(\.day))
        summary.days.formUnion(facts.dsrScores.map(\.day))
        summary.days.formUnion(facts.adBudgets.map(\.day))
        summary.days.formUnion(facts.competitorSnapshots.map(\.day))
        summary.days.formUnion(facts.keywordRanks.map(\.day))
        summary.days.formUnion(facts.affiliateCommissions.map(\.day))
        summary.days.formUnion(facts.liveSessions.map(\.day))
    }
}
