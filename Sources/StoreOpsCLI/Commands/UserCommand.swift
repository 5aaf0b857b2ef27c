import ArgumentParser
import Foundation
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops user add|token|passwd|disable|enable|grant|revoke`: the people of a workspace, their API tokens, workbench
/// passwords and roles (listed by
/// `storeops workspace list`).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Users of a workspace, their tokens and roles.",
        discussion: """
            Roles: viewer (reads), operator (also imports and edits targets and costs), admin (also creates stores \
            and manages the client). A role is given on the whole workspace, on one client (all its stores) or on \
            one store; a user reaches nothing else.
            """,
        subcommands: [Add.self, Token.self, Passwd.self, Disable.self, Enable.self, GrantRole.self, Revoke.self])

    /// The expiry `days` from now; nil for never.
    static func expiry(_ days: Int?) throws -> Instant? {
        guard let days else { return nil }
        guard (1...3_650).contains(days) else { throw ValidationError("--expires-in-days takes 1 to 3650 days.") }
        return Instant(seconds: Environment.current.clock().seconds + Int64(days) * 86_400)
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user and print their API token (shown once).")

        @OptionGroup var global: GlobalOptions
        @Option(help: "User id: lower-case letters, digits, - and _.") var id: String
        @Option(help: "The workspace the user works in.") var workspace: String
        @Option(help: "The user's name.") var name: String
        @Option(help: "The token stops working after this many days (default: never).") var expiresInDays: Int?
        @Flag(help: "Make the user admin of the whole workspace (the first user of a new workspace).") var admin = false

        func run() async throws {
            let expiry = try UserCommand.expiry(expiresInDays)
            try await global.withStorage { database in
                let access = AccessService(database: database)
                let (user, token) = try await access.addUser(id: id, workspace: workspace, name: name, tokenExpiresAt: expiry)
                if admin { try await access.grant(user: id, role: .admin, on: .workspace(user.workspace)) }
                Console.note(global.language.pick("已添加用户 \(user.id); 令牌只显示这一次:", "Added user \(user.id); the token is shown this once:"))
                Console.out(token + "\n")
            }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd", abstract: "Set a user's password for the web workbench (ends their signed-in sessions).",
            discussion: "Asks for the password twice on a terminal; otherwise reads it from the first line of standard input.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The user id.") var id: String

        func run() async throws {
            let l = global.language
            let password: String
            if isatty(STDIN_FILENO) == 1 {
                let first = try PasswordPrompt.read(l.pick("新密码: ", "New password: "))
                guard try PasswordPrompt.read(l.pick("再输入一次: ", "Once more: ")) == first else {
                    throw ValidationError(l.pick("两次输入的密码不一致。", "The two passwords differ."))
                }
                password = first
            } else {
                password = readLine(strippingNewline: true) ?? ""
            }
            try await global.withStorage { database in
                try await AccessService(database: database).setPassword(user: id, password)
                Console.note(l.pick("已为 \(id) 设置密码。", "Set the password of \(id)."))
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "token", abstract: "Give a user a new API token (the old one stops working).")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The user id.") var id: String
        @Option(help: "The token stops working after this many days (default: never).") var expiresInDays: Int?

        func run() async throws {
            let expiry = try UserCommand.expiry(expiresInDays)
            try await global.withStorage { database in
                let token = try await AccessService(database: database).rotateToken(user: id, expiresAt: expiry)
                Console.out(token + "\n")
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "disable",
                                                        abstract: "Stop a user from signing in (their token and roles are kept).")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The user id.") var id: String

        func run() async throws {
            try await global.withStorage { database in
                try await AccessService(database: database, clock: Environment.current.clock).setDisabled(user: id, true)
                Console.print(global.language.pick("已停用用户 \(id)", "Disabled user \(id)"))
            }
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "enable", abstract: "Let a disabled user sign in again.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The user id.") var id: String

        func run() async throws {
            try await global.withStorage { database in
                try await AccessService(database: database, clock: Environment.current.clock).setDisabled(user: id, false)
                Console.print(global.language.pick("已启用用户 \(id)", "Enabled user \(id)"))
            }
        }
    }

    /// Where a role applies: exactly one of --workspace, --client, --store.
    struct TargetOptions: ParsableArguments {
        @Option(help: "On the whole workspace.") var workspace: String?
        @Option(help: "On one client and all its stores.") var client: String?
        @Option(help: "On one store.") var store: String?

        func validate() throws {
            guard [workspace, client, store].compactMap({ $0 }).count == 1 else {
                throw ValidationError("Give exactly one of --workspace, --client or --store.")
            }
        }

        var target: Grant.Target {
            get throws {
                let (kind, id) = workspace.map { ("workspace", $0) } ?? client.map { ("client", $0) } ?? ("store", store ?? "")
                guard let target = Grant.Target(kind: kind, id: id) else {
                    throw ValidationError("\"\(id)\" is not a valid \(kind) id: use lower-case letters, digits, - or _.")
                }
                return target
            }
        }
    }

    struct GrantRole: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "grant", abstract: "Give a user a role on a workspace, client or store.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The user id.") var id: String
        @Option(help: "viewer, operator or admin.") var role: RoleOption
        @OptionGroup var on: TargetOptions

        func run() async throws {
            try await global.withStorage { database in
                let grant = try await AccessService(database: database).grant(user: id, role: role.role, on: try on.target)
                Console.print(global.language.pick("\(grant.user) 现为 \(grant.target) 的 \(grant.role.rawValue)",
                                                   "\(grant.user) is now \(grant.role.rawValue) on \(grant.target)"))
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Take back a user's role on a workspace, client or store.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The user id.") var id: String
        @OptionGroup var on: TargetOptions

        func run() async throws {
            try await global.withStorage { database in
                let target = try on.target
                try await AccessService(database: database).revoke(user: id, on: target)
                Console.print(global.language.pick("已收回 \(id) 在 \(target) 的权限", "Revoked \(id)'s role on \(target)"))
            }
        }
    }
}

/// `--role` values.
enum RoleOption: String, ExpressibleByArgument, CaseIterable {
    case viewer, `operator`, admin
    var role: Role { Role(rawValue: rawValue)! }
}
