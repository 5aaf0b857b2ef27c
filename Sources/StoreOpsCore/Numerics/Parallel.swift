import Dispatch
import Synchronization

/// Two independent pure computations at once, on the machine's cores (the customer models' fits beside the customer
/// figures of a million orders): CPU work only, no I/O, both finished before it returns.
enum Parallel {
    static func both<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        let first = Mutex<A?>(nil), second = Mutex<B?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                let value = a()
                first.withLock { $0 = value }
            } else {
                let value = b()
                second.withLock { $0 = value }
            }
        }
        return (first.withLock { $0! }, second.withLock { $0! })
    }
}
