import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops activity add|list`: platform events and the store's own promotions (活动).
struct ActivityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity", abstract: "Activities (活动): platform events and own promotions: add, list, review.",
        subcommands: [Add.self, List.self, Review.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Record an activity and its days (an existing --id is replaced).",
            discussion: "Example: storeops activity add --store s --name 双12 --kind platform --from 2026-12-10 "
                + "--to 2026-12-12 --goal 300000")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: "Its name, e.g. 双12, 聚划算, 会员日.") var name: String
        @Option(help: "platform (a platform's event, 平台活动) or own (the store's promotion, 店铺自营).") var kind: KindOption
        @Option(help: ArgumentHelp("First day.", valueName: "YYYY-MM-DD")) var from: Day
        @Option(help: ArgumentHelp("Last day.", valueName: "YYYY-MM-DD")) var to: Day
        @Option(help: "planned, registered, running or ended (default: from today and its days).") var status: StatusOption?
        @Option(help: "GMV goal.") var goal: String?
        @Option(help: "What it costs (fees, discounts paid for).") var cost: String?
        @Option(help: "Its id (default: its name and first day).") var id: String?

        func run() async throws {
            try await global.withStorage { storage in
                let a = try await ActivityService(storage: storage, clock: Environment.current.clock)
                    .add(store: try parseStoreID(store), activity: id, name: name, kind: kind.value, start: from, end: to,
                         status: status?.value, gmvGoal: goal, cost: cost)
                Console.print(global.language.pick("已记录活动 \(a.name)（\(a.start.iso) 至 \(a.end.iso)）",
                                                   "Activity \(a.name) recorded (\(a.start.iso) to \(a.end.iso))"))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "The store's activities, or those running between --from and --to.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: ArgumentHelp("First day.", valueName: "YYYY-MM-DD")) var from: Day?
        @Option(help: ArgumentHelp("Last day (default: --from).", valueName: "YYYY-MM-DD")) var to: Day?

        func validate() throws {
            if to != nil && from == nil { throw ValidationError("--to needs --from.") }
            if let from, let to, from > to { throw ValidationError("--from \(from.iso) is after --to \(to.iso).") }
        }

        func run() async throws {
            try await global.withStorage { storage in
                let days = from.map { DayRange($0, to ?? $0)! }
                let activities = try await ActivityService(storage: storage, clock: Environment.current.clock)
                    .list(store: try parseStoreID(store), days: days)
                let l = global.language
                guard !activities.isEmpty else { return Console.print(l.pick("没有活动", "No activities")) }
                let rows = activities.map { a in
                    [a.id, a.name, a.kind.label(l), a.start.iso, a.end.iso, a.status.label(l), a.gmvGoal?.decimalString ?? "—",
                     a.cost?.decimalString ?? "—"]
                }
                Console.out(TextTable.render(header: [l.pick("编号", "Id"), l.pick("活动", "Activity"), l.pick("类型", "Kind"),
                                                      l.pick("开始", "From"), l.pick("结束", "To"), l.pick("状态", "Status"),
                                                      l.pick("目标GMV", "GMV goal"), l.pick("费用", "Cost")], rows: rows))
            }
        }
    }

    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Review an activity (活动复盘): the days before, during and after it, its goal, what sold.",
            discussion: "Each phase is as long as the activity; days still to come are left out.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: "text or json.") var format: ReviewFormat = .text
        @Argument(help: "The activity's id (storeops activity list shows them).") var id: String

        func run() async throws {
            try await global.withStorage { storage in
                let review = try await ActivityService(storage: storage, clock: Environment.current.clock)
                    .review(store: try parseStoreID(store), activity: id)
                switch format {
                case .text: Console.out(ActivityReviewRenderer.text(review, language: global.language))
                case .json: Console.out(ActivityReviewRenderer.json(review))
                }
            }
        }
    }

    /// `--format` of a review.
    enum ReviewFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    /// `--kind`: platform or own.
    enum KindOption: String, ExpressibleByArgument, CaseIterable {
        case platform, own
        var value: ActivityKind { self == .platform ? .platformEvent : .selfRun }
    }

    /// `--status`.
    enum StatusOption: String, ExpressibleByArgument, CaseIterable {
        case planned, registered, running, ended
        var value: ActivityStatus { ActivityStatus(rawValue: rawValue)! }
    }
}
