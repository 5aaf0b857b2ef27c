import Foundation
import StoreOpsCore
import StoreOpsImport

/// How to import a file (the `storeops import` options).
public struct ImportOptions: Sendable {
    /// The format (`--kind`); nil means detect it from the header.
    public var kind: String?
    /// A mapping file describing the columns (`--mapping`).
    public var mapping: URL?
    public var encoding: TextEncoding?
    public var sheet: String?
    /// Validate and report without writing.
    public var dryRun = false
    /// Import the valid rows and write the rejected ones to `<file>.rejects.csv`.
    public var skipInvalid = false
    /// The day of files without a date column; for a products export, the day its costs take effect.
    public var date: Day?
    /// The column separator of text files (`--separator`); nil means detect it.
    public var separator: Separator?
    /// Import ids a spreadsheet program rounded to 15 digits as they are (`--allow-rounded-ids`).
    public var allowRoundedIDs = false

    public init(kind: String? = nil, mapping: URL? = nil, encoding: TextEncoding? = nil, sheet: String? = nil, dryRun: Bool = false,
                skipInvalid: Bool = false, date: Day? = nil, separator: Separator? = nil, allowRoundedIDs: Bool = false) {
        self.separator = separator
        self.allowRoundedIDs = allowRoundedIDs
        self.kind = kind
        self.mapping = mapping
        self.encoding = encoding
        self.sheet = sheet
        self.dryRun = dryRun
        self.skipInvalid = skipInvalid
        self.date = date
    }
}

/// Where an import is, for a progress bar.
public struct ImportProgress: Sendable {
    /// 1 while only checking (`dryRun`), 2 while checking and writing.
    public var pass: Int
    public var bytesRead: Int
    public var totalBytes: Int
    /// Lines read so far (rows, give or take cells with line breaks).
    public var lines: Int
}

/// What happened to one file.
public struct ImportReport: Sendable {
    public enum Status: String, Sendable {
        /// Written.
        case imported
        /// The same file was imported before; nothing changed.
        case alreadyImported = "already_imported"
        /// Problems found; nothing written.
        case rejected
        /// `--dry-run`: checked, nothing written.
        case checked
    }

    public var file: String
    public var status: Status
    public var kind: String?
    public var formatTitle: String?
    public var rowsRead = 0
    public var rowsImported = 0
    public var rowsRejected = 0
    public var counts: [String: Int] = [:]
    public var firstDay: Day?
    public var lastDay: Day?
    public var daysTouched = 0
    public var diagnostics: [Diagnostic] = []
    public var errorCount = 0
    /// Where `--skip-invalid` wrote the rejected rows.
    public var rejectsFile: String?
    /// The earlier import of the same file.
    public var previous: ImportRecord?
    public var seconds: Double = 0
}

extension ImportReport {
    /// A report of `file` with nothing read yet (in an extension: the memberwise initializer stays).
    public init(file: String, status: Status) {
        self.init(file: file, status: status, kind: nil)
    }

    /// The report of a file whose import failed as a whole (the database refused it, the disk filled up): rejected,
    /// with `error`'s message as its one diagnostic.
    public static func failed(file: String, error: any Error) -> ImportReport {
        var report = ImportReport(file: file, status: .rejected)
        report.diagnostics = [Diagnostic(file: file, message: "The import failed: \(error)",
                                         hint: "Nothing of this file was written; try again, or import it with `storeops import` to see more.")]
        report.errorCount = 1
        return report
    }
}
