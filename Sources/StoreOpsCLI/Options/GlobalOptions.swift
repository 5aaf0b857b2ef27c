import ArgumentParser
import StoreOpsReports
import StoreOpsServices
import StoreOpsStorage

/// Options every command takes: the database and the language.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite database file (env STOREOPS_DB).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Output language: zh or en (default from LANG).", valueName: "zh|en"))
    var lang: LanguageOption?

    /// The language to speak.
    var language: Language { lang?.language ?? Environment.current.language }

    /// The database path: --db, else STOREOPS_DB, else `fallback`.
    func databasePath(default fallback: String = "./storeops.sqlite") -> String {
        db ?? Environment.current.databasePath ?? fallback
    }

    /// Opens the storage the options point at.
    func openStorage(default fallback: String = "./storeops.sqlite") throws -> any StoreOpsStore {
        try SQLiteStore(path: databasePath(default: fallback))
    }
}

/// `--lang` values.
enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case zh, en
    var language: Language { self == .zh ? .zh : .en }
}

/// `--format` values of reports.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--format` values of table exports.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json
}
