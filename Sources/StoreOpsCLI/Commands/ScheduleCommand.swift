import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices
import StoreOpsStorage

/// `storeops schedule set|list|remove|run-now`: when each store's morning routine runs by itself.
struct ScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule", abstract: "When a store's morning routine runs by itself: inbox, checks, briefing to its chat channels.",
        discussion: """
            `storeops serve` runs the due schedules every 30 s; without a server, run `storeops run-due` from cron \
            (e.g. every 5 minutes). Each store runs once per store-local day, at or after its time.
            """,
        subcommands: [Set.self, List.self, Remove.self, RunNow.self])

    /// The service over `storage`, sending through the chat channels.
    static func service(_ storage: any StoreOpsStore) throws -> ScheduleService {
        let environment = Environment.current
        return ScheduleService(storage: storage, notify: try NotifyCommand.service(storage), clock: environment.clock,
                               base: environment.baseURL, build: environment.build)
    }

    static func print(_ outcome: ScheduleService.Outcome) {
        Console.out("\(outcome.store) \(outcome.day?.iso ?? "—")\n" + outcome.lines.map { "  \($0)\n" }.joined())
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Set a store's schedule (time and inbox folder).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: "The time of day in the store's time zone, HH:MM (default 09:00).") var at: String?
        @Option(help: "The folder exports are dropped into for this store (done/ and rejected/ are made in it); empty for none.")
        var inbox: String?
        @Flag(inversion: .prefixedNo, help: "Push the day's urgent findings (sold-out hero item, refund about to time out, complaint deadline) as they are found.")
        var alerts: Bool?

        func run() async throws {
            try await global.withStorage { storage in
                let schedule = try await ScheduleCommand.service(storage).set(store: try parseStoreID(store), at: at, inbox: inbox,
                                                                              alerts: alerts)
                Console.out(global.language.pick(
                    "\(store) 每天 \(schedule.time)（店铺时区）自动运行" + (schedule.inbox.map { "，收件文件夹 \($0)" } ?? "")
                        + (schedule.alerts ? "，紧急发现即时推送" : "") + "。\n",
                    "\(store) runs every day at \(schedule.time) (store time)" + (schedule.inbox.map { ", inbox \($0)" } ?? "")
                        + (schedule.alerts ? ", urgent findings pushed as found" : "") + ".\n"))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Every schedule with its latest run.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await global.withStorage { storage in
                let l = global.language
                let lines = try await ScheduleCommand.service(storage).list()
                guard !lines.isEmpty else { return Console.out(l.pick("没有定时任务。\n", "No schedules.\n")) }
                let rows = lines.map { line in
                    [line.store.id.rawValue, line.schedule.time, line.store.timeZone.identifier, line.schedule.inbox ?? "—",
                     line.last.map { "\($0.day.iso) \($0.status.rawValue)" } ?? "—"]
                }
                Console.out(TextTable.render(header: [l.pick("店铺", "Store"), l.pick("时间", "Time"), l.pick("时区", "Time zone"),
                                                      l.pick("收件文件夹", "Inbox"), l.pick("最近一次", "Last run")], rows: rows))
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Stop a store's schedule.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String

        func run() async throws {
            try await global.withStorage { storage in
                try await ScheduleCommand.service(storage).remove(store: try parseStoreID(store))
                Console.out(global.language.pick("已停止 \(store) 的定时任务。\n", "Stopped the schedule of \(store).\n"))
            }
        }
    }

    struct RunNow: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run-now", abstract: "Run a store's routine now (messages already sent for the day are not sent again).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String

        func run() async throws {
            try await global.withStorage { storage in
                ScheduleCommand.print(try await ScheduleCommand.service(storage).runNow(store: try parseStoreID(store)))
            }
        }
    }
}
