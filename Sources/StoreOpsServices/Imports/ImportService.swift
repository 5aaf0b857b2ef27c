import Foundation
import StoreOpsCore
import StoreOpsImport
import StoreOpsReports
import StoreOpsStorage

/// Imports export files into a store: a file goes in whole or not at all.
///
/// One pass: the file is read once, inside one write transaction, every row validated as it is parsed and the
/// accepted rows written batch by batch. When the file turns out to have errors (and `skipInvalid` is not set)
/// nothing more is handed to storage and the transaction is rolled back at the end, so nothing of it stays; the
/// report lists the problems. The ledger entry is written in the same transaction. `dryRun` only parses. A file
/// already in the ledger (same SHA-256, same kind) is not imported again.
public struct ImportService: Sendable {
    let storage: any StoreOpsStore
    let clock: @Sendable () -> Instant

    public init(storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant) {
        self.storage = storage
        self.clock = clock
    }

    /// The service as `context`'s user: every read and write limited to what their grants reach.
    public init(_ context: AccessContext, clock: @escaping @Sendable () -> Instant) {
        self.init(storage: context.storage, clock: clock)
    }

    /// The import ledger of store `id`: every file imported, oldest first.
    public func ledger(store id: StoreID) async throws -> [ImportRecord] {
        try await storage.importRecords(store: id)
    }

    /// The names `--kind` accepts, with what each is.
    public static var kinds: [(kind: String, title: String)] { BuiltInFormats.all.map { ($0.kind, $0.title) } }

