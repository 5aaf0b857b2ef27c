import Foundation
import PostgresNIO
import StoreOpsCore

extension PostgresStore: AgencyDirectory {
    public func saveWorkspace(_ workspace: Workspace) async throws {
        try await transaction("save workspace \(workspace.id)") { c in
            try await c.run(DirectorySQL.upsertWorkspace, DirectorySQL.workspaceArguments(workspace, now: .now), logger: logger)
        }
    }

    public func workspaces() async throws -> [Workspace] {
        try await reading("list workspaces") { c in try await c.rows(DirectorySQL.selectWorkspaces, logger: logger).map(DirectorySQL.decodeWorkspace) }
    }

    public func saveClient(_ client: Client) async throws {
        try await transaction("save client \(client.id)") { c in
            try await c.run(DirectorySQL.upsertClient, DirectorySQL.clientArguments(client, now: .now), logger: logger)
        }
    }

    public func clients() async throws -> [Client] {
        try await reading("list clients") { c in try await c.rows(DirectorySQL.selectClients, logger: logger).map(DirectorySQL.decodeClient) }
    }

    public func saveUser(_ user: User, tokenSHA256: String?) async throws {
        try await transaction("save user \(user.id)") { c in
            let exists = try await !c.rows(DirectorySQL.selectUser, [.text(user.id.rawValue)], logger: logger).isEmpty
            for (sql, arguments) in try DirectorySQL.saveUser(user, tokenSHA256: tokenSHA256, exists: exists, now: .now) {
                try await c.run(sql, arguments, logger: logger)
            }
        }
    }

    public func users() async throws -> [User] {
        try await reading("list users") { c in try await c.rows(DirectorySQL.selectUsers, logger: logger).map(DirectorySQL.decodeUser) }
    }

    public func user(tokenSHA256: String) async throws -> User? {
        try await reading("look up a token") { c in
            try await c.rows(DirectorySQL.selectUserByToken, [.text(tokenSHA256)], logger: logger).first.map(DirectorySQL.decodeUser)
        }
    }

    public func saveGrant(_ grant: Grant) async throws {
        try await transaction("grant \(grant.role.rawValue) on \(grant.target) to \(grant.user)") { c in
            try await c.run(DirectorySQL.upsertGrant, DirectorySQL.grantArguments(grant), logger: logger)
        }
    }

    public func removeGrant(user: UserID, target: Grant.Target) async throws -> Bool {
        try await transaction("revoke a grant of \(user)") { c in
            let deleted = try await c.rows(DirectorySQL.deleteGrant + " RETURNING user_id", [.text(user.rawValue), .text(target.kind), .text(target.id)], logger: logger)
            return !deleted.isEmpty
        }
    }

    public func setPasswordHash(user: UserID, _ hash: String?) async throws {
        try await updateUser(user, "set the password of \(user)", DirectorySQL.setPassword, [hash.map { .text($0) } ?? .null])
    }

    public func setToken(user: UserID, sha256: String, expiresAt: Instant?) async throws {
        try await updateUser(user, "set the token of \(user)", DirectorySQL.replaceToken, [.text(sha256), .instant(expiresAt)])
    }

    public func setDisabled(user: UserID, at: Instant?) async throws {
        try await updateUser(user, "disable or enable \(user)", DirectorySQL.setDisabled, [.instant(at)])
    }

    /// Runs one update of a user's row (`arguments` then the user id); fails when there is no such user.
    private func updateUser(_ user: UserID, _ what: String, _ sql: String, _ arguments: [SQLValue]) async throws {
        try await transaction(what) { c in
            let changed = try await c.rows(sql + " RETURNING user_id", arguments + [.text(user.rawValue)], logger: logger)
            guard !changed.isEmpty else { throw StorageError(.database, "There is no user \(user).") }
        }
    }

    public func passwordHash(user: UserID) async throws -> String? {
        try await reading("read the password of \(user)") { c in
            try await c.rows(DirectorySQL.selectPassword, [.text(user.rawValue)], logger: logger).first.flatMap(DirectorySQL.decodePassword)
        }
    }

    public func saveSession(_ session: WebSession) async throws {
        try await transaction("save a session of \(session.user)") { c in
            try await c.run(DirectorySQL.deleteEndedSessions, [.instant(session.createdAt)], logger: logger)
            try await c.run(DirectorySQL.insertSession, DirectorySQL.sessionArguments(session), logger: logger)
        }
    }

    public func session(idSHA256: String) async throws -> WebSession? {
        try await reading("look up a session") { c in
            try await c.rows(DirectorySQL.selectSession, [.text(idSHA256)], logger: logger).first.map(DirectorySQL.decodeSession)
        }
    }

    public func removeSession(idSHA256: String) async throws -> Bool {
        try await transaction("end a session") { c in
            !(try await c.rows(DirectorySQL.deleteSession + " RETURNING user_id", [.text(idSHA256)], logger: logger).isEmpty)
        }
    }

    public func removeSessions(user: UserID) async throws {
        try await transaction("end the sessions of \(user)") { c in
            try await c.run(DirectorySQL.deleteUserSessions, [.text(user.rawValue)], logger: logger)
        }
    }

    public func grants(user: UserID) async throws -> [Grant] {
        try await reading("read the grants of \(user)") { c in
            try await c.rows(DirectorySQL.selectGrants, [.text(user.rawValue)], logger: logger).map(DirectorySQL.decodeGrant)
        }
    }
}
