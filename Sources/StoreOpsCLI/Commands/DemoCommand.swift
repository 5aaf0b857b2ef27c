import ArgumentParser
import Foundation
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops demo`: builds the demo store and prints its briefing for the last day.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a realistic demo store (id `demo`) and print yesterday's briefing.",
        discussion: "Deterministic: the same --seed and --end always give the same data. Rebuilding replaces the demo "
            + "store's facts. The store is built as a user builds one: every fact is a file (the platforms' exports and "
            + "the documented sheets) imported as storeops import imports it; --files keeps them.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Random seed; the same seed gives the same store.")
    var seed: UInt64 = 42

    @Option(help: "Days of history, ending on --end.")
    var days: Int = 180

    @Option(help: ArgumentHelp("The last day of data (default: yesterday, Asia/Shanghai).", valueName: "YYYY-MM-DD"))
    var end: Day?

    @Flag(help: "Leave out the injected problems (a store where every check passes).")
    var clean = false

    @Option(help: ArgumentHelp("Keep the files the store is built from in this folder (with a README of the commands).",
                               valueName: "DIR"))
    var files: String?

    func validate() throws {
        guard (15...3_700).contains(days) else { throw ValidationError("--days must be between 15 and 3700.") }
    }

    func run() async throws {
        try await global.withStorage(default: "./storeops-demo.sqlite") { storage in
            let environment = Environment.current
            let end = self.end ?? StoreTimeZone.shanghai.yesterday(now: environment.clock())
            let started = Date()
            let folder = files.map { URL(fileURLWithPath: $0, isDirectory: true) }
            let build = try await DemoService(storage: storage, clock: environment.clock)
                .build(DemoScenario(seed: seed, end: end, days: days, clean: clean), filesIn: folder)
            let data = build.data
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            let l = global.language
            let location = global.location(default: "./storeops-demo.sqlite")
            Console.note(l.pick(
                "已生成演示店铺 \(data.store.name) (demo): \(days) 天, \(data.batch.skus.count) 个SKU, "
                    + "\(data.batch.orders.count) 笔订单, 从 \(build.files.count) 个文件导入 \(build.rowsImported) 行, 用时 \(seconds) 秒 → \(location)",
                "Built demo store \(data.store.name) (demo): \(days) days, \(data.batch.skus.count) SKUs, "
                    + "\(data.batch.orders.count) orders, \(build.rowsImported) rows imported from \(build.files.count) files in \(seconds) s → \(location)"))
            if let files {
                Console.note(l.pick("数据文件和导入命令见 \(files)/README.txt",
                                    "The files and their import commands: \(files)/README.txt"))
            }
            let report = try await BriefingService(storage: storage, clock: environment.clock).briefing(store: data.store.id, day: end)
            Console.print(DailyReportTextRenderer(language: l).render(report))
            // What else the demo holds, as commands against the same database (a PostgreSQL URL is not repeated).
            let db = global.postgresURL == nil ? " --db \(location)" : ""
            let month = String(end.startOfMonth.adding(days: -1).iso.prefix(7))
            let next = ["report monthly --store demo --month \(month)", "kpi --store demo --month \(month)",
                        "plan show --store demo --year \(end.year + 1)", "activity list --store demo"]
                .map { "storeops \($0)\(db)" }
            Console.note(l.pick("接着看: ", "Next: ") + next.joined(separator: l.pick("；", "; ")))
        }
    }
}
