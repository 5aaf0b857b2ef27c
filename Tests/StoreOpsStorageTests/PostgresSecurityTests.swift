import Foundation
import PostgresNIO
import StoreOpsCore
@testable import StoreOpsStorage
import StoreOpsTesting
import Testing

/// Row-level security: the database itself keeps each store's rows to the handles scoped to it, whatever the
/// service layer does.
@Suite("PostgreSQL row-level security", .enabled(if: ThrowawayPostgres.serverTestsEnabled, "needs the test cluster that scripts/test starts; runs in its PostgreSQL pass"))
struct PostgresSecurityTests {
    static let other = Store(id: "other", name: "别家", platform: .jd)

    /// Two stores with orders, written through an unrestricted handle.
    static func seed(_ store: PostgresStore) async throws {
        try await store.saveStore(Fixtures.store)
        try await store.write(Fixtures.batch(), to: Fixtures.storeID)
        try await store.saveStore(other)
        var batch = FactBatch()
        batch.orders = [Order(store: other.id, id: "B1", buyer: "z", status: .paid, createdAt: Fixtures.at(Fixtures.d0, 9),
                              paidAt: Fixtures.at(Fixtures.d0, 9), paidDay: Fixtures.d0, goodsTotal: Fixtures.yuan(100),
                              shippingFee: Fixtures.yuan(0), paidAmount: Fixtures.yuan(100), units: 1)]
        try await store.write(batch, to: other.id)
    }

    static func count(_ store: PostgresStore, _ table: String) async throws -> Int64 {
        let rows = try await store.transaction("count") { c in try await c.rows("SELECT COUNT(*) FROM \(table)", logger: store.logger) }
        guard case .int(let n)? = rows.first?.first else { return -1 }
        return n
    }

    @Test("the server refuses to run as the tables' owner, or a member of its role, and runs as the application role")
    func servingRole() async throws {
        try await ThrowawayPostgres.withDatabase { database in
            try await PostgresStore.withStore(url: database.ownerURL) { owner in
                let error = await #expect(throws: StorageError.self) { try await owner.requireServingRole() }
                #expect(error?.message.contains("owns the tables") == true, "\(error?.message ?? "")")
            }
            try await PostgresStore.withStore(url: database.appURL, scopeKey: database.scopeKey) { app in try await app.requireServingRole() }
            // A role that is a member of the owner's role can SET ROLE to it: refused as well.
            let member = database.name + "_member"
            try await ThrowawayPostgres.execute(database.adminURL, [
                "CREATE ROLE \(member) LOGIN NOSUPERUSER NOBYPASSRLS IN ROLE \(ThrowawayPostgres.ownerRole)",
            ])
            let memberURL = database.appURL.replacingOccurrences(of: ThrowawayPostgres.appRole + "@", with: member + "@")
            try await PostgresStore.withStore(url: memberURL) { store in
                let error = await #expect(throws: StorageError.self) { try await store.requireServingRole() }
                #expect(error?.message.contains("owns the tables") == true, "\(error?.message ?? "")")
            }
            try await ThrowawayPostgres.execute(database.adminURL, ["DROP ROLE \(member)"])
        }
    }

