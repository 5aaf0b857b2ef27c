import Foundation
import Hummingbird
import HummingbirdTesting
@testable import StoreOpsServer
import StoreOpsServices
import StoreOpsTesting
import Testing

/// The OpenAPI document and the router describe the same API, and errors are RFC 9457 problems.
@Suite("API document")
struct APIDocumentTests {
    @Test("the document's paths and methods are exactly the router's API routes, and it is served as JSON")
    func sameRoutes() async throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(APIDocument.json.utf8)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in
            operations.keys.map { "\($0.uppercased()) \(path)" }
        })
        let routed = Set(APIController.routes.map { method, path in
            let templated = path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            return "\(method.rawValue) /api/v1/\(templated)"
        })
        #expect(documented == routed, "documented only: \(documented.subtracting(routed)); routed only: \(routed.subtracting(documented))")
        // Every path parameter of a path is declared on its operations.
        for (path, operations) in paths {
            let names = path.split(separator: "{").dropFirst().map { String($0.prefix { $0 != "}" }) }
            for (_, operation) in operations {
                let declared = ((operation as? [String: Any])?["parameters"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                #expect(Set(names).isSubset(of: Set(declared)), "\(path)")
            }
        }
        let agency = try await AgencyFixture.build(in: try await TestBackend.makeStore())
        let app = Application(router: try ServerApplication.router(services: ServerServices(database: agency.database, clock: { Fixtures.at(Fixtures.d1, 9) })))
        try await app.test(.router) { client in
            let served = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(served.status == .ok && String(buffer: served.body) == APIDocument.json)
            let problem = try await client.execute(uri: "/api/v1/stores", method: .get)
            #expect(problem.status == .unauthorized && problem.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: problem.body).utf8)) as? [String: Any])
            #expect(body["status"] as? Int == 401 && body["title"] as? String == "Unauthorized" && body["code"] as? String == "unauthorized")
            #expect((body["detail"] as? String)?.contains("Bearer") == true && body["request_id"] as? String == problem.headers[.init("X-Request-ID")!])
        }
    }
}
