import StoreOpsCore

/// The SQL of the agency directory, the same on every backend (`?` placeholders).
enum DirectorySQL {
    static let upsertWorkspace = """
        INSERT INTO workspaces (workspace_id, name, created_at) VALUES (?, ?, ?)
        ON CONFLICT (workspace_id) DO UPDATE SET name = excluded.name
        """
    static let selectWorkspaces = "SELECT workspace_id, name FROM workspaces ORDER BY workspace_id"

    static let upsertClient = """
        INSERT INTO clients (client_id, workspace_id, name, created_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (client_id) DO UPDATE SET name = excluded.name
        """
    static let selectClients = "SELECT client_id, workspace_id, name FROM clients ORDER BY client_id"
    static let selectClientWorkspace = "SELECT workspace_id FROM clients WHERE client_id = ?"

    static let insertUser = """
        INSERT INTO users (user_id, workspace_id, name, token_sha256, created_at, disabled_at, token_expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    static let renameUser = "UPDATE users SET name = ?, disabled_at = ?, token_expires_at = ? WHERE user_id = ?"
    static let setToken = "UPDATE users SET token_sha256 = ? WHERE user_id = ?"
    static let userColumns = "user_id, workspace_id, name, disabled_at, token_expires_at"
    static let selectUsers = "SELECT \(userColumns) FROM users ORDER BY user_id"
    static let selectUser = "SELECT \(userColumns) FROM users WHERE user_id = ?"
    static let selectUserByToken = "SELECT \(userColumns) FROM users WHERE token_sha256 = ?"

    static let upsertGrant = """
        INSERT INTO grants (user_id, target_kind, target_id, role) VALUES (?, ?, ?, ?)
        ON CONFLICT (user_id, target_kind, target_id) DO UPDATE SET role = excluded.role
        """
    static let deleteGrant = "DELETE FROM grants WHERE user_id = ? AND target_kind = ? AND target_id = ?"
    static let selectGrants = "SELECT user_id, target_kind, target_id, role FROM grants WHERE user_id = ? ORDER BY target_kind, target_id"

    static let setPassword = "UPDATE users SET password_hash = ? WHERE user_id = ?"
    static let replaceToken = "UPDATE users SET token_sha256 = ?, token_expires_at = ? WHERE user_id = ?"
    static let setDisabled = "UPDATE users SET disabled_at = ? WHERE user_id = ?"
    static let selectPassword = "SELECT password_hash FROM users WHERE user_id = ?"
    static let insertSession = """
        INSERT INTO web_sessions (session_sha256, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
        """
    static let deleteEndedSessions = "DELETE FROM web_sessions WHERE expires_at <= ?"
    static let selectSession = """
        SELECT session_sha256, user_id, csrf_token, created_at, expires_at FROM web_sessions WHERE session_sha256 = ?
        """
    static let deleteSession = "DELETE FROM web_sessions WHERE session_sha256 = ?"
    static let deleteUserSessions = "DELETE FROM web_sessions WHERE user_id = ?"

    static func sessionArguments(_ s: WebSession) -> [SQLValue] {
        [.text(s.idSHA256), .text(s.user.rawValue), .text(s.csrfToken), .instant(s.createdAt), .instant(s.expiresAt)]
    }

    static func decodeSession(_ values: [SQLValue]) throws -> WebSession {
        var r = reader(values, "web_sessions")
        let id = try r.text(), user = try r.text(), csrf = try r.text()
        return WebSession(idSHA256: id, user: try valid(UserID(user), user, "web_sessions"), csrfToken: csrf,
                          createdAt: try r.instant(), expiresAt: try r.instant())
    }

    /// The password hash of a `selectPassword` row; nil for none.
    static func decodePassword(_ values: [SQLValue]) -> String? {
        if case .text(let hash)? = values.first, !hash.isEmpty { return hash }
        return nil
    }

    static func workspaceArguments(_ w: Workspace, now: Instant) -> [SQLValue] {
        [.text(w.id.rawValue), .text(w.name), .instant(now)]
    }

    static func clientArguments(_ c: Client, now: Instant) -> [SQLValue] {
        [.text(c.id.rawValue), .text(c.workspace.rawValue), .text(c.name), .instant(now)]
    }

    static func grantArguments(_ g: Grant) -> [SQLValue] {
        [.text(g.user.rawValue), .text(g.target.kind), .text(g.target.id), .raw(g.role)]
    }

    static func decodeWorkspace(_ values: [SQLValue]) throws -> Workspace {
        var r = reader(values, "workspaces")
        let id = try r.text(), name = try r.text()
        return Workspace(id: try valid(WorkspaceID(id), id, "workspaces"), name: name)
    }

    static func decodeClient(_ values: [SQLValue]) throws -> Client {
        var r = reader(values, "clients")
        let id = try r.text(), workspace = try r.text(), name = try r.text()
        return Client(id: try valid(ClientID(id), id, "clients"), workspace: try valid(WorkspaceID(workspace), workspace, "clients"), name: name)
    }

    static func decodeUser(_ values: [SQLValue]) throws -> User {
        var r = reader(values, "users")
        let id = try r.text(), workspace = try r.text(), name = try r.text()
        let disabled = try r.optionalInstant(), expires = try r.optionalInstant()
        return User(id: try valid(UserID(id), id, "users"), workspace: try valid(WorkspaceID(workspace), workspace, "users"), name: name,
                    disabledAt: disabled, tokenExpiresAt: expires)
    }

    static func decodeGrant(_ values: [SQLValue]) throws -> Grant {
        var r = reader(values, "grants")
        let user = try r.text(), kind = try r.text(), id = try r.text()
        let role = try r.value(Role.self)
        return Grant(user: try valid(UserID(user), user, "grants"), target: try valid(Grant.Target(kind: kind, id: id), "\(kind) \(id)", "grants"), role: role)
    }

    /// The statements (with arguments) that save `user`, new or existing. A new user needs a token hash.
    static func saveUser(_ user: User, tokenSHA256: String?, exists: Bool, now: Instant) throws -> [(sql: String, arguments: [SQLValue])] {
        if exists {
            var statements: [(sql: String, arguments: [SQLValue])] = [
                (renameUser, [.text(user.name), .instant(user.disabledAt), .instant(user.tokenExpiresAt), .text(user.id.rawValue)]),
            ]
            if let tokenSHA256 { statements.append((setToken, [.text(tokenSHA256), .text(user.id.rawValue)])) }
            return statements
        }
        guard let tokenSHA256 else {
            throw StorageError(.database, "The new user \(user.id) needs a token; create users with `storeops user add`.")
        }
        return [(insertUser, [.text(user.id.rawValue), .text(user.workspace.rawValue), .text(user.name), .text(tokenSHA256), .instant(now),
                              .instant(user.disabledAt), .instant(user.tokenExpiresAt)])]
    }

    private static func reader(_ values: [SQLValue], _ table: String) -> RowReader {
        RowReader(values: values, store: "directory", currency: .cny, table: table)
    }

    private static func valid<T>(_ value: T?, _ text: String, _ table: String) throws -> T {
        guard let value else { throw StorageError(.corruptRow, "The \(table) table holds an invalid id: \(text).") }
        return value
    }
}
