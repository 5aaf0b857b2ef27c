import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops score set|list`: store scores (DSR) entered by hand, for the DSR check.
struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "Store scores (DSR: 描述相符, 服务态度, 物流服务): set a day's, list.",
        subcommands: [Set.self, List.self])

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Record a day's three store scores (replacing that day's).",
            discussion: "Example: storeops score set --store s --date 2026-12-01 --description 4.81 --service 4.83 "
                + "--logistics 4.80")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: ArgumentHelp("The day (default: yesterday in the store's time zone).", valueName: "YYYY-MM-DD"))
        var date: Day?
        @Option(help: "描述相符, 0-5.") var description: String
        @Option(help: "服务态度, 0-5.") var service: String
        @Option(help: "物流服务, 0-5.") var logistics: String

        func run() async throws {
            try await global.withStorage { storage in
                let score = try await ScoreService(storage: storage, clock: Environment.current.clock)
                    .set(store: try parseStoreID(store), day: date, description: description, service: service,
                         logistics: logistics)
                let (d, s, l) = (ScoreCommand.text(score.description), ScoreCommand.text(score.service),
                                 ScoreCommand.text(score.logistics))
                Console.print(global.language.pick("已记录 \(score.day.iso) 店铺评分：描述 \(d)，服务 \(s)，物流 \(l)",
                                                   "Store scores of \(score.day.iso) recorded: description \(d), "
                                                       + "service \(s), logistics \(l)"))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The store scores of a range of days.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var range: DayRangeOptions

        func run() async throws {
            try await global.withStorage { storage in
                let scores = try await ScoreService(storage: storage, clock: Environment.current.clock)
                    .list(store: try range.storeID(), days: range.days)
                let l = global.language
                guard !scores.isEmpty else { return Console.print(l.pick("这些天没有店铺评分", "No store scores on these days")) }
                let rows = scores.map { [$0.day.iso, ScoreCommand.text($0.description), ScoreCommand.text($0.service),
                                         ScoreCommand.text($0.logistics)] }
                Console.out(TextTable.render(header: [l.pick("日期", "Day"), l.pick("描述相符", "Description"),
                                                      l.pick("服务态度", "Service"), l.pick("物流服务", "Logistics")], rows: rows))
            }
        }
    }

    /// A score in ten-thousandths as written (48100 is 4.81).
    static func text(_ score: Int) -> String {
        var fraction = String(score % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.count > 2 && fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(score / 10_000).\(fraction)"
    }
}
