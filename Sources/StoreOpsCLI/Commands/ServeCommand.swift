import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import StoreOpsCore
import StoreOpsDelivery
import StoreOpsServer
import StoreOpsServices
import StoreOpsStorage

/// `storeops serve`: the HTTP server (the web workbench, the JSON API for agency users and the health check).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the web workbench, the JSON API under /api/v1 (bearer tokens) and /health.",
        discussion: """
            Stops cleanly on SIGINT or SIGTERM. Users come from `storeops user add`, their workbench passwords from \
            `storeops user passwd`. With --demo, the demo database (./storeops-demo.sqlite unless --db or \
            --database-url) is built when it has no demo store, and a demo user is given a new password, printed.
            """)

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
    @Flag(help: "Behind a reverse proxy on this machine: count sign-in attempts by the address it appends to X-Forwarded-For.")
    var behindProxy = false
    @Flag(help: "Serve the demo store: build it if missing and print a sign-in for its demo user.")
    var demo = false
    @Flag(help: "Mark the workbench's cookies Secure (when browsers reach the server over HTTPS, e.g. through a proxy).")
    var secureCookies = false
    @Flag(help: "Serve even as a PostgreSQL role that row-level security does not bind (a superuser or the tables' owner).")
    var allowPrivilegedRole = false
    @Flag(inversion: .prefixedNo, help: "Run the stores' schedules (checked every 30 s); --no-schedules leaves them to `storeops run-due`.")
    var schedules = true

    func run() async throws {
        var logger = Logger(label: "storeops.server")
        logger.logLevel = .info
        try await global.withStorage(default: demo ? "./storeops-demo.sqlite" : "./storeops.sqlite") { database in
            if let postgres = database as? PostgresStore, !allowPrivilegedRole { try await postgres.requireServingRole() }
            if demo { try await prepareDemo(database) }
            var settings = ServerSettings()
            settings.maxUploadBytes = max(1, min(maxUploadMb, 1 << 20)) << 20
            settings.maxConcurrentUploads = max(1, maxConcurrentUploads)
            settings.idleTimeout = .seconds(idleTimeout)
            settings.uploadTimeout = .seconds(uploadTimeout)
            settings.secureCookies = secureCookies
            settings.behindProxy = behindProxy
            if let uploadFolder { settings.uploadFolder = URL(fileURLWithPath: uploadFolder, isDirectory: true) }
            let environment = Environment.current
            let mailer = try NotifyCommand.mailer()
            let services = ServerServices(database: database, clock: environment.clock,
                                          secrets: try SecretBox(keyText: environment.secretKey), transport: HTTPWebhookTransport(),
                                          mailer: mailer, baseURL: environment.baseURL,
                                          webhookHosts: environment.webhookHosts, build: environment.build)
            let app = try ServerApplication.build(services: services, host: host, port: port, settings: settings, logger: logger)
            var group: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: app)]
            if schedules {
                let notify = try NotifyCommand.service(database, mailer: mailer)
                let schedules = ScheduleService(storage: database, notify: notify, clock: environment.clock,
                                                base: environment.baseURL, build: environment.build)
                let runner = ScheduleRunner(schedules: schedules,
                                            interval: .seconds(30), logger: logger)
                // The runner ends with the shutdown; the server still drains its requests.
                group.append(.init(service: runner, successTerminationBehavior: .ignore))
            }
            try await ServiceGroup(configuration: .init(services: group, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)).run()
        }
    }

    /// Builds the demo store when the database has none, and prints the demo user's new sign-in.
    func prepareDemo(_ database: any StoreOpsDatabase) async throws {
        let environment = Environment.current, l = global.language
        if try await database.store("demo") == nil {
            Console.note(l.pick("正在生成演示店铺（约 10 秒）…", "Building the demo store (about 10 s) ..."))
            let end = StoreTimeZone.shanghai.yesterday(now: environment.clock())
            _ = try await DemoService(storage: database, clock: environment.clock).build(DemoScenario(seed: 42, end: end, days: 180, clean: false),
                                                                                       filesIn: nil)
        }
        let password = try await DemoService.workbenchSignIn(database: database, clock: environment.clock)
        let address = "http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)"
        Console.note(l.pick("工作台: \(address)  用户名: \(DemoService.workbenchUser)  密码: \(password)",
                            "Workbench: \(address)  user: \(DemoService.workbenchUser)  password: \(password)"))
    }
}
