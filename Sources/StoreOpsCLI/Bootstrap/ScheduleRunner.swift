import Logging
import ServiceLifecycle
import StoreOpsServices

/// Runs the due schedules every `interval` inside `storeops serve`. On shutdown the pass under way stops between
/// stores (not mid-step), and the wait for the next pass ends at once.
struct ScheduleRunner: Service {
    let schedules: ScheduleService
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                for outcome in try await schedules.runDue(stop: { Task.isShuttingDownGracefully }) {
                    logger.info("schedule of \(outcome.store) for \(outcome.day?.iso ?? "—"): \(outcome.lines.joined(separator: " | "))")
                }
            } catch {
                if Task.isCancelled { return }
                logger.warning("schedules: \(error)")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
