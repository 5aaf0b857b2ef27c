import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops kpi [show]|rule add|rule list`: staff KPIs of a month and customer-service reward and penalty rules.
struct KPICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpi", abstract: "Staff KPIs (绩效): each person's goals, tasks and score; customer service ranked.",
        subcommands: [Show.self, Rule.self], defaultSubcommand: Show.self)

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "The KPIs of a month, up to yesterday.",
            discussion: """
                Score = 100 x (Σ goal weight x attainment + tasks weight x on-time share) / Σ weights; a goal counts \
                up to 120 % attained; money targets are prorated while the month runs. Example: storeops kpi --store \
                s --month 2026-11
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: ArgumentHelp("The month.", valueName: "YYYY-MM")) var month: String
        @Option(help: "Only this person.") var person: String?
        @Option(help: "text or json.") var format: ReportFormat = .text

        func run() async throws {
            try await global.withStorage { storage in
                let report = try await KPIService(storage: storage, clock: Environment.current.clock)
                    .kpi(store: try parseStoreID(store), month: month, person: person)
                switch format {
                case .text: Console.out(KPIRenderer.text(report, language: global.language))
                case .json: Console.out(KPIRenderer.json(report))
                }
            }
        }
    }

    struct Rule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rule", abstract: "Customer-service reward and penalty rules (客服奖惩): add, list.",
            subcommands: [Add.self, List.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract: "Add a rule on an agent's month figure (same figure, side and threshold: replaced).",
                discussion:
                    "Examples: --metric inquiry_conversion --at-least 60% --amount 300; --metric response_seconds --at-most 15 --amount 100; "
                    + "--metric inquiry_conversion --at-most 40% --amount -200")

            @OptionGroup var global: GlobalOptions
            @Option(help: "The store id.") var store: String
            @Option(help: "inquiry_conversion or response_seconds.") var metric: GoalMetricOption
            @Option(name: .customLong("at-least"), help: "Applies when the figure is at least this.") var atLeast:
                String?
            @Option(name: .customLong("at-most"), help: "Applies when the figure is at most this.") var atMost: String?
            @Option(
                parsing: .unconditional, help: "A reward (positive) or penalty (negative), in the store's currency.")
            var amount: String

            func validate() throws {
                guard (atLeast == nil) != (atMost == nil) else {
                    throw ValidationError("Give one of --at-least or --at-most.")
                }
            }

            func run() async throws {
                try await global.withStorage { storage in
                    let rule = try await StaffService(storage: storage).addRule(
                        store: try parseStoreID(store), metric: metric.value,
                        comparison: atLeast != nil ? .atLeast : .atMost,
                        threshold: atLeast ?? atMost!, amount: amount)
                    Console.print(
                        global.language.pick(
                            "已添加规则: \(rule.metric.label(.zh)) \(rule.comparison == .atLeast ? "≥" : "≤") \(atLeast ?? atMost!) → \(rule.amount.groupedString)",
                            "Rule added: \(rule.metric.label(.en)) \(rule.comparison == .atLeast ? "≥" : "≤") \(atLeast ?? atMost!) → \(rule.amount.groupedString)"
                        ))
                }
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "The store's rules.")

            @OptionGroup var global: GlobalOptions
            @Option(help: "The store id.") var store: String

            func run() async throws {
                let l = global.language
                try await global.withStorage { storage in
                    let rules = try await StaffService(storage: storage).rules(store: try parseStoreID(store))
                    guard !rules.isEmpty else { return Console.print(l.pick("没有规则", "No rules")) }
                    Console.out(
                        TextTable.render(
                            header: [l.pick("指标", "Figure"), l.pick("条件", "When"), l.pick("金额", "Amount")],
                            rows: rules.map { r in
                                [
                                    r.metric.label(l),
                                    (r.comparison == .atLeast ? "≥ " : "≤ ")
                                        + r.metric.display(
                                            Double(r.threshold), currency: r.amount.currency, scaled: true),
                                    r.amount.groupedString,
                                ]
                            }))
                }
            }
        }
    }
}
