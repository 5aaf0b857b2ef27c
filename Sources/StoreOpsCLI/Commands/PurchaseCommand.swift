import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops purchase add|receive|list`: purchase orders and pre-sale arrivals, entered by hand.
struct PurchaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purchase", abstract: "Purchase orders and pre-sale arrivals (采购单, 预售到货): add, receive, list.",
        subcommands: [Add.self, Receive.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a purchase order; a pre-sale one is reported as it comes due, and when late.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: "The purchase order's id.") var id: String
        @Option(help: "The SKU code it brings.") var sku: String
        @Option(help: "Units ordered.") var quantity: Int
        @Option(help: ArgumentHelp("When it is expected in the warehouse.", valueName: "YYYY-MM-DD")) var expected: Day
        @Option(help: ArgumentHelp("When it was ordered (default: today).", valueName: "YYYY-MM-DD")) var ordered: Day?
        @Flag(help: "Its units are already sold as pre-sale (预售).") var presale = false

        func run() async throws {
            try await global.withStorage { storage in
                let po = try await PurchaseService(storage: storage, clock: Environment.current.clock)
                    .add(store: try parseStoreID(store), order: id, sku: sku, quantity: quantity, ordered: ordered,
                         expected: expected, presale: presale)
                Console.print(global.language.pick(
                    "已记录采购单 \(po.id)：\(po.skuID) × \(po.quantity)，预计 \(po.expectedOn.iso) 到货",
                    "Purchase order \(po.id) recorded: \(po.skuID) x \(po.quantity), expected \(po.expectedOn.iso)"))
            }
        }
    }

    struct Receive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "receive",
                                                        abstract: "Mark a purchase order received.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: ArgumentHelp("The day it arrived (default: today).", valueName: "YYYY-MM-DD")) var on: Day?
        @Argument(help: "The purchase order's id.") var id: String

        func run() async throws {
            try await global.withStorage { storage in
                let po = try await PurchaseService(storage: storage, clock: Environment.current.clock)
                    .receive(store: try parseStoreID(store), order: id, on: on)
                Console.print(global.language.pick("采购单 \(po.id) 已于 \(po.receivedOn!.iso) 入库",
                                                   "Purchase order \(po.id) received on \(po.receivedOn!.iso)"))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list",
                                                        abstract: "The store's purchase orders, open ones first.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String

        func run() async throws {
            try await global.withStorage { storage in
                let orders = try await PurchaseService(storage: storage, clock: Environment.current.clock)
                    .list(store: try parseStoreID(store))
                let l = global.language
                let rows = orders.map { po in
                    [po.id, po.skuID, String(po.quantity), po.orderedOn.iso, po.expectedOn.iso,
                     po.isPresale ? l.pick("是", "yes") : "",
                     po.receivedOn.map { l.pick("已入库 ", "received ") + $0.iso } ?? l.pick("在途", "open")]
                }
                let header = [l.pick("编号", "Id"), "SKU", l.pick("数量", "Units"), l.pick("下单", "Ordered"),
                              l.pick("预计到货", "Expected"), l.pick("预售", "Pre-sale"), l.pick("状态", "Status")]
                Console.out(TextTable.render(header: header, rows: rows))
            }
        }
    }
}
