import ArgumentParser
import StoreOpsServices

/// `storeops run-due`: one pass of the schedules, for cron when no server runs them.
struct RunDueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-due", abstract: "Run every store's schedule that is due and has not run today (for cron).")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await global.withStorage { storage in
            let outcomes = try await ScheduleCommand.service(storage).runDue()
            for outcome in outcomes { ScheduleCommand.print(outcome) }
            if outcomes.isEmpty { Console.out(global.language.pick("没有到时的任务。\n", "Nothing due.\n")) }
        }
    }
}
