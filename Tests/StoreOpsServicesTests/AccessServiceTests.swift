import Foundation
import StoreOpsCore
import StoreOpsServices
import StoreOpsStorage
import StoreOpsTesting
import Testing

/// The service-layer check: every read and write of a signed-in user goes through their grants.
@Suite("Access service")
struct AccessServiceTests {
    static let d0 = DayRange(Fixtures.d0, Fixtures.d0)!

    @Test("a user of client A sees and reads nothing of client B")
    func isolation() async throws {
        let agency = try await AgencyFixture.build(in: try await TestBackend.makeStore())
        let anna = try await agency.context("anna")
        #expect(try await anna.storage.stores().map(\.id) == [AgencyFixture.alphaStore])
        #expect(try await anna.storage.store(AgencyFixture.betaStore) == nil)
        // Their own store reads as usual.
        let own = try await anna.storage.masterTable(store: AgencyFixture.alphaStore, days: Self.d0)
        #expect(own.first?.values[.gmv] == .money(Fixtures.yuan(23_000)))
        // Every kind of call on B is refused exactly like a store that does not exist.
        let b = AgencyFixture.betaStore
        let calls: [(String, @Sendable () async throws -> Void)] = [
            ("master table", { _ = try await anna.storage.masterTable(store: b, days: Self.d0) }),
            ("orders", { _ = try await anna.storage.read(Order.self, store: b, days: nil) }),
            ("ledger", { _ = try await anna.storage.importRecords(store: b) }),
            ("costs", { _ = try await anna.storage.costSettings(store: b) }),
            ("write", { try await anna.storage.write(Fixtures.orders(store: b), to: b) }),
            ("remove", { try await anna.storage.removeFacts(of: b) }),
            ("report", { _ = try await ReportService(storage: anna.storage, clock: { Fixtures.at(Fixtures.d1, 9) }).dailyReport(store: b, day: Fixtures.d0) }),
        ]
        for (name, call) in calls {
            do {
                try await call()
                Issue.record("\(name) of client B succeeded for a user of client A")
            } catch let error as ServiceError {
                #expect(error.code == .notFound, "\(name)")
            } catch let error as StorageError {
                #expect(error.code == .unknownStore, "\(name)")
            }
        }
        // B's data is untouched.
        #expect(try await agency.database.masterTable(store: b, days: Self.d0).first?.values[.gmv] == .money(Fixtures.yuan(23_000)))
    }

    @Test("viewers read, operators import, admins create stores; a user without roles sees nothing")
    func roles() async throws {
        let agency = try await AgencyFixture.build(in: try await TestBackend.makeStore())
        let a = AgencyFixture.alphaStore
        let vic = try await agency.context("vic")
        #expect(try await vic.storage.masterTable(store: a, days: Self.d0).first?.values[.paidOrders] == .count(2))
        let refused = await #expect(throws: ServiceError.self) { try await vic.storage.write(Fixtures.orders(store: a), to: a) }
        #expect(refused?.code == .forbidden && refused?.message.contains("operator") == true)
        let anna = try await agency.context("anna")
        try await anna.storage.write(Fixtures.orders(store: a), to: a)
        let bea = try await agency.context("bea")
        #expect(try await bea.storage.stores().map(\.id) == [AgencyFixture.betaStore])
        #expect(try await agency.context("nobody").storage.stores().isEmpty)

        let access = AccessService(database: agency.database)
        let newStore = Store(id: "alpha-douyin", name: "Alpha 抖音", platform: .douyin, client: "alpha")
        let denied = await #expect(throws: ServiceError.self) { try await access.createStore(newStore, as: anna) }
        #expect(denied?.code == .forbidden)
        let boss = try await agency.context("boss")
        try await access.createStore(newStore, as: boss)
        // A fresh sign-in sees the new store; anna reaches it through her client role.
        #expect(try await agency.context("anna").storage.stores().map(\.id).contains("alpha-douyin"))
        #expect(try await agency.context("boss").storage.stores().count == 3)
    }

