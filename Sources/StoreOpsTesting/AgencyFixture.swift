import StoreOpsCore
import StoreOpsServices
import StoreOpsStorage

/// An agency with two clients, one store each with two orders on `Fixtures.d0`, and users with different reach:
/// - `anna`: operator on client alpha; `vic`: viewer on client alpha; `bea`: viewer on store beta-jd only;
/// - `boss`: admin on the whole workspace; `nobody`: in the workspace without any role.
/// Each has a bearer token and a workbench password (`AgencyFixture.password(of:)`, hashed at bcrypt's lowest cost).
public struct AgencyFixture: Sendable {
    public static let alphaStore: StoreID = "alpha-tmall"
    public static let betaStore: StoreID = "beta-jd"
    public let database: any StoreOpsDatabase
    /// Bearer tokens by user id.
    public let tokens: [String: String]

    /// Builds the agency in `database` (fresh and empty).
    public static func build(in database: any StoreOpsDatabase) async throws -> AgencyFixture {
        let access = AccessService(database: database)
        try await access.addWorkspace(id: "agency", name: "杭州某代运营")
        try await access.addClient(id: "alpha", workspace: "agency", name: "Alpha 女装")
        try await access.addClient(id: "beta", workspace: "agency", name: "Beta 家电")
        for (store, client, platform) in [(alphaStore, "alpha", Platform.tmall), (betaStore, "beta", Platform.jd)] {
            try await database.saveStore(Store(id: store, name: "\(client) store", platform: platform, client: ClientID(client)))
            try await database.write(Fixtures.orders(store: store), to: store)
        }
        var tokens: [String: String] = [:]
        let grants: [(String, Role, Grant.Target?)] = [
            ("anna", .operator, .client("alpha")), ("vic", .viewer, .client("alpha")), ("bea", .viewer, .store(betaStore)),
            ("boss", .admin, .workspace("agency")), ("nobody", .viewer, nil),
        ]
        for (user, role, target) in grants {
            tokens[user] = try await access.addUser(id: user, workspace: "agency", name: user.capitalized).token
            if let target { try await access.grant(user: user, role: role, on: target) }
            try await access.setPassword(user: user, password(of: user), hasher: PasswordHasher(cost: 4))
        }
        return AgencyFixture(database: database, tokens: tokens)
    }

    /// The workbench password of `user`.
    public static func password(of user: String) -> String { "\(user)-secret-password" }

    /// The access context of `user`.
    public func context(_ user: String) async throws -> AccessContext {
        try await AccessService(database: database).authenticate(token: tokens[user]!)
    }
}
