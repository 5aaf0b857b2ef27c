import Hummingbird
import Logging
import StoreOpsStorage

/// Builds the StoreOps web application over a storage. The web workbench's pages and API are added here.
public enum ServerApplication {
    /// The router with every route of the server.
    public static func router(storage: any StoreOpsStore) -> Router<BasicRequestContext> {
        let router = Router()
        HealthController(storage: storage).addRoutes(to: router)
        return router
    }

    /// The application listening on `host:port`.
    public static func build(storage: any StoreOpsStore, host: String = "127.0.0.1", port: Int = 8080, logger: Logger) -> some ApplicationProtocol {
        Application(router: router(storage: storage), configuration: .init(address: .hostname(host, port: port)), logger: logger)
    }
}
