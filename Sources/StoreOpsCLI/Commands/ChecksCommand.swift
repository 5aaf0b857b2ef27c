import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops checks`: the morning checks of a store's day.
struct ChecksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checks", abstract: "Run the morning checks: after-sales, logistics, stock, page health, ads, service, reviews, competitors, listings.",
        discussion: """
        Findings are grouped by section and sorted by the money at stake; each has its numbers, advice and the role that acts on it. \
        They become tasks (storeops tasks list); running the checks again updates those tasks instead of adding more. \
        Thresholds: storeops settings get|set.
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The store id.") var store: String
    @Option(help: ArgumentHelp("The day checked (default: yesterday in the store's time zone).", valueName: "YYYY-MM-DD")) var date: Day?
    @Option(help: "text or json.") var format: ReportFormat = .text
    @Flag(name: .customLong("no-tasks"), help: "Only report; do not record the findings as tasks.") var noTasks = false

    func run() async throws {
        try await global.withStorage { storage in
            let report = try await CheckService(storage: storage, clock: Environment.current.clock).run(store: try parseStoreID(store), day: date, recordTasks: !noTasks)
            Console.out(format == .json ? CheckReportRenderer.json(report) : CheckReportRenderer.text(report, language: global.language))
        }
    }
}
