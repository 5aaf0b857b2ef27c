import ArgumentParser
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

    func run() async throws {
        var logger = Logger(label: "storeops.server")
        logger.logLevel = .info
        try await global.withStorage { database in
            let app = ServerApplication.build(database: database, clock: Environment.current.clock, host: host, port: port, logger: logger)
            try await app.runService()
        }
    }
}