    @Test("every table with a store id has a forced policy, and the application role can bypass none of it")
    func everyTableHasAForcedPolicy() async throws {
        try await ThrowawayPostgres.withDatabase { database in
            try await PostgresStore.withStore(url: database.ownerURL) { owner in
                let rows = try await owner.transaction("inspect") { c in
                    try await c.rows("""
                        SELECT c.table_name, CAST(cl.relrowsecurity AS int), CAST(cl.relforcerowsecurity AS int),
                               CAST((SELECT COUNT(*) FROM pg_policies p WHERE p.tablename = c.table_name AND p.schemaname = current_schema()) AS bigint)
                        FROM information_schema.columns c JOIN pg_class cl ON cl.relname = c.table_name AND cl.relkind = 'r'
                        JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = current_schema()
                        WHERE c.table_schema = current_schema() AND c.column_name = 'store_id' ORDER BY 1
                        """, logger: owner.logger)
                }
                // Every fact, aggregate and settings table is covered: more than the fact tables alone.
                #expect(rows.count > AnyFactTable.all.count)
                for row in rows {
                    #expect(row[1] == .int(1) && row[2] == .int(1) && row[3] == .int(1), "\(row[0]) lacks a forced store policy")
                }
                let role = try await owner.transaction("role") { c in
                    try await c.rows("SELECT CAST(rolsuper AS int), CAST(rolbypassrls AS int) FROM pg_roles WHERE rolname = ?",
                                     [.text(ThrowawayPostgres.appRole)], logger: owner.logger)
                }
                #expect(role.first == [.int(0), .int(0)])
                let owned = try await owner.transaction("owned") { c in
                    try await c.rows("SELECT COUNT(*) FROM pg_tables WHERE tableowner = ?", [.text(ThrowawayPostgres.appRole)], logger: owner.logger)
                }
                #expect(owned.first == [.int(0)])
            }
        }
    }

    @Test("a handle scoped to one store sees none of another's rows, even through raw SQL")
    func scopedHandleSeesOnlyItsStores() async throws {
        try await ThrowawayPostgres.withStore { all in
            try await Self.seed(all)
            let scoped = all.scoped(to: .stores([Fixtures.storeID]))
            #expect(try await scoped.stores().map(\.id) == [Fixtures.storeID])
            #expect(try await scoped.store(Self.other.id) == nil)
            await #expect(throws: StorageError.self) { try await scoped.read(Order.self, store: Self.other.id, days: nil) }
            // Raw SQL with no store condition: the policy filters.
            #expect(try await Self.count(all, "orders") == Int64(Fixtures.batch().orders.count) + 1)
            #expect(try await Self.count(scoped, "orders") == Int64(Fixtures.batch().orders.count))
            #expect(try await Self.count(all.scoped(to: .stores([Self.other.id])), "orders") == 1)
            #expect(try await Self.count(all.scoped(to: .stores([])), "orders") == 0)
            #expect(try await Self.count(all.scoped(to: .stores([])), "stores") == 0)
        }
    }

