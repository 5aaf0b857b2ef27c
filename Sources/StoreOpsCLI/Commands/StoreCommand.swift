import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops store add|list|assign`.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Add, list and assign stores.", subcommands: [Add.self, List.self, Assign.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a store, or update one with the same id.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Store id: lower-case letters, digits, - and _ (e.g. acme-tmall).") var id: String
        @Option(help: "The store's name as the team calls it.") var name: String
        @Option(help: ArgumentHelp("taobao, tmall, jd, pdd, douyin, shopify, amazon or other.", valueName: "platform")) var platform: String
        @Option(help: "ISO 4217 currency of the store's money (default for mainland-China platforms: CNY; required for the others).")
        var currency: String?
        @Option(help: "IANA time zone that defines the store's days (default for mainland-China platforms: Asia/Shanghai; required for the others).")
        var timezone: String?
        @Option(help: "The agency client the store belongs to (see `storeops client add`).") var client: String?

        func run() async throws {
            try await global.withStorage { storage in
                var store = try await StoreService(storage: storage).add(id: id, name: name, platform: platform, currency: currency, timeZone: timezone)
                if let client { store = try await AccessService(database: storage).assign(store: id, to: client) }
                Console.print(global.language.pick("已保存店铺 \(store.id) (\(store.name))", "Saved store \(store.id) (\(store.name))"))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the stores.")

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

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "assign", abstract: "Put a store under an agency client (or under none).")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: "The client id.") var client: String?
        @Flag(help: "Take the store out of its client.") var none = false

        func validate() throws {
            guard (client != nil) != none else { throw ValidationError("Give either --client CLIENT or --none.") }
        }

        func run() async throws {
            try await global.withStorage { database in
                let saved = try await AccessService(database: database).assign(store: store, to: client)
                Console.print(global.language.pick("店铺 \(saved.id) 归属客户: \(saved.client?.rawValue ?? "无")",
                                                   "Store \(saved.id) now belongs to client \(saved.client?.rawValue ?? "(none)")"))
            }
        }
    }
}
