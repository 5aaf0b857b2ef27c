import ArgumentParser

/// `storeops`: the operations workbench for online stores, on the command line.
public struct StoreOpsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "storeops",
        abstract: "StoreOps: the daily operations workbench for online stores (运营工作台).",
        discussion: "Start with `storeops demo` to build a demo store and see its morning briefing.",
        version: "0.1.0",
        subcommands: [DemoCommand.self, MigrateCommand.self, StoreCommand.self, ImportCommand.self, NotifyCommand.self, ScheduleCommand.self, RunDueCommand.self,
                      ImportsCommand.self, TargetCommand.self, PlanCommand.self, PersonCommand.self, GoalCommand.self, KPICommand.self, CostsCommand.self, ReportCommand.self,
                      OverviewCommand.self, ChecksCommand.self, TasksCommand.self, SettingsCommand.self, ComplaintCommand.self,
                      PurchaseCommand.self, ProductCommand.self, ScoreCommand.self, ActivityCommand.self,
                      TableCommand.self, ExportCommand.self, RestoreCommand.self, BackupCommand.self,
                      WorkspaceCommand.self, ClientCommand.self, UserCommand.self, ServeCommand.self]
    )

    public init() {}

    /// Parses `arguments` (without the program name), runs the command and returns the exit code. Output
    /// goes to `Console`; help, usage mistakes and failures are reported there as ArgumentParser words them.
    public static func execute(_ arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { Console.print(message) } else { Console.note(message) }
            }
            return code.rawValue
        }
    }
}
