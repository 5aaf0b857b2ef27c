import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// The directory (workspaces, clients, stores, users and roles) as text or JSON.
enum DirectoryListing {
    static func text(_ d: Directory, language l: Language) -> String {
        var out = ""
        for workspace in d.workspaces {
            out += l.pick("工作区 \(workspace.id)  \(workspace.name)\n", "Workspace \(workspace.id)  \(workspace.name)\n")
            for client in d.clients where client.workspace == workspace.id {
                out += l.pick("  客户 \(client.id)  \(client.name)\n", "  Client \(client.id)  \(client.name)\n")
                for store in d.stores where store.client == client.id {
                    out += l.pick("    店铺 \(store.id)  \(store.name)\n", "    Store \(store.id)  \(store.name)\n")
                }
            }
            for user in d.users where user.workspace == workspace.id {
                let roles = (d.grants[user.id] ?? []).map { "\($0.role.rawValue)@\($0.target.kind):\($0.target.id)" }
                out += l.pick("  用户 \(user.id)  \(user.name)  ", "  User \(user.id)  \(user.name)  ")
                    + (roles.isEmpty ? l.pick("(无权限)", "(no roles)") : roles.joined(separator: ", ")) + "\n"
            }
        }
        let loose = d.stores.filter { $0.client == nil }
        if !loose.isEmpty {
            out += l.pick("未归属客户的店铺: ", "Stores without a client: ") + loose.map(\.id.rawValue).joined(separator: ", ") + "\n"
        }
        return out.isEmpty ? l.pick("还没有工作区。用 `storeops workspace add` 创建。\n", "No workspaces yet; create one with `storeops workspace add`.\n") : out
    }

    static func json(_ d: Directory) -> String {
        JSONValue.object([
            ("workspaces", .array(d.workspaces.map { w in
                .object([("id", .string(w.id.rawValue)), ("name", .string(w.name)),
                         ("clients", .array(d.clients.filter { $0.workspace == w.id }.map { c in
                             .object([("id", .string(c.id.rawValue)), ("name", .string(c.name)),
                                      ("stores", .array(d.stores.filter { $0.client == c.id }.map { .string($0.id.rawValue) }))])
                         })),
                         ("users", .array(d.users.filter { $0.workspace == w.id }.map { u in
                             .object([("id", .string(u.id.rawValue)), ("name", .string(u.name)),
                                      ("grants", .array((d.grants[u.id] ?? []).map {
                                          .object([("on", .string($0.target.kind)), ("id", .string($0.target.id)), ("role", .string($0.role.rawValue))])
                                      }))])
                         }))])
            })),
            ("unassigned_stores", .array(d.stores.filter { $0.client == nil }.map { .string($0.id.rawValue) })),
        ]).rendered() + "\n"
    }
}
