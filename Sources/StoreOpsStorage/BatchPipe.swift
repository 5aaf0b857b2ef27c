import Foundation
import StoreOpsCore

/// Runs a synchronous `FactBatchSource` on its own thread and hands its batches to an async consumer, at most
/// `depth` batches ahead: parsing and writing overlap on two cores while memory stays bounded. An error on either
/// side stops both.
final class BatchPipe: @unchecked Sendable {
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var stopped = false

    /// The consumer stopped before the source finished.
    struct Stopped: Error {}

    init(depth: Int = 2) {
        slots = DispatchSemaphore(value: depth)
    }

    /// Calls `body` with every batch of `source` in order; returns when the source is exhausted.
    func run(_ source: any FactBatchSource, _ body: (FactBatch) async throws -> Void) async throws {
        let (stream, continuation) = AsyncThrowingStream<FactBatch, any Error>.makeStream()
        let thread = Thread { [self] in
            do {
                try source.forEachBatch { batch in
                    slots.wait()
                    if isStopped { throw Stopped() }
                    continuation.yield(batch)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
        do {
            for try await batch in stream {
                slots.signal()
                try await body(batch)
            }
        } catch {
            stop()
            // Drain so that the producer finishes before the caller's transaction ends.
            do { for try await _ in stream { slots.signal() } } catch {}
            throw error
        }
    }

    private var isStopped: Bool {
        lock.lock(); defer { lock.unlock() }
        return stopped
    }

    private func stop() {
        lock.lock(); stopped = true; lock.unlock()
        slots.signal()
    }
}
