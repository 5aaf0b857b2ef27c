import Foundation
import ArgumentParser
import StoreOpsReports
import StoreOpsServices
import StoreOpsStorage

/// Options every command takes: the database and the language.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite database file (env STOREOPS_DB).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("A PostgreSQL database instead of SQLite (env STOREOPS_DATABASE_URL).",
                                            valueName: "postgres://user:password@host:port/db"))
    var databaseURL: String?

    @Option(name: .long, help: ArgumentHelp("Output language: zh or en (default from LANG).", valueName: "zh|en"))
    var lang: LanguageOption?

    /// The language to speak.
    var language: Language { lang?.language ?? Environment.current.language }

    /// The database path: --db, else STOREOPS_DB, else `fallback`.
    func databasePath(default fallback: String = "./storeops.sqlite") -> String {
        db ?? Environment.current.databasePath ?? fallback
    }

    /// The PostgreSQL URL: --database-url, else STOREOPS_DATABASE_URL; nil for SQLite.
    var postgresURL: String? {
        databaseURL ?? Environment.current.databaseURL
    }

    /// The key that signs PostgreSQL scopes, from STOREOPS_SCOPE_KEY; nil when unset (the owner reads it itself).
    func scopeKey() throws -> ScopeKey? {
        guard let hex = Environment.current.scopeKey else { return nil }
        guard let key = ScopeKey(hex: hex) else {
            throw ValidationError(language.pick("STOREOPS_SCOPE_KEY 不是有效的密钥：请填入 `storeops migrate --app-role` 打印的 64 位十六进制密钥。",
                                                "STOREOPS_SCOPE_KEY is not a valid key: give the 64 hex digits that `storeops migrate --app-role` printed."))
        }
        return key
    }

    /// Where the data lives, for messages: the SQLite path, or PostgreSQL host:port/database (never the password).
    func location(default fallback: String = "./storeops.sqlite") -> String {
        guard let url = postgresURL else { return databasePath(default: fallback) }
        return "PostgreSQL " + (PostgresStore.endpoint(of: url) ?? "")
    }

    /// Opens the storage the options point at (PostgreSQL when a database URL is given, else the SQLite file), runs
    /// `body` with it and closes it. PostgreSQL's schema must be current (`storeops migrate`); SQLite's is migrated
    /// on opening.
    func withStorage<T: Sendable>(default fallback: String = "./storeops.sqlite", _ body: (any StoreOpsDatabase) async throws -> T) async throws -> T {
        if let url = postgresURL {
            if db != nil { throw ValidationError("Give either --db (SQLite) or --database-url (PostgreSQL), not both.") }
            return try await PostgresStore.withStore(url: url, scopeKey: try scopeKey()) { try await body($0) }
        }
        return try await body(try SQLiteStore(path: databasePath(default: fallback)))
    }
}

/// `--lang` values.
enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case zh, en
    var language: Language { self == .zh ? .zh : .en }
}

/// `--format` values of listings.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--format` values of the daily report.
enum BriefingFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, xlsx, html
}

/// `--format` values of table exports.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json, xlsx
}

/// `storeops report skus --format`.
enum SKUReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json
}

/// Writes command output to `--out FILE`, or standard output; binary formats need a file.
func emit(_ text: String, to out: String?) throws {
    guard let out else { return Console.out(text) }
    do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch {
        throw ValidationError("Cannot write \(out): \(error.localizedDescription)")
    }
}

func emit(_ data: Data, to out: String?, format: String) throws {
    guard let out else { throw ValidationError("--format \(format) is a binary file: give --out FILE.\(format).") }
    do { try data.write(to: URL(fileURLWithPath: out)) } catch {
        throw ValidationError("Cannot write \(out): \(error.localizedDescription)")
    }
}
