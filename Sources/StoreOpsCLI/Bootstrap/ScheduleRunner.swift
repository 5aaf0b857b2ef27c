import Logging
import ServiceLifecycle
import StoreOpsServices

/// Runs the due schedules every `interval` inside `storeops serve`, until the server shuts down (a run under way
/// finishes its current step's await, and the next server takes over what it left, see `ScheduleService`).
struct ScheduleRunner: Service {
    let schedules: ScheduleService
    let interval: Duration
    let logger: Logger

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    for outcome in try await schedules.runDue() {
                        logger.info("schedule of \(outcome.store) for \(outcome.day.iso): \(outcome.lines.joined(separator: " | "))")
                    }
                } catch {
                    if Task.isCancelled { return }
                    logger.warning("schedules: \(error)")
                }
                // Cancelled on shutdown: the loop ends without an error, so the server drains on its own.
                try? await Task.sleep(for: interval)
            }
        }
    }
}
