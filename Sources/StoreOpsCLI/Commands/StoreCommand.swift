import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops store add|list`.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Add and list stores.", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a store, or update one with the same id.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Store id: lower-case letters, digits, - and _ (e.g. acme-tmall).") var id: String
        @Option(help: "The store's name as the team calls it.") var name: String
        @Option(help: ArgumentHelp("taobao, tmall, jd, pdd, douyin, shopify, amazon or other.", valueName: "platform")) var platform: String
        @Option(help: "ISO 4217 currency of the store's money.") var currency: String = "CNY"
        @Option(help: "IANA time zone that defines the store's days.") var timezone: String = "Asia/Shanghai"

        func run() async throws {
            try await global.withStorage { storage in
                let store = try await StoreService(storage: storage).add(id: id, name: name, platform: platform, currency: currency, timeZone: timezone)
                Console.print(global.language.pick("已保存店铺 \(store.id) (\(store.name))", "Saved store \(store.id) (\(store.name))"))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the stores.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "text or json.") var format: ReportFormat = .text

        func run() async throws {
            try await global.withStorage { storage in
                let stores = try await StoreService(storage: storage).list()
                switch format {
                case .json:
                    Console.out(StoreListRenderer.json(stores))
                case .text:
                    Console.out(StoreListRenderer.text(stores, language: global.language))
                }
            }
        }
    }
}
