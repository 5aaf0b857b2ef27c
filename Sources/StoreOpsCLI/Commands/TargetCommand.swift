import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops target set`.
struct TargetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "target", abstract: "Sales targets.", subcommands: [Set.self])

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set",
            abstract: "Set the target of a month (or year, quarter, week); it is spread over the days for daily attainment.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: ArgumentHelp("The month.", valueName: "YYYY-MM")) var month: String?
        @Option(help: ArgumentHelp("Or a quarter (2026-Q4), an ISO week (2026-W47) or a year (2026).", valueName: "period")) var period: String?
        @Option(help: ArgumentHelp("Or an event day with its own target (双11); the month's rest is spread over its other days.", valueName: "YYYY-MM-DD"))
        var day: Day?
        @Option(help: "GMV target, in the store's currency.") var gmv: String
        @Option(help: "Profit target.") var profit: String?
        @Option(name: .customLong("ad-budget"), help: "Ads budget.") var adBudget: String?
        @Option(help: "How the target is spread over the days: even, weekday (by past weekday rhythm) or last-year.") var spread: String = "weekday"

        func validate() throws {
            guard [month != nil, period != nil, day != nil].filter({ $0 }).count == 1 else {
                throw ValidationError("Give one of --month YYYY-MM, --period or --day YYYY-MM-DD.")
            }
            guard Target.Spread(rawValue: spread) != nil else { throw ValidationError("--spread must be even, weekday or last-year.") }
        }

        func run() async throws {
            try await global.withStorage { storage in
                let target = try await TargetService(storage: storage)
                    .set(store: try parseStoreID(store), period: month ?? period ?? day!.iso, gmv: gmv, profit: profit, adBudget: adBudget, spread: Target.Spread(rawValue: spread)!)
                Console.print(global.language.pick("已设置目标 \(target.start.iso) 至 \(target.end.iso): 支付金额 \(target.gmv.groupedString) (\(target.spread.rawValue))",
                                                   "Target set for \(target.start.iso) to \(target.end.iso): GMV \(target.gmv.groupedString) (\(target.spread.rawValue))"))
            }
        }
    }
}
