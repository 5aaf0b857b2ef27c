import Foundation
import StoreOpsCore

extension Instant {
    /// The current time, to the second.
    static var now: Instant { Instant(seconds: Int64(Date().timeIntervalSince1970)) }
}