    @Test("a scoped handle cannot write another store's rows")
    func scopedHandleCannotWriteOthers() async throws {
        try await ThrowawayPostgres.withStore { all in
            try await Self.seed(all)
            let scoped = all.scoped(to: .stores([Fixtures.storeID]))
            let error = await #expect(throws: StorageError.self) {
                try await scoped.transaction("insert") { c in
                    try await c.run("INSERT INTO traffic_days (store_id, day, visitors, page_views, bounced_visitors) VALUES ('other', '2026-03-10', 1, 1, 0)",
                                    logger: scoped.logger)
                }
            }
            #expect(error?.code == .forbidden)
            let update = try await scoped.transaction("update") { c in
                try await c.rows("UPDATE orders SET paid_minor = 0 WHERE store_id = 'other' RETURNING order_id", logger: scoped.logger)
            }
            #expect(update.isEmpty)
            #expect(try await all.masterTable(store: Self.other.id, days: DayRange(day: Fixtures.d0)).first?[.gmv] == .money(Fixtures.yuan(100)))
        }
    }

    /// Runs `statements` in one transaction on a raw connection of `store` (no scope of its own) and returns the
    /// rows of the last, or the error PostgreSQL answered.
    static func raw(_ store: PostgresStore, _ statements: [String]) async -> Result<[[SQLValue]], any Error> {
        do {
            return .success(try await store.client.withConnection { c in
                do {
                    try await c.run("BEGIN", logger: store.logger)
                    var rows: [[SQLValue]] = []
                    for statement in statements { rows = try await c.rows(statement, logger: store.logger) }
                    try await c.run("ROLLBACK", logger: store.logger)
                    return rows
                } catch {
                    try? await c.run("ROLLBACK", logger: store.logger)
                    throw error
                }
            })
        } catch {
            return .failure(error)
        }
    }

    @Test("the application role cannot widen its own scope: unsigned or forged, a scope is refused")
    func scopeMustBeSigned() async throws {
        try await ThrowawayPostgres.withStore { all in
            try await Self.seed(all)
            let forged = try #require(ScopeKey(hex: String(repeating: "ab", count: 32)))
            for (scope, mac) in [("*", ""), ("*", forged.sign("*")), ("other", ""), ("other", forged.sign("other"))] {
                let result = await Self.raw(all, [
                    "SELECT set_config('storeops.scope', '\(scope)', true), set_config('storeops.scope_mac', '\(mac)', true)",
                    "SELECT COUNT(*) FROM orders",
                ])
                guard case .failure(let error) = result else { Issue.record("scope \(scope) signed \(mac) was honoured"); continue }
                #expect("\(String(reflecting: error))".contains("not signed"), "\(String(reflecting: error))")
            }
            // The key is not the application role's to read; signed with it, the same statements see the scope's rows.
            if case .success = await Self.raw(all, ["SELECT secret FROM scope_secret"]) { Issue.record("the application role read the key") }
            let key = try #require(all.signer.configuredKey)
            let signed = await Self.raw(all, [
                "SELECT set_config('storeops.scope', 'other', true), set_config('storeops.scope_mac', '\(key.sign("other"))', true)",
                "SELECT COUNT(*) FROM orders",
            ])
            #expect((try? signed.get())?.first == [.int(1)])
        }
    }

    @Test("the application role cannot read the scope key, and without it every request fails and says why")
    func keyIsTheOwners() async throws {
        try await ThrowawayPostgres.withDatabase { database in
            try await PostgresStore.withStore(url: database.appURL, schema: .none) { app in
                let error = await #expect(throws: StorageError.self) { _ = try await app.stores() }
                #expect(error?.message.contains("STOREOPS_SCOPE_KEY") == true, "\(error?.message ?? "")")
            }
            let wrong = try #require(ScopeKey(hex: String(repeating: "cd", count: 32)))
            try await PostgresStore.withStore(url: database.appURL, scopeKey: wrong, schema: .none) { app in
                let error = await #expect(throws: StorageError.self) { _ = try await app.stores() }
                #expect(error?.code == .forbidden)
                #expect(error?.message.contains("STOREOPS_SCOPE_KEY") == true, "\(error?.message ?? "")")
            }
            try await PostgresStore.withStore(url: database.ownerURL) { owner in
                let key = try await owner.scopeKey()
                #expect(key == database.scopeKey)
            }
        }
    }

    @Test("the directory (workspaces, clients, users, grants) is written only through the all-stores scope")
    func directoryWritesNeedEveryStore() async throws {
        try await ThrowawayPostgres.withStore { all in
            try await Self.seed(all)
            try await all.saveWorkspace(Workspace(id: "w", name: "W"))
            let scoped = all.scoped(to: .stores([Fixtures.storeID]))
            #expect(try await scoped.workspaces().map(\.id) == ["w"], "everyone reads the directory")
            let error = await #expect(throws: StorageError.self) { try await scoped.saveWorkspace(Workspace(id: "x", name: "X")) }
            #expect(error?.code == .forbidden)
            for statement in ["UPDATE users SET name = 'x'", "DELETE FROM grants", "UPDATE workspaces SET name = 'x' RETURNING workspace_id"] {
                let rows = try await scoped.transaction("write the directory") { c in try await c.rows(statement, logger: scoped.logger) }
                #expect(rows.isEmpty, "\(statement) touched rows")
            }
            #expect(try await all.workspaces().map(\.name) == ["W"])
        }
    }

    @Test("the database accepts the Swift signer's HMAC of any scope text, and no other")
    func databaseAgreesWithSigner() async throws {
        try await ThrowawayPostgres.withStore { all in
            try await Self.seed(all)
            let key = try #require(all.signer.configuredKey)
            let scope = "a-1,other,店铺_2," + (1...300).map { "store\($0)" }.joined(separator: ",")
            let accepted = await Self.raw(all, [
                "SELECT set_config('storeops.scope', '\(scope)', true), set_config('storeops.scope_mac', '\(key.sign(scope))', true)",
                "SELECT COUNT(*) FROM orders",
            ])
            #expect((try? accepted.get())?.first == [.int(1)], "\(accepted)")
            let swapped = await Self.raw(all, [
                "SELECT set_config('storeops.scope', '\(scope),x', true), set_config('storeops.scope_mac', '\(key.sign(scope))', true)",
                "SELECT COUNT(*) FROM orders",
            ])
            if case .success = swapped { Issue.record("a signature was accepted for another scope") }
        }
    }

    @Test("a connection that never set a scope sees nothing")
    func noScopeSeesNothing() async throws {
        try await ThrowawayPostgres.withStore { all in
            try await Self.seed(all)
            // A connection of its own: the pool's may hold the scope a read set on its session.
            let c = try await PostgresConnection.connect(configuration: all.probe, id: 1, logger: all.logger)
            defer { Task { try? await c.close() } }
            let rows = try await c.rows("SELECT COUNT(*) FROM orders", logger: all.logger)
            #expect(rows.first == [.int(0)])
        }
    }

    @Test("reads of handles with different scopes, taking turns on the pool's connections, each see their own scope")
    func sessionScopesFollowTheHandle() async throws {
        try await ThrowawayPostgres.withStore { all in
            try await Self.seed(all)
            let mine = all.scoped(to: .stores([Fixtures.storeID])), theirs = all.scoped(to: .stores([Self.other.id]))
            let none = all.scoped(to: .stores([]))
            func count(_ store: PostgresStore) async throws -> [[SQLValue]] {
                try await store.reading("count") { c in try await c.rows("SELECT COUNT(*) FROM orders", logger: store.logger) }
            }
            let everyOrder = Int64(Fixtures.batch().orders.count + 1)
            for _ in 0..<3 {
                #expect(try await count(all) == [[.int(everyOrder)]])
                #expect(try await count(theirs) == [[.int(1)]])
                #expect(try await count(mine) == [[.int(everyOrder - 1)]])
                #expect(try await count(none) == [[.int(0)]])
                // A transaction's local scope ends with it; the next read sets its own again.
                #expect(try await Self.count(theirs, "orders") == 1)
                #expect(try await all.read(Order.self, store: Self.other.id, days: nil).count == 1)
            }
        }
    }
}