    @Test("tokens sign in until rotated; only their hash is stored; bad input is explained")
    func tokensAndValidation() async throws {
        let database = try await TestBackend.makeStore()
        let agency = try await AgencyFixture.build(in: database)
        let access = AccessService(database: database)
        let token = try #require(agency.tokens["anna"])
        #expect(token.hasPrefix("sto_") && token.count == 68)
        #expect(try await database.user(tokenSHA256: token) == nil, "the token itself is not a key")
        let fresh = try await access.rotateToken(user: "anna")
        let old = await #expect(throws: ServiceError.self) { try await access.authenticate(token: token) }
        #expect(old?.code == .unauthorized)
        #expect(try await access.authenticate(token: fresh).user.id == "anna")

        let cases: [(@Sendable () async throws -> Void, ServiceError.Code, String)] = [
            ({ _ = try await access.addClient(id: "x", workspace: "nowhere", name: "X") }, .notFound, "no workspace"),
            ({ _ = try await access.addUser(id: "anna", workspace: "agency", name: "Again") }, .conflict, "already a user"),
            ({ _ = try await access.addUser(id: "Bad Id", workspace: "agency", name: "B") }, .invalidInput, "not a valid user id"),
            ({ _ = try await access.grant(user: "anna", role: .viewer, on: .workspace("other")) }, .forbidden, "inside it"),
        ]
        for (call, code, message) in cases {
            do {
                try await call()
                Issue.record("accepted: \(message)")
            } catch let error as ServiceError {
                #expect(error.code == code && error.message.contains(message), "\(error.message)")
            }
        }
        try await access.addWorkspace(id: "other", name: "另一家")
        try await access.addClient(id: "gamma", workspace: "other", name: "G")
        let foreign = await #expect(throws: ServiceError.self) { try await access.grant(user: "anna", role: .viewer, on: .client("gamma")) }
        #expect(foreign?.code == .forbidden)
        try await access.revoke(user: "anna", on: .client("alpha"))
        #expect(try await access.authenticate(token: fresh).storage.stores().isEmpty)
    }

    @Test("a store grant ends when the store moves to another workspace's client: no read, no import")
    func storeMovedAway() async throws {
        let agency = try await AgencyFixture.build(in: try await TestBackend.makeStore())
        let access = AccessService(database: agency.database)
        let b = AgencyFixture.betaStore
        #expect(try await agency.context("bea").storage.stores().map(\.id) == [b])
        try await access.addWorkspace(id: "other", name: "另一家")
        try await access.addClient(id: "gamma", workspace: "other", name: "G")
        try await access.assign(store: b.rawValue, to: "gamma")
        let bea = try await agency.context("bea")
        #expect(try await bea.storage.stores().isEmpty)
        #expect(bea.policy.role(on: try await agency.database.requireStore(b)) == nil)
        await #expect(throws: (any Error).self) { _ = try await bea.storage.masterTable(store: b, days: Self.d0) }
        await #expect(throws: (any Error).self) { try await bea.storage.write(Fixtures.orders(store: b), to: b) }
        // The workspace admin of the old workspace lost it too.
        #expect(try await agency.context("boss").storage.stores().map(\.id) == [AgencyFixture.alphaStore])
    }

    @Test("a disabled user and an expired token cannot sign in; the ledger names who imported")
    func disabledExpiredAndImporter() async throws {
        let database = try await TestBackend.makeStore()
        let agency = try await AgencyFixture.build(in: database)
        let now = Instant(seconds: 1_800_000_000)
        let access = AccessService(database: database, clock: { now })
        let token = try #require(agency.tokens["anna"])
        try await access.setDisabled(user: "anna", true)
        let disabled = await #expect(throws: ServiceError.self) { try await access.authenticate(token: token) }
        #expect(disabled?.code == .unauthorized && disabled?.message.contains("disabled") == true)
        await #expect(throws: ServiceError.self) { try await access.context(forUser: "anna") }
        try await access.setDisabled(user: "anna", false)
        let anna = try await access.authenticate(token: token)

        let fresh = try await access.rotateToken(user: "bea", expiresAt: Instant(seconds: now.seconds + 60))
        #expect(try await access.authenticate(token: fresh).user.id == "bea")
        let later = AccessService(database: database, clock: { Instant(seconds: now.seconds + 61) })
        let expired = await #expect(throws: ServiceError.self) { try await later.authenticate(token: fresh) }
        #expect(expired?.message.contains("expired") == true)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("importer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("orders.csv")
        try Data("订单编号,买家实际支付金额,订单创建时间\n9001,10.00,2026-03-09 10:00:00\n".utf8).write(to: file)
        let report = try await ImportService(storage: anna.storage, clock: { now }).importFile(file, store: AgencyFixture.alphaStore)
        #expect(report.status == .imported, "\(report.diagnostics)")
        #expect(try await database.importRecords(store: AgencyFixture.alphaStore).first?.importedBy == "anna")
    }
}
