import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops report weekly|monthly|period`: every master-table figure over a week, a month or any range of days,
/// against the period before and the same days a year earlier.
struct PeriodReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "period",
        abstract: "A week's, month's or any period's report (周报, 月报): --week, --month, or --from and --to.",
        discussion:
            "The figures are the sums of the days' master-table rows, rates of the sums; a figure a day lacks is "
            + "unknown for the period, with the first day that lacks it.",
        aliases: ["weekly", "monthly"])

    @OptionGroup var global: GlobalOptions
    @Option(help: "The store id.") var store: String?
    @Option(help: "Or a client: its stores together and each one (text or json).") var client: String?
    @Option(help: ArgumentHelp("An ISO week.", valueName: "YYYY-Www")) var week: String?
    @Option(help: ArgumentHelp("A month.", valueName: "YYYY-MM")) var month: String?
    @Option(help: ArgumentHelp("First day.", valueName: "YYYY-MM-DD")) var from: Day?
    @Option(help: ArgumentHelp("Last day.", valueName: "YYYY-MM-DD")) var to: Day?
    @Option(help: "text, json, csv, xlsx or html.") var format: BriefingFormat = .text
    @Option(help: ArgumentHelp("Write to this file instead of standard output (needed for xlsx).", valueName: "file"))
    var out: String?

    func validate() throws {
        guard (store == nil) != (client == nil) else { throw ValidationError("Give --store or --client.") }
        if client != nil, format != .text, format != .json { throw ValidationError("A client's report is text or json.") }
        let given = [week != nil, month != nil, from != nil || to != nil].filter { $0 }.count
        guard given == 1 else {
            throw ValidationError("Give one of --week 2026-W48, --month 2026-11, or --from and --to.")
        }
        if from != nil || to != nil {
            guard let from, let to else { throw ValidationError("--from and --to go together.") }
            guard from <= to else { throw ValidationError("--from \(from.iso) is after --to \(to.iso).") }
        }
    }

    func run() async throws {
        try await global.withStorage { storage in
            let service = PeriodReportService(storage: storage, clock: Environment.current.clock)
            if let client {
                guard let found = try await storage.clients().first(where: { $0.id.rawValue == client }) else {
                    throw ValidationError(global.language.pick("没有客户 \(client)（storeops client list）。", "There is no client \(client) (storeops client list)."))
                }
                let report = try await service.client(found, week: week, month: month, days: from.flatMap { f in to.flatMap { DayRange(f, $0) } })
                switch format {
                case .json: try emit(ClientPeriodReportRenderer.json(report), to: out)
                default: try emit(ClientPeriodReportRenderer.text(report, language: global.language), to: out)
                }
                return
            }
            let id = try parseStoreID(store!)
            let report: PeriodReport
            if let week {
                report = try await service.week(store: id, week)
            } else if let month {
                report = try await service.month(store: id, month)
            } else {
                report = try await service.period(store: id, days: DayRange(from!, to!)!)
            }
            switch format {
            case .text: try emit(PeriodReportRenderer.text(report, language: global.language), to: out)
            case .json: try emit(PeriodReportRenderer.json(report), to: out)
            case .csv: try emit(PeriodReportRenderer.csv(report), to: out)
            case .xlsx: try emit(try PeriodReportRenderer.xlsx(report), to: out, format: "xlsx")
            case .html: try emit(PeriodReportHTMLRenderer(language: global.language).render(report), to: out)
            }
        }
    }
}
