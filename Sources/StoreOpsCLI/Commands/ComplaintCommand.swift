import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops complaint add|resolve|list`: complaints and penalty points, entered by hand for the after-sales check.
struct ComplaintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complaint", abstract: "Complaints and penalty points (投诉/违规扣分): add, resolve, list.",
        subcommands: [Add.self, Resolve.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a complaint; the checks report it until it is resolved, critical near its deadline.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: "The complaint's id (the platform's number).") var id: String
        @Option(help: "What it is about, e.g. 延迟发货 or 描述不符.") var kind: String
        @Option(help: "The order it concerns.") var order: String?
        @Option(help: "Penalty points at stake.") var points: Int = 0
        @Option(help: ArgumentHelp("When it was opened, store time (default: now).", valueName: "YYYY-MM-DD HH:MM"))
        var opened: String?
        @Option(help: ArgumentHelp("The deadline to respond or appeal, store time.", valueName: "YYYY-MM-DD HH:MM"))
        var due: String?

        func run() async throws {
            try await global.withStorage { storage in
                let c = try await ComplaintService(storage: storage, clock: Environment.current.clock)
                    .add(store: try parseStoreID(store), complaint: id, order: order, kind: kind, points: points,
                         openedAt: opened, dueAt: due)
                Console.print(global.language.pick("已记录投诉 \(c.id)（\(c.kind)，\(c.penaltyPoints) 分）",
                                                   "Complaint \(c.id) recorded (\(c.kind), \(c.penaltyPoints) points)"))
            }
        }
    }

    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resolve", abstract: "Mark a complaint resolved.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Argument(help: "The complaint's id.") var id: String

        func run() async throws {
            try await global.withStorage { storage in
                let c = try await ComplaintService(storage: storage, clock: Environment.current.clock)
                    .resolve(store: try parseStoreID(store), complaint: id)
                Console.print(global.language.pick("投诉 \(c.id) 已处理", "Complaint \(c.id) resolved"))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list",
                                                        abstract: "The store's complaints, open ones first.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String

        func run() async throws {
            try await global.withStorage { storage in
                let id = try parseStoreID(store)
                let zone = try await storage.requireStore(id).timeZone
                let service = ComplaintService(storage: storage, clock: Environment.current.clock)
                let complaints = try await service.list(store: id)
                let l = global.language
                let rows = complaints.map { c in
                    [c.id, c.kind, c.orderID ?? "—", String(c.penaltyPoints), Self.local(c.openedAt, zone),
                     c.dueAt.map { Self.local($0, zone) } ?? "—", c.resolved ? l.pick("已处理", "resolved") : l.pick("待处理", "open")]
                }
                let header = [l.pick("编号", "Id"), l.pick("类型", "Kind"), l.pick("订单", "Order"), l.pick("扣分", "Points"),
                              l.pick("发起", "Opened"), l.pick("截止", "Due"), l.pick("状态", "Status")]
                Console.out(TextTable.render(header: header, rows: rows))
            }
        }

        /// `YYYY-MM-DD HH:MM` in the store's time zone.
        static func local(_ instant: Instant, _ zone: StoreTimeZone) -> String {
            let second = Int((instant.seconds + Int64(zone.utcOffset(at: instant))) % 86_400 + 86_400) % 86_400
            let hh = second / 3600, mm = second / 60 % 60
            return zone.day(of: instant).iso + " " + (hh < 10 ? "0" : "") + "\(hh):" + (mm < 10 ? "0" : "") + "\(mm)"
        }
    }
}
