import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops report daily`, `storeops report skus`, `storeops report customers`.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports of a store.",
        subcommands: [Daily.self, PeriodReportCommand.self, SKUs.self, Customers.self])

    struct SKUs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "skus", abstract: "The SKU ranking (商品排行): units and revenue per SKU of the orders paid in a range of days.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var range: DayRangeOptions
        @Option(help: "text, csv or json.") var format: SKUReportFormat = .text
        @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var out: String?

        func run() async throws {
            try await global.withStorage { storage in
                let report = try await ReportService(storage: storage, clock: Environment.current.clock)
                    .skuSales(store: try range.storeID(), days: range.days)
                switch format {
                case .text: try emit(SKUSalesRenderer.text(report, language: global.language), to: out)
                case .csv: try emit(SKUSalesRenderer.csv(report), to: out)
                case .json: try emit(SKUSalesRenderer.json(report), to: out)
                }
            }
        }
    }

    struct Customers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "customers",
            abstract: "New and returning buyers, repurchase, cohorts, lifetime value and RFM segments (客户分析).",
            discussion: """
                text and html show the summaries; json has everything, with every customer (customer, frequency, recency, T, \
                monetary_value, segment); csv and xlsx are the customer list for the platform's CRM tools.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var range: DayRangeOptions
        @Option(help: "Group buyers by the month or the ISO week of their first purchase.") var cohort: CohortGrain = .month
        @Option(help: ArgumentHelp("List only the customers of this segment: \(CustomerSegment.allCases.map(\.rawValue).joined(separator: ", ")).",
                                   valueName: "segment")) var segment: CustomerSegment?
        @Option(help: "text, json, csv, xlsx or html.") var format: BriefingFormat = .text
        @Option(help: ArgumentHelp("Write to this file instead of standard output (needed for xlsx).", valueName: "file")) var out: String?

        func run() async throws {
            try await global.withStorage { storage in
                let report = try await CustomerService(storage: storage)
                    .report(store: try range.storeID(), days: range.days, grain: cohort, segment: segment)
                switch format {
                case .text: try emit(CustomerReportRenderer.text(report, language: global.language), to: out)
                case .json: try emit(CustomerReportRenderer.json(report), to: out)
                case .csv: try emit(CustomerReportRenderer.csv(report), to: out)
                case .xlsx: try emit(try CustomerReportRenderer.xlsx(report), to: out, format: "xlsx")
                case .html: try emit(CustomerReportHTMLRenderer(language: global.language).render(report), to: out)
                }
            }
        }
    }

    struct Daily: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "daily",
            abstract: "The master-table row of a day beside the day before and the same weekday last week.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: ArgumentHelp("The day (default: yesterday in the store's time zone).", valueName: "YYYY-MM-DD")) var date: Day?
        @Option(help: ArgumentHelp("What the day is compared with for the why: last-week, 7d or a day.", valueName: "last-week|7d|YYYY-MM-DD"))
        var baseline: String = "last-week"
        @Option(help: "text, json, csv, xlsx or html.") var format: BriefingFormat = .text
        @Option(help: ArgumentHelp("Write to this file instead of standard output (needed for xlsx).", valueName: "file")) var out: String?

        func validate() throws { _ = try parseBaseline(baseline) }

        func run() async throws {
            try await global.withStorage { storage in
                let storeID = try parseStoreID(store)
                let service = BriefingService(storage: storage, clock: Environment.current.clock)
                let report = try await service.briefing(store: storeID, day: date, baseline: try parseBaseline(baseline))
                switch format {
                case .text: try emit(DailyReportTextRenderer(language: global.language).render(report), to: out)
                case .json: try emit(DailyReportJSONRenderer(language: global.language).render(report), to: out)
                case .html: try emit(DailyReportHTMLRenderer(language: global.language).render(report), to: out)
                case .csv: try emit(MasterTableCSVRenderer().render(store: report.store, rows: [report.row, report.previousDay, report.lastWeek]), to: out)
                case .xlsx:
                    try emit(try MasterTableXLSX.render(store: report.store, rows: [report.row, report.previousDay, report.lastWeek]), to: out, format: "xlsx")
                }
            }
        }
    }
}

/// `--baseline` values.
func parseBaseline(_ text: String) throws -> WhyAnalysis.Baseline {
    switch text {
    case "last-week": return .lastWeek
    case "7d": return .trailing7
    default:
        guard let day = Day(iso: text) else { throw ValidationError("--baseline must be last-week, 7d or a day YYYY-MM-DD; got \"\(text)\".") }
        return .day(day)
    }
}

/// A store id from the command line, or an error that says what ids look like.
func parseStoreID(_ text: String) throws -> StoreID {
    guard let id = StoreID(text) else {
        throw ValidationError("\"\(text)\" is not a store id: ids are lower-case letters, digits, - and _. List them with `storeops store list`.")
    }
    return id
}

extension CohortGrain: ExpressibleByArgument {}
extension CustomerSegment: ExpressibleByArgument {}
