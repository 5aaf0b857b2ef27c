import ArgumentParser
import Foundation
import StoreOpsCore
import StoreOpsImport
import StoreOpsReports
import StoreOpsServices

/// `storeops import FILE...`: imports platform exports into a store.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import CSV/XLSX exports of the platforms' back-ends into a store.",
        discussion: """
            The format is recognised from the header; name it with --kind or describe the columns in a mapping file.
            A file goes in whole or not at all: with any error nothing is written (see --skip-invalid).
            Importing the same file again changes nothing.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The files to import.") var files: [String]
    @Option(help: "The store id.") var store: String
    // The kinds are listed in the option's help, built only when this command is parsed: the configuration above is
    // built on every run of any command, and listing them there loaded every built-in format each time.
    @Option(help: ArgumentHelp("The export format (default: recognised from the header): \(ImportService.kinds.map(\.kind).joined(separator: ", ")).",
                               valueName: "kind"))
    var kind: String?
    @Flag(help: "Check the files and report, without writing anything.") var dryRun = false
    @Flag(help: "Import the valid rows; write the rejected ones to FILE.rejects.csv beside the input.") var skipInvalid = false
    @Option(help: ArgumentHelp("The text encoding: utf-8, gbk, gb18030 or utf-16 (default: detected).", valueName: "encoding")) var encoding: String?
    @Option(help: "The XLSX sheet to read (default: the first).") var sheet: String?
    @Option(help: ArgumentHelp("The column separator of text files: \(Separator.names) (default: detected).", valueName: "separator"))
    var separator: String?
    @Flag(help: "Import order ids that a spreadsheet program rounded to 15 digits as they are (default: refuse them).")
    var allowRoundedIds = false
    @Option(help: ArgumentHelp("A JSON file mapping the columns to a kind of facts (see docs/import-formats.md).", valueName: "file")) var mapping: String?
    @Option(help: ArgumentHelp("The day of rows in files without a date column; the day a products export's costs take effect.", valueName: "YYYY-MM-DD"))
    var date: Day?
    @Option(help: "text or json.") var format: ReportFormat = .text

    func validate() throws {
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError("Unknown encoding \"\(encoding)\": use utf-8, gbk, gb18030 or utf-16.")
        }
        if kind != nil && mapping != nil { throw ValidationError("Give --kind or --mapping, not both.") }
        if let separator, Separator(name: separator) == nil {
            throw ValidationError("Unknown separator \"\(separator)\": use \(Separator.names).")
        }
    }

    func run() async throws {
        try await global.withStorage { storage in
            let storeID = try parseStoreID(store)
            let service = ImportService(storage: storage, clock: Environment.current.clock)
            let options = ImportOptions(kind: kind, mapping: mapping.map { URL(fileURLWithPath: $0) }, encoding: encoding.flatMap(TextEncoding.init(name:)),
                                        sheet: sheet, dryRun: dryRun, skipInvalid: skipInvalid, date: date,
                                        separator: separator.flatMap(Separator.init(name:)), allowRoundedIDs: allowRoundedIds)
            let l = global.language
            var reports: [ImportReport] = []
            for file in files {
                let url = URL(fileURLWithPath: file)
                let bar: ProgressBar? = format == .text && Environment.current.isTerminal ? ProgressBar(file: url.lastPathComponent, language: l) : nil
                var progress: (@Sendable (ImportProgress) -> Void)?
                if let bar { progress = { bar.update($0) } }
                let report = try await service.importFile(url, store: storeID, options: options, progress: progress)
                bar?.finish()
                reports.append(report)
                if format == .text { Console.out(ImportReportText.render(report, language: l)) }
            }
            if format == .json { Console.out(ImportReportJSON.render(reports, chinese: l == .zh)) }
            if reports.contains(where: { $0.status == .rejected }) { throw ExitCode(1) }
        }
    }
}

/// `storeops imports`: the store's import ledger.
struct ImportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "imports", abstract: "List the files imported into a store (the import ledger).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The store id.") var store: String
    @Option(help: "text or json.") var format: ReportFormat = .text

    func run() async throws {
        try await global.withStorage { storage in
            let records = try await storage.importRecords(store: try parseStoreID(store))
            switch format {
            case .json: Console.out(ImportReportJSON.ledger(records))
            case .text: Console.out(ImportReportText.ledger(records, language: global.language))
            }
        }
    }
}
