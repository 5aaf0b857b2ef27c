import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops goal set|list`: a person's monthly goals.
struct GoalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goal", abstract: "A person's monthly goals (落实到每个人): set, list.",
        subcommands: [Set.self, List.self])

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set a person's goal on one figure for a month (replaces the same figure's).",
            discussion: """
                Figures: gmv, net_profit, ad_spend (a budget: less is better), roas (3.5), ctr and conversion_rate \
                (2.5% or 0.025) of the store; inquiry_conversion (60%) and response_seconds (less is better) of the \
                person's own customer-service account. Example: storeops goal set --store s --person 阿杰 --month \
                2026-11 --metric roas --target 3.5 --weight 60
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: "The person's name.") var person: String
        @Option(help: ArgumentHelp("The month.", valueName: "YYYY-MM")) var month: String
        @Option(help: "The figure.") var metric: GoalMetricOption
        @Option(help: "The target, in the figure's unit.") var target: String
        @Option(help: "Its weight in the score (0-100).") var weight: Int = 50

        func run() async throws {
            try await global.withStorage { storage in
                let store = try parseStoreID(store)
                let goal = try await StaffService(storage: storage)
                    .setGoal(
                        store: store, person: person, month: month, metric: metric.value, target: target, weight: weight
                    )
                let currency = try await storage.requireStore(store).currency
                let shown = goal.metric.display(Double(goal.target), currency: currency, scaled: true)
                Console.print(
                    global.language.pick(
                        "已设定 \(goal.person) \(month) 的\(goal.metric.label(.zh))目标 \(shown)（权重 \(goal.weight)）",
                        "Set \(goal.person)'s \(goal.metric.label(.en)) goal for \(month): \(shown) (weight \(goal.weight))"
                    ))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The goals of a month (or all).")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: ArgumentHelp("The month.", valueName: "YYYY-MM")) var month: String?

        func run() async throws {
            let l = global.language
            try await global.withStorage { storage in
                let id = try parseStoreID(store)
                let first = try month.map { text -> Day in
                    guard let day = Day(iso: text + "-01") else {
                        throw ValidationError("--month must be like 2026-11.")
                    }
                    return day
                }
                let goals = try await StaffService(storage: storage).goals(store: id, month: first)
                guard !goals.isEmpty else { return Console.print(l.pick("没有目标", "No goals")) }
                let currency = try await storage.requireStore(id).currency
                Console.out(
                    TextTable.render(
                        header: [
                            l.pick("月份", "Month"), l.pick("人员", "Person"), l.pick("指标", "Figure"),
                            l.pick("目标", "Target"),
                            l.pick("权重", "Weight"),
                        ],
                        rows: goals.map {
                            [
                                String($0.month.iso.prefix(7)), $0.person, $0.metric.label(l),
                                $0.metric.display(Double($0.target), currency: currency, scaled: true),
                                String($0.weight),
                            ]
                        }))
            }
        }
    }
}

/// `--metric` of a goal or rule.
enum GoalMetricOption: String, ExpressibleByArgument, CaseIterable {
    case gmv, net_profit, ad_spend, roas, ctr, conversion_rate, inquiry_conversion, response_seconds
    var value: GoalMetric { GoalMetric(rawValue: rawValue)! }
}
