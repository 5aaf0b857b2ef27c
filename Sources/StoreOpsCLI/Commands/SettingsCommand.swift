import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops settings get|set`: a store's check thresholds.
struct SettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "The thresholds of a store's checks (defaults from the domain guide).", subcommands: [Get.self, Set.self])

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get", abstract: "Show every threshold (or one) with its default; * marks the store's own values.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Argument(help: "One setting's name (default: all).") var name: String?

        func run() async throws {
            try await global.withStorage { storage in
                let entries = try await SettingsService(storage: storage).entries(store: try parseStoreID(store), name: name)
                let l = global.language
                let rows = entries.map { [($0.isOverridden ? "* " : "  ") + $0.name.rawValue, $0.value, $0.defaultValue, $0.name.unit.rawValue] }
                Console.out(TextTable.render(header: [l.pick("  名称", "  Name"), l.pick("当前值", "Value"), l.pick("默认值", "Default"), l.pick("类型", "Unit")],
                                             rows: rows))
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set",
            abstract: "Set a threshold for the store (the value \"default\" restores the default).",
            discussion: "Ratios take 1.5, 70% or 1/3; amounts are in the store's currency. Example: storeops settings set --store demo budget_hour 20")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Argument(help: "The setting's name (see `storeops settings get`).") var name: String
        @Argument(help: "The new value.") var value: String

        func run() async throws {
            try await global.withStorage { storage in
                let entry = try await SettingsService(storage: storage).set(store: try parseStoreID(store), name: name, value: value)
                Console.print(global.language.pick("\(entry.name.rawValue) = \(entry.value)（默认 \(entry.defaultValue)）",
                                                   "\(entry.name.rawValue) = \(entry.value) (default \(entry.defaultValue))"))
            }
        }
    }
}
