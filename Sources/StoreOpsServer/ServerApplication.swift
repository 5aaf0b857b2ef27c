import Hummingbird
import Logging
import StoreOpsCore
import StoreOpsServices
import StoreOpsStorage

/// Builds the StoreOps web application over a database: `/health` and the JSON API for agency users.
public enum ServerApplication {
    /// The router with every route of the server.
    public static func router(database: any StoreOpsDatabase, clock: @escaping @Sendable () -> Instant,
                              maxUploadBytes: Int = 256 << 20) -> Router<BasicRequestContext> {
        let router = Router()
        HealthController(storage: database).addRoutes(to: router)
        APIController(access: AccessService(database: database), clock: clock, maxUploadBytes: maxUploadBytes).addRoutes(to: router)
        return router
    }

    /// The application listening on `host:port`.
    public static func build(database: any StoreOpsDatabase, clock: @escaping @Sendable () -> Instant, host: String = "127.0.0.1",
                             port: Int = 8080, logger: Logger) -> some ApplicationProtocol {
        Application(router: router(database: database, clock: clock), configuration: .init(address: .hostname(host, port: port)), logger: logger)
    }
}
