import Foundation
import StoreOpsCore

extension SQLiteStore: AgencyDirectory {
    public func saveWorkspace(_ workspace: Workspace) async throws {
        try await write { db in try SQLiteStore.execute(db, DirectorySQL.upsertWorkspace, DirectorySQL.workspaceArguments(workspace, now: .now)) }
    }

    public func workspaces() async throws -> [Workspace] {
        try await run { db in try SQLiteStore.query(db, DirectorySQL.selectWorkspaces, []).map(DirectorySQL.decodeWorkspace) }
    }

    public func saveClient(_ client: Client) async throws {
        try await write { db in try SQLiteStore.execute(db, DirectorySQL.upsertClient, DirectorySQL.clientArguments(client, now: .now)) }
    }

    public func clients() async throws -> [Client] {
        try await run { db in try SQLiteStore.query(db, DirectorySQL.selectClients, []).map(DirectorySQL.decodeClient) }
    }

    public func saveUser(_ user: User, tokenSHA256: String?) async throws {
        try await write { db in
            let exists = try !SQLiteStore.query(db, DirectorySQL.selectUser, [.text(user.id.rawValue)]).isEmpty
            for (sql, arguments) in try DirectorySQL.saveUser(user, tokenSHA256: tokenSHA256, exists: exists, now: .now) {
                try SQLiteStore.execute(db, sql, arguments)
            }
        }
    }

    public func users() async throws -> [User] {
        try await run { db in try SQLiteStore.query(db, DirectorySQL.selectUsers, []).map(DirectorySQL.decodeUser) }
    }

    public func user(tokenSHA256: String) async throws -> User? {
        try await run { db in try SQLiteStore.query(db, DirectorySQL.selectUserByToken, [.text(tokenSHA256)]).first.map(DirectorySQL.decodeUser) }
    }

    public func saveGrant(_ grant: Grant) async throws {
        try await write { db in try SQLiteStore.execute(db, DirectorySQL.upsertGrant, DirectorySQL.grantArguments(grant)) }
    }

    public func removeGrant(user: UserID, target: Grant.Target) async throws -> Bool {
        try await write { db in
            try SQLiteStore.execute(db, DirectorySQL.deleteGrant, [.text(user.rawValue), .text(target.kind), .text(target.id)])
            return db.changesCount > 0
        }
    }

    public func grants(user: UserID) async throws -> [Grant] {
        try await run { db in try SQLiteStore.query(db, DirectorySQL.selectGrants, [.text(user.rawValue)]).map(DirectorySQL.decodeGrant) }
    }

    public func setPasswordHash(user: UserID, _ hash: String?) async throws {
        try await updateUser(user, DirectorySQL.setPassword, [hash.map { .text($0) } ?? .null])
    }

    public func setToken(user: UserID, sha256: String, expiresAt: Instant?) async throws {
        try await updateUser(user, DirectorySQL.replaceToken, [.text(sha256), .instant(expiresAt)])
    }

    public func setDisabled(user: UserID, at: Instant?) async throws {
        try await updateUser(user, DirectorySQL.setDisabled, [.instant(at)])
    }

    /// Runs one update of a user's row (`arguments` then the user id); fails when there is no such user.
    private func updateUser(_ user: UserID, _ sql: String, _ arguments: [SQLValue]) async throws {
        try await write { db in
            try SQLiteStore.execute(db, sql, arguments + [.text(user.rawValue)])
            guard db.changesCount > 0 else { throw StorageError(.database, "There is no user \(user).") }
        }
    }

    public func passwordHash(user: UserID) async throws -> String? {
        try await run { db in try SQLiteStore.query(db, DirectorySQL.selectPassword, [.text(user.rawValue)]).first.flatMap(DirectorySQL.decodePassword) }
    }

    public func saveSession(_ session: WebSession) async throws {
        try await write { db in
            try SQLiteStore.execute(db, DirectorySQL.deleteEndedSessions, [.instant(session.createdAt)])
            try SQLiteStore.execute(db, DirectorySQL.insertSession, DirectorySQL.sessionArguments(session))
        }
    }

    public func session(idSHA256: String) async throws -> WebSession? {
        try await run { db in try SQLiteStore.query(db, DirectorySQL.selectSession, [.text(idSHA256)]).first.map(DirectorySQL.decodeSession) }
    }

    public func removeSession(idSHA256: String) async throws -> Bool {
        try await write { db in
            try SQLiteStore.execute(db, DirectorySQL.deleteSession, [.text(idSHA256)])
            return db.changesCount > 0
        }
    }

    public func removeSessions(user: UserID) async throws {
        try await write { db in try SQLiteStore.execute(db, DirectorySQL.deleteUserSessions, [.text(user.rawValue)]) }
    }
}
