import Foundation
import StoreOpsCore
import StoreOpsReports

/// The process environment the CLI reads once: flags win over these variables, these over defaults.
public struct Environment: Sendable {
    public var variables: [String: String]
    /// The current moment; fixed in tests.
    public var clock: @Sendable () -> Instant

    public init(variables: [String: String] = ProcessInfo.processInfo.environment,
                clock: @escaping @Sendable () -> Instant = { Instant(seconds: Int64(Date().timeIntervalSince1970)) }) {
        self.variables = variables
        self.clock = clock
    }

    /// The language from LC_ALL, LC_MESSAGES or LANG, as POSIX orders them.
    public var language: Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = variables[key], !value.isEmpty { return Language.from(locale: value) }
        }
        return .en
    }

    /// Whether standard error is a terminal (progress bars are drawn only there).
    public var isTerminal: Bool = isatty(STDERR_FILENO) == 1

    /// The database path from STOREOPS_DB.
    public var databasePath: String? { variables["STOREOPS_DB"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The PostgreSQL URL from STOREOPS_DATABASE_URL.
    public var databaseURL: String? { variables["STOREOPS_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The PostgreSQL scope key from STOREOPS_SCOPE_KEY (hex), for roles that may not read it from the database.
    public var scopeKey: String? { variables["STOREOPS_SCOPE_KEY"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The key that seals chat robots' addresses and secrets, from STOREOPS_SECRET_KEY.
    public var secretKey: String? { variables["STOREOPS_SECRET_KEY"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The workbench's public address for links in messages, from STOREOPS_BASE_URL.
    public var baseURL: String? { variables["STOREOPS_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } }

    /// Hosts chat robots may be at besides the apps' own, from STOREOPS_WEBHOOK_HOSTS (comma-separated).
    public var webhookHosts: Set<String> {
        Set((variables["STOREOPS_WEBHOOK_HOSTS"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }

    /// A PEM file of certificate authorities to trust for mail servers besides the system's (a company's own mail
    /// relay), from STOREOPS_SMTP_CA_FILE.
    public var smtpCAFile: String? { variables["STOREOPS_SMTP_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The running program's identity, under which computed values are kept in the database (`BuildIdentity`); nil
    /// keeps nothing.
    public var build: String? = BuildIdentity.current

    /// The environment commands run with; tests replace it for the duration of a call.
    @TaskLocal public static var current = Environment()
}
