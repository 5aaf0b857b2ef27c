import ArgumentParser
import Foundation
import Hummingbird
import Logging
import StoreOpsServer
import StoreOpsStorage

/// `storeops serve`: the HTTP server (health check and the JSON API for agency users).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the HTTP server: /health and the JSON API under /api/v1 (bearer tokens).",
        discussion: "Stops cleanly on SIGINT or SIGTERM. Users and tokens come from `storeops user add`.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "The port to listen on.") var port: Int = 8080
    @Option(help: "The largest upload, in MB.") var maxUploadMb: Int = 256
    @Option(help: "How many uploads are imported at once; more are answered 503.") var maxConcurrentUploads: Int = 2
    @Option(help: "Seconds a connection may stay idle or half-sent before it is closed (1 to 86400).") var idleTimeout: Int = 30
    @Option(help: "Seconds one upload may take to arrive (1 to 86400); slower ones are answered 408.")
    var uploadTimeout: Int = 600
    @Option(help: "The private folder uploads are staged in (default: storeops-uploads-UID in the temporary folder).")
    var uploadFolder: String?
    @Flag(help: "Mark the workbench's cookies Secure (when browsers reach the server over HTTPS, e.g. through a proxy).")
    var secureCookies = false
    @Flag(help: "Serve even as a PostgreSQL role that row-level security does not bind (a superuser or the tables' owner).")
    var allowPrivilegedRole = false

    func run() async throws {
        var logger = Logger(label: "storeops.server")
        logger.logLevel = .info
        try await global.withStorage { database in
            if let postgres = database as? PostgresStore, !allowPrivilegedRole { try await postgres.requireServingRole() }
            var settings = ServerSettings()
            settings.maxUploadBytes = max(1, min(maxUploadMb, 1 << 20)) << 20
            settings.maxConcurrentUploads = max(1, maxConcurrentUploads)
            settings.idleTimeout = .seconds(idleTimeout)
            settings.uploadTimeout = .seconds(uploadTimeout)
            settings.secureCookies = secureCookies
            if let uploadFolder { settings.uploadFolder = URL(fileURLWithPath: uploadFolder, isDirectory: true) }
            let app = try ServerApplication.build(database: database, clock: Environment.current.clock, host: host, port: port,
                                                  settings: settings, logger: logger)
            try await app.runService()
        }
    }
}
