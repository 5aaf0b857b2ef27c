import Foundation
import Hummingbird
import HummingbirdTesting
import StoreOpsCore
import StoreOpsServer
import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Testing

/// The JSON API through the real router: sign-in by token, and each agency user sealed to their stores.
@Suite("JSON API")
struct APITests {
    static let clock: @Sendable () -> Instant = { Fixtures.at(Fixtures.d1, 9) }

    func withAPI(_ body: @Sendable @escaping (any TestClientProtocol, AgencyFixture) async throws -> Void) async throws {
        let agency = try await AgencyFixture.build(in: try await TestBackend.makeStore())
        let app = Application(router: try ServerApplication.router(services: ServerServices(database: agency.database, clock: Self.clock)))
        try await app.test(.router) { client in try await body(client, agency) }
    }

    static func auth(_ token: String?) -> HTTPFields {
        guard let token else { return [:] }
        return [.authorization: "Bearer \(token)"]
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
    }

    @Test("no token or a wrong one gets 401 with a Bearer challenge")
    func unauthorized() async throws {
        try await withAPI { client, _ in
            for token in [nil, "sto_wrong"] {
                try await client.execute(uri: "/api/v1/stores", method: .get, headers: Self.auth(token)) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                    let error = try Self.json(response)["error"] as? [String: Any]
                    #expect(error?["code"] as? String == "unauthorized")
                }
            }
        }
    }

    @Test("a user of client A lists, reads and imports only A; B answers 404 as if it did not exist")
    func isolation() async throws {
        try await withAPI { client, agency in
            let anna = Self.auth(agency.tokens["anna"])
            try await client.execute(uri: "/api/v1/stores", method: .get, headers: anna) { response in
                #expect(response.status == .ok)
                let stores = try Self.json(response)["stores"] as? [[String: Any]]
                #expect(stores?.compactMap { $0["id"] as? String } == ["alpha-tmall"])
                #expect(stores?.first?["role"] as? String == "operator")
            }
            // The overview lists only the stores the user can read.
            try await client.execute(uri: "/api/v1/overview?date=2026-03-10", method: .get, headers: anna) { response in
                #expect(response.status == .ok)
                let lines = try Self.json(response)["stores"] as? [[String: Any]]
                #expect(lines?.compactMap { $0["id"] as? String } == ["alpha-tmall"])
                #expect(lines?.first?["gmv"] as? String == "230.00" && lines?.first?["day"] as? String == "2026-03-10")
            }
            try await client.execute(uri: "/api/v1/stores/alpha-tmall/table?from=2026-03-10&to=2026-03-10", method: .get, headers: anna) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("230.00"))
            }
            try await client.execute(uri: "/api/v1/stores/alpha-tmall/customers?from=2026-03-10&to=2026-03-10&cohort=week", method: .get,
                                     headers: anna) { response in
                #expect(response.status == .ok)
                let report = try Self.json(response)
                #expect(report["cohort"] as? String == "week" && (report["customers"] as? [[String: Any]])?.isEmpty == false)
            }
            try await client.execute(uri: "/api/v1/stores/alpha-tmall/customers?segment=vip", method: .get, headers: anna) { response in
                #expect(response.status == .badRequest || response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("champions"))
            }
            for (method, uri) in [(HTTPRequest.Method.get, "/api/v1/stores/beta-jd/table?from=2026-03-10&to=2026-03-10"),
                                  (.get, "/api/v1/stores/beta-jd/report?date=2026-03-10"), (.get, "/api/v1/stores/beta-jd/imports"),
                                  (.get, "/api/v1/stores/beta-jd/customers"), (.post, "/api/v1/stores/beta-jd/imports?name=orders.csv"), (.get, "/api/v1/stores/no-such-store/imports")] {
                try await client.execute(uri: uri, method: method, headers: anna, body: ByteBuffer(string: "x")) { response in
                    #expect(response.status == .notFound, "\(method) \(uri)")
                    #expect(!String(buffer: response.body).contains("230.00"))
                }
            }
        }
        // B's data stayed as it was.
    }

    @Test("an operator imports a real export over the API; a viewer is refused; the same file again changes nothing")
    func upload() async throws {
        try await withAPI { client, agency in
            // A CAD export into the CNY store is refused, both currencies named.
            let cad = ByteBuffer(bytes: try Data(contentsOf: Samples.url("shopify/orders_export.csv")))
            try await client.execute(uri: "/api/v1/stores/alpha-tmall/imports?name=orders_export.csv", method: .post,
                                     headers: Self.auth(agency.tokens["anna"]), body: cad) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("in CAD, but store alpha-tmall keeps its money in CNY"))
            }
            let file = ByteBuffer(bytes: try Data(contentsOf: Samples.url("taobao/orders.csv")))
            let uri = "/api/v1/stores/alpha-tmall/imports?name=orders.csv&allow_rounded_ids=true"
            try await client.execute(uri: uri, method: .post, headers: Self.auth(agency.tokens["vic"]), body: file) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: uri, method: .post, headers: Self.auth(agency.tokens["anna"]), body: file) { response in
                #expect(response.status == .created, "\(String(buffer: response.body))")
                let files = try Self.json(response)["files"] as? [[String: Any]]
                #expect(files?.first?["status"] as? String == "imported")
                #expect((files?.first?["rows_imported"] as? Int ?? 0) > 0)
            }
            try await client.execute(uri: uri, method: .post, headers: Self.auth(agency.tokens["anna"]), body: file) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("already_imported"))
            }
            try await client.execute(uri: "/api/v1/stores/alpha-tmall/imports", method: .get, headers: Self.auth(agency.tokens["vic"])) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("orders.csv"))
            }
            #expect(try await agency.database.importRecords(store: AgencyFixture.betaStore).isEmpty)
        }
    }

    @Test("the rhythm's reports: a period, the plan, the KPIs and an activity review by its Chinese id")
    func rhythm() async throws {
        try await withAPI { client, agency in
            let anna = Self.auth(agency.tokens["anna"])
            let store: StoreID = "alpha-tmall"
            var batch = FactBatch()
            batch.activities = [Activity(store: store, id: "会员日@2026-03-10", name: "会员日", kind: .selfRun, start: Fixtures.d0,
                                         end: Fixtures.d0, status: .ended)]
            try await agency.database.write(batch, to: store)
            try await PlanService(storage: agency.database, clock: Self.clock).setYear(store: store, year: 2026, gmv: "36500")
            try await StaffService(storage: agency.database).addPerson(store: store, name: "小王", role: .operator)
            try await StaffService(storage: agency.database)
                .setGoal(store: store, person: "小王", month: "2026-03", metric: .gmv, target: "3100", weight: 100)
            try await client.execute(uri: "/api/v1/stores/alpha-tmall/reports/period?from=2026-03-10&to=2026-03-10", method: .get,
                                     headers: anna) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"230.00\""))
            }
            try await client.execute(uri: "/api/v1/stores/alpha-tmall/plan?month=3", method: .get, headers: anna) { response in
                let plan = try Self.json(response)
                #expect((plan["total"] as? [String: Any])?["gmv_target"] as? String == "36500.00")
                #expect((plan["days"] as? [[String: Any]])?.count == 31)
            }
            try await client.execute(uri: "/api/v1/stores/alpha-tmall/kpi", method: .get, headers: anna) { response in
                let people = try Self.json(response)["people"] as? [[String: Any]]
                // 3,100.00 x 10 / 31 = 1,000.00 so far; only 03-10 has sales, so the month's GMV is unknown, and said so.
                let goal = (people?.first?["goals"] as? [[String: Any]])?.first
                #expect(goal?["target"] as? String == "1000.00" && goal?["actual"] is NSNull)
                #expect(people?.first?["missing"] as? [String] == ["gmv"] && people?.first?["score"] is NSNull)
            }
            let id = "会员日@2026-03-10".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["@"]))!
            try await client.execute(uri: "/api/v1/stores/alpha-tmall/activities/\(id)/review", method: .get, headers: anna) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("会员日"))
            }
            try await client.execute(uri: "/api/v1/stores/alpha-tmall/reports/weekly?week=2026-W99", method: .get, headers: anna) { response in
                #expect(response.status == .badRequest)
            }
            // The client report: the client's stores together and each one, for a user with a grant on the client.
            try await client.execute(uri: "/api/v1/clients/alpha/report?from=2026-03-10&to=2026-03-10", method: .get, headers: anna) { response in
                #expect(response.status == .ok && String(buffer: response.body).contains("alpha-tmall"))
                #expect(String(buffer: response.body).contains("\"230.00\""))
            }
            try await client.execute(uri: "/api/v1/clients/alpha/report?week=2026-W11&month=2026-03", method: .get, headers: anna) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/clients/beta/report", method: .get, headers: anna) { response in
                #expect(response.status == .notFound, "another client is as unknown as a missing one")
            }
        }
    }

    @Test("the report speaks the language asked for")
    func report() async throws {
        try await withAPI { client, agency in
            var headers = Self.auth(agency.tokens["bea"])
            headers[.acceptLanguage] = "zh-CN,zh;q=0.9"
            try await client.execute(uri: "/api/v1/stores/beta-jd/report?date=2026-03-10", method: .get, headers: headers) { response in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                #expect(String(buffer: response.body).contains("beta-jd"))
            }
            try await client.execute(uri: "/api/v1/me", method: .get, headers: headers) { response in
                let me = try Self.json(response)
                #expect((me["user"] as? [String: Any])?["id"] as? String == "bea")
            }
        }
    }
}
