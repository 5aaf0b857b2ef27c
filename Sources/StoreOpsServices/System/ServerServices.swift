import Foundation
import StoreOpsCore
import StoreOpsStorage

/// What a server is built over: the use cases at the door (who is signed in, what they may reach) and the health
/// check, over one database the composition root opened. The server reaches data only through these.
public struct ServerServices: Sendable {
    public let access: AccessService
    public let health: HealthService
    public let clock: @Sendable () -> Instant

    public init(database: any StoreOpsDatabase,
                clock: @escaping @Sendable () -> Instant = { Instant(seconds: Int64(Date().timeIntervalSince1970)) }) {
        access = AccessService(database: database, clock: clock)
        health = HealthService(database: database)
        self.clock = clock
    }
}
