import Foundation
import StoreOpsCore
import StoreOpsImport
import StoreOpsReports
import StoreOpsStorage

/// Imports export files into a store: a file goes in whole or not at all.
///
/// Pass 1 reads the whole file and validates every row (memory stays flat). With any error, nothing is
/// written unless `skipInvalid` is set; `dryRun` stops here. Pass 2 reads the file again and writes the
/// accepted rows in one transaction together with the ledger entry. A file already in the ledger (same
/// SHA-256, same kind) is not imported again.
public struct ImportService: Sendable {
    let storage: any StoreOpsStore
    let clock: @Sendable () -> Instant

    public init(storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant) {
        self.storage = storage
        self.clock = clock
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
        let key = try await storage.pseudonymKey(store: id)
        let context = ImportContext(store: store, fileName: name, defaultDay: options.date, pseudonymise: { buyer in
            "b" + SHA256.hex(SHA256.hmac(key: key, message: Array(buyer.utf8)).prefix(16))
        }, costsFrom: options.date ?? Day(year: 2000, month: 1, day: 1)!)
        let source = ParsingSource(url: url, options: options, formats: formats, context: context, progress: progress)

        // Pass 1: validate everything.
        let rejects = options.skipInvalid && !options.dryRun ? RejectsFile(url) : nil
        let summary: ParseSummary
        do {
            summary = try source.parse(pass: 1, onBatch: { _ in }, onRejected: { record, problems in rejects?.add(record, problems) })
        } catch let error as ReadError {
            var report = ImportReport(file: name, status: .rejected)
            report.diagnostics = [error.diagnostic]
            report.errorCount = 1
            return report
        }
        var report = ImportReport(file: name, status: .checked, kind: summary.format.kind, formatTitle: summary.format.title)
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

        if summary.errorCount > 0 && (!options.skipInvalid || summary.rowsImported == 0) {
            report.status = .rejected
            report.rowsImported = 0
            return report
        }
        if options.dryRun { return report }
        if let rejects, summary.rowsRejected > 0 { report.rejectsFile = try rejects.write() }

        // Pass 2: write the accepted rows and the ledger entry in one transaction.
        let record = ImportRecord(store: id, sha256: sha, kind: summary.format.kind, fileName: name, rowsRead: summary.rowsRead,
                                  rowsImported: summary.rowsImported, rowsRejected: summary.rowsRejected, counts: summary.counts,
                                  firstDay: report.firstDay, lastDay: report.lastDay, diagnostics: summary.diagnostics.prefix(50).map(\.description),
                                  importedAt: clock())
        try await storage.write(source, to: id, recording: record)
        report.status = .imported
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
        while let chunk = try chunks.next() { hash.update(chunk) }
        return SHA256.hex(hash.finalize())
    }
}

/// Parses one file, for either pass; as a `FactBatchSource` it is pass 2, run inside the write transaction.
struct ParsingSource: FactBatchSource {
    let url: URL
    let options: ImportOptions
    let formats: [FormatMapping]
    let context: ImportContext
    let progress: (@Sendable (ImportProgress) -> Void)?

    func forEachBatch(_ body: (FactBatch) throws -> Void) throws {
        try parse(pass: 2, onBatch: body, onRejected: { _, _ in })
    }

    @discardableResult
    func parse(pass: Int, onBatch: (FactBatch) throws -> Void, onRejected: (RawRecord, [Diagnostic]) throws -> Void) throws -> ParseSummary {
        let isXLSX = url.pathExtension.lowercased() == "xlsx"
        let source: any RecordSource
        if isXLSX {
            source = XLSXReader(url: url, sheet: options.sheet)
        } else {
            let chunks = try FileChunks(url, pass: pass, progress: progress)
            source = CSVReader(fileName: url.lastPathComponent, encoding: options.encoding, chunks: chunks.next)
        }
        return try ImportParser(source: source, fileName: url.lastPathComponent, formats: formats, context: context, strictWidth: !isXLSX)
            .run(onBatch: onBatch, onRejected: onRejected)
    }
}

/// The rejected rows of a `--skip-invalid` import, written beside the input as `<name>.rejects.csv`.
final class RejectsFile: @unchecked Sendable {
    private let input: URL
    private var writer = CSVWriter()

    init(_ input: URL) {
        self.input = input
        writer.header(["line", "problem"])
    }

    func add(_ record: RawRecord, _ problems: [Diagnostic]) {
        let text = problems.filter { $0.line == record.line || $0.line == nil }.map { d in
            (d.column.map { "\($0): " } ?? "") + d.message
        }.joined(separator: "; ")
        writer.row([.number(String(record.line)), .text(text.isEmpty ? problems.first?.message ?? "" : text)] + record.cells.map { .text($0) })
    }

    func write() throws -> String {
        let url = input.deletingPathExtension().appendingPathExtension("rejects.csv")
        try writer.output.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
