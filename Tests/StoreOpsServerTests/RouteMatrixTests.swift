import Foundation
import Hummingbird
import HummingbirdTesting
import StoreOpsCore
@testable import StoreOpsServer
import StoreOpsServices
import StoreOpsTesting
import Testing

/// Every route of the API (from the controller's own route list, so a new route is covered at once) for every
/// user of the agency fixture and every store: the status must be exactly what the user's role allows, with a
/// store outside their reach answering as if it did not exist.
@Suite("Security: the route x user x store matrix")
struct RouteMatrixTests {
    /// What each fixture user may read and write.
    static let reach: [String: (read: Set<String>, write: Set<String>)] = [
        "anna": (["alpha-tmall"], ["alpha-tmall"]), "vic": (["alpha-tmall"], []), "bea": (["beta-jd"], []),
        "boss": (["alpha-tmall", "beta-jd"], ["alpha-tmall", "beta-jd"]), "nobody": ([], []),
    ]
    static let stores = ["alpha-tmall", "beta-jd", "no-such-store"]
    /// The clients each user may read whole (a grant on the client or the workspace; a store's grant is not enough).
    static let clientReach: [String: Set<String>] = ["anna": ["alpha"], "vic": ["alpha"], "bea": [], "boss": ["alpha", "beta"], "nobody": []]
    static let clients = ["alpha", "beta", "no-such-client"]

    static func expected(user: String?, method: HTTPRequest.Method, path: String, store: String?) -> HTTPResponse.Status {
        if path == "openapi.json" { return .ok }  // the API's description is public
        guard let user, let reach = reach[user] else { return .unauthorized }
        guard let store else { return .ok }
        if path.contains(":client") { return clientReach[user]?.contains(store) == true ? .ok : .notFound }
        guard reach.read.contains(store) else { return .notFound }
        if method == .post { return reach.write.contains(store) ? .unprocessableContent : .forbidden }
        return .ok
    }

    @Test("each route answers each user exactly as their role allows")
    func matrix() async throws {
        #expect(APIController.routes.count >= 6)
        let agency = try await AgencyFixture.build(in: try await TestBackend.makeStore())
        // An activity in each store, for the activity review's route.
        for store in Self.stores.dropLast() {
            var batch = FactBatch()
            batch.activities = [Activity(store: StoreID(store)!, id: "launch", name: "上新", kind: .selfRun, start: Fixtures.d0,
                                         end: Fixtures.d0, status: .ended)]
            try await agency.database.write(batch, to: StoreID(store)!)
        }
        var settings = ServerSettings()
        settings.uploadFolder = FileManager.default.temporaryDirectory.appendingPathComponent("storeops-matrix-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: settings.uploadFolder) }
        let app = Application(router: try ServerApplication.router(services: ServerServices(database: agency.database, clock: { Fixtures.at(Fixtures.d1, 9) }),
                                                                   settings: settings))
        try await app.test(.router) { client in
            var checked = 0
            for (method, path) in APIController.routes {
                let storeValues: [String?] = path.contains(":store") ? Self.stores : path.contains(":client") ? Self.clients : [nil]
                for store in storeValues {
                    for user in [nil] + Self.reach.keys.sorted() {
                        var uri = "/api/v1/" + path.replacingOccurrences(of: ":store", with: store ?? "")
                            .replacingOccurrences(of: ":client", with: store ?? "")
                            .replacingOccurrences(of: ":activity", with: "launch")
                        if method == .post { uri += "?name=not-an-export.csv" }
                        let headers: HTTPFields = user.flatMap { agency.tokens[$0] }.map { [.authorization: "Bearer \($0)"] } ?? [:]
                        let want = Self.expected(user: user, method: method, path: path, store: store)
                        try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: "foo,bar\n1,2\n")) { response in
                            #expect(response.status == want, "\(method) \(uri) as \(user ?? "nobody signed in")")
                            if response.status != .ok && response.status != .created {
                                #expect(String(buffer: response.body).contains("\"error\""), "\(method) \(uri): a JSON error")
                            }
                            // Another client's store never shows through, whatever the status.
                            let readable = path.contains(":client") ? user.flatMap { Self.clientReach[$0] } ?? []
                                : user.flatMap { Self.reach[$0]?.read } ?? []
                            if let store, !readable.contains(store) {
                                #expect(!String(buffer: response.body).contains("230.00"), "\(method) \(uri) leaked data")
                            }
                        }
                        checked += 1
                    }
                }
            }
            // me, stores, overview and the document for six users; the eleven store routes for three stores and the
            // client report for three clients, each for six users.
            #expect(checked == 4 * 6 + 11 * 3 * 6 + 3 * 6)
        }
    }
}