    public func importFile(_ url: URL, store id: StoreID, options: ImportOptions = ImportOptions(),
                           progress: (@Sendable (ImportProgress) -> Void)? = nil) async throws -> ImportReport {
        let started = Date()
        let store = try await storage.requireStore(id)
        let name = url.lastPathComponent
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw ServiceError(.notFound, "\(url.path): the file does not exist or cannot be read. Check the path.")
        }
        let formats = try formats(for: options, fileName: name)
        let sha = try fingerprint(url)
        if let previous = try await storage.importRecords(store: id).first(where: { $0.sha256 == sha && (options.kind == nil || $0.kind == options.kind) }) {
            var report = ImportReport(file: name, status: .alreadyImported, kind: previous.kind)
            report.previous = previous
            report.rowsRead = previous.rowsRead
            return report
        }
        let key = HMACKey(try await storage.pseudonymKey(store: id))
        var context = ImportContext(store: store, fileName: name, defaultDay: options.date, pseudonymise: { buyer in
            key.hexTag(of: buyer, prefix: "b", bytes: 16)
        }, costsFrom: options.date ?? Day(year: 2000, month: 1, day: 1)!)
        context.allowRoundedIDs = options.allowRoundedIDs
        context.today = store.timeZone.day(of: clock())
        let rejects = options.skipInvalid && !options.dryRun ? RejectsFile(url) : nil
        let source = ParsingSource(url: url, options: options, formats: formats, context: context, progress: progress, rejects: rejects,
                                   ledger: { summary in
                                       ImportRecord(store: id, sha256: sha, kind: summary.format.kind, fileName: name, rowsRead: summary.rowsRead,
                                                    rowsImported: summary.rowsImported, rowsRejected: summary.rowsRejected, counts: summary.counts,
                                                    firstDay: summary.days.min(), lastDay: summary.days.max(),
                                                    diagnostics: summary.diagnostics.prefix(50).map(\.description), importedAt: clock())
                                   })
        let summary: ParseSummary
        do {
            if options.dryRun {
                summary = try source.parse(writing: false, onBatch: { _ in })
            } else {
                try await storage.write(source, to: id)
                summary = source.finished()
            }
        } catch let error as ReadError {
            var report = ImportReport(file: name, status: .rejected, kind: formats.count == 1 ? formats[0].kind : nil,
                                      formatTitle: formats.count == 1 ? formats[0].title : nil)
            report.diagnostics = [error.diagnostic]
            report.errorCount = 1
            return report
        } catch let error as StorageError where error.code == .alreadyImported {
            // Another import of the same file committed while this one ran; this one's writes were rolled back.
            var report = ImportReport(file: name, status: .alreadyImported, kind: formats.count == 1 ? formats[0].kind : nil)
            report.previous = try await storage.importRecords(store: id).first { $0.sha256 == sha }
            report.rowsRead = report.previous?.rowsRead ?? 0
            report.kind = report.previous?.kind ?? report.kind
            return report
        } catch let rejected as ParsingSource.Rejected {
            var report = ImportService.report(name, rejected.summary, status: .rejected, started: started)
            report.rowsImported = 0
            return report
        }
        if ParsingSource.rejects(summary, options) {
            var report = ImportService.report(name, summary, status: .rejected, started: started)
            report.rowsImported = 0
            return report
        }
        var report = ImportService.report(name, summary, status: options.dryRun ? .checked : .imported, started: started)
        if let rejects, summary.rowsRejected > 0 { report.rejectsFile = try rejects.write(header: summary.header) }
        return report
    }

    static func report(_ name: String, _ summary: ParseSummary, status: ImportReport.Status, started: Date) -> ImportReport {
        var report = ImportReport(file: name, status: status, kind: summary.format.kind, formatTitle: summary.format.title)
        report.rowsRead = summary.rowsRead
        report.rowsImported = summary.rowsImported
        report.rowsRejected = summary.rowsRejected
        report.counts = summary.counts
        report.firstDay = summary.days.min()
        report.lastDay = summary.days.max()
        report.daysTouched = summary.days.count
        report.diagnostics = summary.diagnostics
        report.errorCount = summary.errorCount
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    private func formats(for options: ImportOptions, fileName: String) throws -> [FormatMapping] {
        if let mapping = options.mapping {
            do { return [try MappingFile.mapping(from: try Data(contentsOf: mapping), fileName: mapping.lastPathComponent)] } catch let error as ReadError {
                throw ServiceError(.invalidInput, error.description)
            } catch {
                throw ServiceError(.notFound, "\(mapping.path): the mapping file cannot be read. Check the path.")
            }
        }
        if let kind = options.kind {
            guard let format = BuiltInFormats.named(kind) else {
                throw ServiceError(.invalidInput, "Unknown kind \"\(kind)\": use one of \(BuiltInFormats.all.map(\.kind).joined(separator: ", ")), or a mapping file with --mapping.")
            }
            return [format]
        }
        return BuiltInFormats.all
    }

    private func fingerprint(_ url: URL) throws -> String {
        let chunks = try FileChunks(url)
        var hash = SHA256()
        try chunks.forEach { hash.update($0) }
        return SHA256.hex(hash.finalize())
    }
}

/// Parses one file in one pass. As a `FactBatchSource` it runs inside the write transaction: it hands storage the
/// facts of accepted rows until the first error (unless rejected rows are skipped), and its ledger entry refuses a
/// file with errors, which rolls the transaction back.
final class ParsingSource: FactBatchSource, @unchecked Sendable {
    /// The file has errors and is not imported; nothing of it was kept.
    struct Rejected: Error {
        let summary: ParseSummary
    }

    let url: URL
    let options: ImportOptions
    let formats: [FormatMapping]
    let context: ImportContext
    let progress: (@Sendable (ImportProgress) -> Void)?
    let rejects: RejectsFile?
    let ledger: @Sendable (ParseSummary) -> ImportRecord
    private var summary: ParseSummary?

    init(url: URL, options: ImportOptions, formats: [FormatMapping], context: ImportContext, progress: (@Sendable (ImportProgress) -> Void)?,
         rejects: RejectsFile?, ledger: @escaping @Sendable (ParseSummary) -> ImportRecord) {
        self.url = url
        self.options = options
        self.formats = formats
        self.context = context
        self.progress = progress
        self.rejects = rejects
        self.ledger = ledger
    }

