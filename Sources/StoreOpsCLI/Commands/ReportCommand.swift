import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops report daily`.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports of a store.", subcommands: [Daily.self])

    struct Daily: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The master-table row of a day beside the day before and the same weekday last week.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: ArgumentHelp("The day (default: yesterday in the store's time zone).", valueName: "YYYY-MM-DD")) var date: Day?
        @Option(help: "text or json.") var format: ReportFormat = .text

        func run() async throws {
            let storeID = try parseStoreID(store)
            let service = ReportService(storage: try global.openStorage(), clock: Environment.current.clock)
            let report = try await service.dailyReport(store: storeID, day: date)
            switch format {
            case .text: Console.out(DailyReportTextRenderer(language: global.language).render(report))
            case .json: Console.out(DailyReportJSONRenderer().render(report))
            }
        }
    }
}

/// A store id from the command line, or an error that says what ids look like.
func parseStoreID(_ text: String) throws -> StoreID {
    guard let id = StoreID(text) else {
        throw ValidationError("\"\(text)\" is not a store id: ids are lower-case letters, digits, - and _. List them with `storeops store list`.")
    }
    return id
}
