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
        produce(source, deliver: { continuation.yield($0) }, finish: { error in
            if let error { continuation.finish(throwing: error) } else { continuation.finish() }
        })
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

    /// Calls `body` with every batch of `source` in order, on the calling thread, while the source runs on its own
    /// thread; returns when the source is exhausted and its thread has ended. For writers that are synchronous
    /// (SQLite's write runs on the database's own queue).
    /// `prepare` runs on the source's thread too: work on a batch that needs no database (encoding rows) is done
    /// there, off the writer's thread.
    func run<Prepared: Sendable>(_ source: any FactBatchSource, prepare: @escaping @Sendable (FactBatch) -> Prepared,
                                 _ body: (Prepared) throws -> Void) throws {
        let queue = Handoff<Prepared>()
        produce(source, deliver: { queue.put(prepare($0)) }, finish: queue.finish)
        do {
            while let batch = try queue.take() {
                slots.signal()
                try body(batch)
            }
        } catch {
            stop()
            // Wait for the producer, so that nothing of the source runs after the caller's transaction ends.
            while (try? queue.take()) != nil { slots.signal() }
            throw error
        }
    }

    /// Runs `source` on a thread of its own, handing each batch to `deliver` once a slot is free, and then its end
    /// (nil, or the error that stopped it) to `finish`.
    private func produce(_ source: any FactBatchSource, deliver: @escaping @Sendable (FactBatch) -> Void,
                         finish: @escaping @Sendable ((any Error)?) -> Void) {
        let thread = Thread { [self] in
            do {
                try source.forEachBatch { batch in
                    slots.wait()
                    if isStopped { throw Stopped() }
                    deliver(batch)
                }
                finish(nil)
            } catch {
                finish(error)
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Batches handed from the producer thread to the consumer; the lock orders everything the producer did
    /// before `finish` before what the consumer does after its last `take`.
    private final class Handoff<Batch: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var batches: [Batch] = []
        private var finished = false
        private var failure: (any Error)?

        func put(_ batch: Batch) {
            condition.lock()
            batches.append(batch)
            condition.signal()
            condition.unlock()
        }

        func finish(_ error: (any Error)?) {
            condition.lock()
            finished = true
            failure = error
            condition.signal()
            condition.unlock()
        }

        /// The next batch; nil when the producer finished; throws the producer's error.
        func take() throws -> Batch? {
            condition.lock()
            defer { condition.unlock() }
            while batches.isEmpty && !finished { condition.wait() }
            if !batches.isEmpty { return batches.removeFirst() }
            if let failure { throw failure }
            return nil
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
