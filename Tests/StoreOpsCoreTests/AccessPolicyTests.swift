import StoreOpsCore
import Testing

@Suite("Access policy")
struct AccessPolicyTests {
    let clients = [Client(id: "alpha", workspace: "agency", name: "A"), Client(id: "beta", workspace: "agency", name: "B"),
                   Client(id: "gamma", workspace: "other", name: "G")]
    let alpha = Store(id: "a1", name: "a1", platform: .tmall, client: "alpha")
    let beta = Store(id: "b1", name: "b1", platform: .jd, client: "beta")
    let gamma = Store(id: "g1", name: "g1", platform: .jd, client: "gamma")
    let loose = Store(id: "loose", name: "loose", platform: .taobao)
    let user = User(id: "u", workspace: "agency", name: "U")

    func policy(_ grants: [(Grant.Target, Role)]) -> AccessPolicy {
        AccessPolicy(user: user, grants: grants.map { Grant(user: user.id, target: $0.0, role: $0.1) }, clients: clients)
    }

    @Test("a client role reaches that client's stores only")
    func clientRole() {
        let p = policy([(.client("alpha"), .viewer)])
        #expect(p.role(on: alpha) == .viewer)
        #expect(p.role(on: beta) == nil && p.role(on: gamma) == nil && p.role(on: loose) == nil)
        #expect(p.stores([alpha, beta, gamma, loose], permitting: .read) == ["a1"])
        #expect(p.stores([alpha, beta], permitting: .write).isEmpty)
    }

    @Test("the highest grant wins; a workspace role covers its own clients, never another workspace's")
    func highestAndWorkspace() {
        let p = policy([(.workspace("agency"), .viewer), (.store("a1"), .operator), (.workspace("other"), .admin)])
        #expect(p.role(on: alpha) == .operator && p.role(on: beta) == .viewer)
        #expect(p.role(on: gamma) == nil, "a grant on another workspace means nothing")
        #expect(p.role(on: loose) == nil, "a store without a client is outside every workspace")
        #expect(p.permits(.write, on: alpha) && !p.permits(.write, on: beta))
        #expect(!p.isWorkspaceAdmin)
    }

    @Test("a grant on a store or client gives nothing once it has moved to another workspace")
    func moved() {
        // The grants were given while a1 and client alpha were in the user's workspace; then both moved.
        let storeGrant = policy([(.store("a1"), .operator)])
        let movedStore = Store(id: "a1", name: "a1", platform: .tmall, client: "gamma")
        #expect(storeGrant.role(on: alpha) == .operator)
        #expect(storeGrant.role(on: movedStore) == nil && !storeGrant.permits(.write, on: movedStore))
        let movedClients = [Client(id: "alpha", workspace: "other", name: "A")] + clients.dropFirst()
        let clientGrant = AccessPolicy(user: user, grants: [Grant(user: user.id, target: .client("alpha"), role: .admin)], clients: movedClients)
        #expect(clientGrant.role(on: alpha) == nil)
        #expect(!clientGrant.canManage(client: movedClients[0]))
    }

    @Test("roles include the ones before them", arguments: [(Role.viewer, [true, false, false]), (.operator, [true, true, false]), (.admin, [true, true, true])])
    func roles(_ role: Role, _ expected: [Bool]) {
        #expect([AccessAction.read, .write, .manage].map(role.permits) == expected)
    }

    @Test("managing a client needs admin on it or on its workspace")
    func manage() {
        #expect(policy([(.client("alpha"), .admin)]).canManage(client: clients[0]))
        #expect(!policy([(.client("alpha"), .operator)]).canManage(client: clients[0]))
        #expect(!policy([(.client("alpha"), .admin)]).canManage(client: clients[1]))
        #expect(policy([(.workspace("agency"), .admin)]).canManage(client: clients[1]))
        #expect(!policy([(.workspace("agency"), .admin)]).canManage(client: clients[2]))
        #expect(!policy([(.store("a1"), .admin)]).canManage(client: clients[0]))
    }
}