    /// Whether a file with this summary is refused: it has errors, and either rejected rows are not skipped or no
    /// row is left.
    static func rejects(_ summary: ParseSummary, _ options: ImportOptions) -> Bool {
        summary.refused || summary.errorCount > 0 && (!options.skipInvalid || summary.rowsImported == 0)
    }

    func forEachBatch(_ body: (FactBatch) throws -> Void) throws {
        summary = try parse(writing: true, onBatch: body)
    }

    func ledgerRecord() throws -> ImportRecord? {
        let summary = finished()
        if ParsingSource.rejects(summary, options) { throw Rejected(summary: summary) }
        return ledger(summary)
    }

    /// The summary of the finished parse. Storage reads every batch before it asks for the ledger entry or returns.
    func finished() -> ParseSummary {
        guard let summary else { preconditionFailure("storage finished a write without reading the batches of \(url.lastPathComponent)") }
        return summary
    }

    /// Parses the file; `onBatch` gets accepted facts while the file has no error (or rejected rows are skipped).
    @discardableResult
    func parse(writing: Bool, onBatch: (FactBatch) throws -> Void) throws -> ParseSummary {
        // What the file is, by its content: an "Excel" file may be HTML or tab-separated text under an .xls name.
        let container = try FileContent.kind(of: url)
        let source: any RecordSource
        switch container {
        case .xlsx:
            source = XLSXReader(url: url, sheet: options.sheet)
        case .xls:
            source = XLSReader(url: url, sheet: options.sheet)
        case .html:
            source = HTMLTableReader(url: url)
        case .text:
            let chunks = try FileChunks(url, pass: writing ? 2 : 1, progress: progress)
            let separator = options.separator ?? (formats.count == 1 ? formats[0].separator : nil)
            source = CSVReader(fileName: url.lastPathComponent, encoding: options.encoding, separator: separator, chunks: chunks.next)
        }
        var failed = false
        let skipInvalid = options.skipInvalid
        let parser = ImportParser(source: source, fileName: url.lastPathComponent, formats: formats, context: context,
                                  strictWidth: container == .text || container == .html)
        return try parser.run(onBatch: { batch in
            if !failed { try onBatch(batch) }
        }, onRejected: { [rejects] record, problems in
            if !skipInvalid { failed = true }
            rejects?.add(record, problems)
        })
    }
}

/// The rejected rows of a `--skip-invalid` import, written beside the input as `FILE.rejects.csv` (`orders.csv` →
/// `orders.csv.rejects.csv`): the line, the problems, then the row's cells under the file's own header names.
final class RejectsFile: @unchecked Sendable {
    private let input: URL
    private var rows: [[CSVWriter.Cell]] = []

    init(_ input: URL) {
        self.input = input
    }

    func add(_ record: RawRecord, _ problems: [Diagnostic]) {
        let text = problems.filter { $0.line == record.line || $0.line == nil }.map { d in
            (d.column.map { "\($0): " } ?? "") + d.message
        }.joined(separator: "; ")
        rows.append([.number(String(record.line)), .text(text.isEmpty ? problems.first?.message ?? "" : text)] + record.cells.map { .text($0) })
    }

    /// Writes the file; `header` is the input's header row. A row longer than the header gets its extra cells named
    /// `extra 1`, `extra 2` ..., so the header names every column.
    func write(header: [String]) throws -> String {
        let width = rows.map { $0.count - 2 }.max() ?? 0
        var names = ["line", "problem"] + header
        if width > header.count { names += (1...(width - header.count)).map { "extra \($0)" } }
        var writer = CSVWriter()
        writer.header(names)
        for row in rows { writer.row(row) }
        let url = input.appendingPathExtension("rejects.csv")
        try writer.output.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
