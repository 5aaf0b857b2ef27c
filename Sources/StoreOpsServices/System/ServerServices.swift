import Foundation
import StoreOpsCore
import StoreOpsStorage

/// What a server is built over: the use cases at the door (who is signed in, what they may reach) and the health
/// check, over one database the composition root opened, and what messages to chat apps need (the key sealing the
/// robots' addresses, the transports, the workbench's own address for links). The server reaches data only
/// through these.
public struct ServerServices: Sendable {
    public let access: AccessService
    public let health: HealthService
    public let clock: @Sendable () -> Instant
    public let secrets: SecretBox
    /// How messages reach chat apps; nil when this server sends none.
    public let transport: (any WebhookTransport)?
    /// How e-mail leaves; nil when this server sends none.
    public let mailer: (any MailTransport)?
    public let baseURL: String?
    /// Hosts chat robots may be at besides the apps' own.
    public let webhookHosts: Set<String>
    /// The program's build, under which computed values are kept in the database (`KeptReport`); nil keeps none.
    public let build: String?

    public init(database: any StoreOpsDatabase,
                clock: @escaping @Sendable () -> Instant = { Instant(seconds: Int64(Date().timeIntervalSince1970)) },
                secrets: SecretBox = .none, transport: (any WebhookTransport)? = nil,
                mailer: (any MailTransport)? = nil, baseURL: String? = nil,
                webhookHosts: Set<String> = [], build: String? = nil) {
        access = AccessService(database: database, clock: clock)
        health = HealthService(database: database)
        self.clock = clock
        self.secrets = secrets
        self.transport = transport
        self.mailer = mailer
        self.baseURL = baseURL
        self.webhookHosts = webhookHosts
        self.build = build
    }
}
