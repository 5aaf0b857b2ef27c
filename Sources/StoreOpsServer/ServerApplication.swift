import Hummingbird
import Logging
import NIOCore
import StoreOpsCore
import StoreOpsServices

/// Builds the StoreOps web application over the services of one database: `/health`, the JSON API for agency users
/// and the web workbench's pages, every answer with the security headers.
public enum ServerApplication {
    /// The router with every route of the server. Fails when the upload folder is not private to this user.
    public static func router(services: ServerServices, settings: ServerSettings = ServerSettings(),
                              staging: UploadStaging? = nil) throws -> Router<ServerContext> {
        let clock = services.clock
        let router = Router(context: ServerContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: APIErrorMiddleware())
        HealthController(health: services.health).addRoutes(to: router)
        let staging = try staging ?? UploadStaging(root: settings.uploadFolder)
        let gate = UploadGate(capacity: settings.maxConcurrentUploads)
        WebController(access: services.access, services: services, clock: clock, throttle: LoginThrottle(),
                      hasher: PasswordHasher(), secureCookies: settings.secureCookies, behindProxy: settings.behindProxy,
                      cache: ReportCache(), staging: staging, gate: gate, maxUploadBytes: settings.maxUploadBytes,
                      uploadTimeout: settings.uploadTimeout)
            .addRoutes(to: router)
        APIController(access: services.access, clock: clock, staging: staging, gate: gate, maxUploadBytes: settings.maxUploadBytes,
                      uploadTimeout: settings.uploadTimeout, build: services.build)
            .addRoutes(to: router)
        return router
    }

    /// The application listening on `host:port`. Removes the uploads a crashed server left behind first.
    public static func build(services: ServerServices, host: String = "127.0.0.1", port: Int = 8080,
                             settings: ServerSettings = ServerSettings(), logger: Logger) throws -> some ApplicationProtocol {
        // Timeouts of 1 s to a day: the nanoseconds NIO counts in, and the upload deadline, then fit in Int64.
        var settings = settings
        settings.idleTimeout = .seconds(min(max(settings.idleTimeout.components.seconds, 1), 86_400))
        settings.uploadTimeout = .seconds(min(max(settings.uploadTimeout.components.seconds, 1), 86_400))
        let staging = try UploadStaging(root: settings.uploadFolder)
        let removed = staging.removeLeftovers()
        if removed > 0 { logger.info("removed \(removed) uploads left by servers that stopped") }
        let router = try router(services: services, settings: settings, staging: staging)
        let idle = TimeAmount.seconds(settings.idleTimeout.components.seconds)
        return Application(router: router, server: .http1(configuration: .init(idleTimeout: idle)),
                           configuration: .init(address: .hostname(host, port: port)), logger: logger)
    }
}
