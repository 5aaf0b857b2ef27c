import StoreOpsCore
import StoreOpsStorage

/// The demo's workbench sign-in (`storeops serve --demo`): an agency workspace whose client owns the demo store,
/// and a user `demo` who administers it, with a new random password each time.
extension DemoService {
    /// The demo user's id.
    public static let workbenchUser = "demo"

    /// Makes sure the demo store has an agency around it and gives the demo user a new password, which it returns.
    public static func workbenchSignIn(database: any StoreOpsDatabase, clock: @escaping @Sendable () -> Instant,
                                       hasher: PasswordHasher = PasswordHasher()) async throws -> String {
        let access = AccessService(database: database, clock: clock)
        let store = try await database.requireStore("demo")
        try await access.addWorkspace(id: "demo-agency", name: "演示代运营 Demo agency")
        if store.client == nil {
            try await access.addClient(id: "demo-client", workspace: "demo-agency", name: "棉麻时光 Demo client")
            try await access.assign(store: "demo", to: "demo-client")
        }
        if try await !database.users().contains(where: { $0.id.rawValue == workbenchUser }) {
            _ = try await access.addUser(id: workbenchUser, workspace: "demo-agency", name: "演示用户 Demo user")
        }
        try await access.grant(user: workbenchUser, role: .admin, on: .workspace("demo-agency"))
        let password = randomPassword()
        try await access.setPassword(user: workbenchUser, password, hasher: hasher)
        return password
    }

    /// 16 letters and digits without look-alikes (no 0/O, 1/l/I), in groups of four.
    static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        let groups = (0..<4).map { _ in String((0..<4).map { _ in alphabet[Int(generator.next() as UInt64 % UInt64(alphabet.count))] }) }
        return groups.joined(separator: "-")
    }
}