/// Row-level security under the agency model: with the service-layer check out of the way, the database itself
/// still keeps a user of client A from every row of client B.
@Suite("PostgreSQL isolation of agency clients", .enabled(if: ThrowawayPostgres.serverTestsEnabled, "needs the test cluster that scripts/test starts; runs in its PostgreSQL pass"))
struct PostgresAgencyIsolationTests {
    @Test("the scope of a client-A user, used without the service check, returns no row of client B")
    func rowLevelSecurityWithoutServiceCheck() async throws {
        try await ThrowawayPostgres.withStore { root in
            let agency = try await AgencyFixture.build(in: root)
            let anna = try await agency.context("anna")
            #expect(anna.readable == [AgencyFixture.alphaStore])
            // Bypass the service layer: the raw storage limited to anna's scope, as the service would pass it on.
            let raw = root.restricted(to: .stores(anna.readable))
            let b = AgencyFixture.betaStore
            #expect(try await raw.store(b) == nil)
            #expect(try await raw.stores().map(\.id) == [AgencyFixture.alphaStore])
            #expect(try await raw.read(Order.self, store: AgencyFixture.alphaStore, days: nil).count == 2)
            // Reads of B find no store, and no rows even by raw SQL.
            await #expect(throws: StorageError.self) { _ = try await raw.read(Order.self, store: b, days: nil) }
            let scoped = try #require(raw as? PostgresStore)
            #expect(try await PostgresSecurityTests.count(scoped, "orders WHERE store_id = 'beta-jd'") == 0)
            #expect(try await PostgresSecurityTests.count(scoped, "daily_sales WHERE store_id = 'beta-jd'") == 0)
            #expect(try await PostgresSecurityTests.count(scoped, "orders") == 2, "only client A's orders")
            #expect(try await root.read(Order.self, store: b, days: nil).count == 2, "the rows are there for the unscoped handle")
        }
    }
}
