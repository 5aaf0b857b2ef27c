import Hummingbird
import StoreOpsServices

/// `GET /health`: whether the server is up and its database answers, with the schema version.
struct HealthController: Sendable {
    let health: HealthService

    func addRoutes(to router: Router<ServerContext>) {
        router.get("health") { _, _ -> Response in
            do {
                let version = try await health.schemaVersion()
                return Self.json(.ok, "{\"status\":\"ok\",\"schema_version\":\(version)}")
            } catch {
                return Self.json(.serviceUnavailable, "{\"status\":\"unavailable\"}")
            }
        }
    }

    static func json(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
