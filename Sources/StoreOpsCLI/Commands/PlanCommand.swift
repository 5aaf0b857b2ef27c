import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops plan set|show`: the year plan broken down to quarters, months, weeks and days.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Year plans: the year's target broken down to quarters, months, weeks and days.",
        subcommands: [Set.self, Show.self])

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Plan a year, or edit one period of the plan (the rest is re-spread).",
            discussion: """
                --year spreads the year by last year's curve (or the weekday rhythm) with event days (38节, 618, 双11, \
                双12) lifted as last year shows; it replaces the year's plan. --period edits a quarter (2027-Q4), a \
                month (2027-11) or an ISO week (2027-W45); --day an event day. A quarter or a month changes the \
                levels above by the difference and re-spreads only its own days; a week or a day keeps its month's \
                total and the month's other days take the rest.
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: "The year to plan.") var year: Int?
        @Option(help: ArgumentHelp("Or one period of the plan to edit.", valueName: "2027-Q4|2027-11|2027-W45"))
        var period: String?
        @Option(help: ArgumentHelp("Or one day with its own target.", valueName: "YYYY-MM-DD")) var day: Day?
        @Option(help: "GMV target, in the store's currency.") var gmv: String
        @Option(help: "Profit (net profit) target.") var profit: String?
        @Option(name: .customLong("ad-budget"), help: "Ad budget (total ad spend).") var adBudget: String?

        func validate() throws {
            guard [year != nil, period != nil, day != nil].filter({ $0 }).count == 1 else {
                throw ValidationError("Give one of --year YYYY, --period or --day YYYY-MM-DD.")
            }
        }

        func run() async throws {
            let l = global.language
            try await global.withStorage { storage in
                let plans = PlanService(storage: storage, clock: Environment.current.clock)
                let id = try parseStoreID(store)
                if let year {
                    let plan = try await plans.setYear(
                        store: id, year: year, gmv: gmv, profit: profit, adBudget: adBudget)
                    let curve =
                        plan.curve == .lastYear
                        ? l.pick("去年曲线", "last year's curve") : l.pick("星期节奏", "the weekday rhythm")
                    Console.print(
                        l.pick(
                            "已制定 \(year) 年计划: 支付金额 \(plan.year.gmv.groupedString)，按\(curve)分到月和日",
                            "Planned \(year): GMV \(plan.year.gmv.groupedString), spread by \(curve) over months and days"
                        ))
                    for event in plan.eventDays {
                        let name =
                            YearPlan.platformEvents.first {
                                $0.month == event.start.month && $0.day == event.start.dayOfMonth
                            }?.name ?? ""
                        Console.print(
                            l.pick(
                                "  活动日 \(event.start.iso) \(name): \(event.gmv.groupedString)",
                                "  Event day \(event.start.iso) \(name): \(event.gmv.groupedString)"))
                    }
                    for event in plan.eventsWithoutHistory {
                        Console.print(
                            l.pick(
                                "  \(event.name) 没有去年的数据，按普通日分摊；可用 --day 单独设定",
                                "  \(event.name) has no figure last year and is spread as an ordinary day; set it with --day"
                            ))
                    }
                } else {
                    let written = try await plans.edit(
                        store: id, period: period ?? day!.iso, gmv: gmv, profit: profit, adBudget: adBudget)
                    for target in written {
                        Console.print(
                            l.pick(
                                "已设置 \(target.periodName): 支付金额 \(target.gmv.groupedString)",
                                "Set \(target.periodName): GMV \(target.gmv.groupedString)"))
                    }
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "The year's plan by quarter, month (and week or day), with actual GMV so far.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: "The year.") var year: Int
        @Option(help: ArgumentHelp("Also list the days of this month.", valueName: "1-12")) var month: Int?
        @Flag(help: "Also list the ISO weeks.") var weeks = false
        @Option(help: "text or json.") var format: ReportFormat = .text

        func validate() throws {
            if let month, !(1...12).contains(month) { throw ValidationError("--month must be 1 to 12.") }
        }

        func run() async throws {
            try await global.withStorage { storage in
                let plan = try await PlanService(storage: storage, clock: Environment.current.clock)
                    .plan(store: try parseStoreID(store), year: year, month: month)
                switch format {
                case .text: Console.out(PlanRenderer.text(plan, weeks: weeks, language: global.language))
                case .json: Console.out(PlanRenderer.json(plan))
                }
            }
        }
    }
}
