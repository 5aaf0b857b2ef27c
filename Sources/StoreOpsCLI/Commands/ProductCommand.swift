import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops product set|list`: hero items, lead times and safety days per SKU, set by hand.
struct ProductCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product", abstract: "Hero items, lead times and safety days per SKU (主推款, 交期, 安全天数): set, list.",
        subcommands: [Set.self, List.self])

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set a SKU's hero flag, lead time or safety days; what is not given keeps its earlier setting.",
            discussion: "A store that flags no hero item has its heroes found by sales (the setting hero_gmv_share).")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: "The SKU code, as the order lines and stock name it.") var sku: String
        @Flag(inversion: .prefixedNo, help: "A hero item (主推款): its item is watched for selling out and page health.")
        var hero: Bool?
        @Option(help: "Days from ordering to sellable stock (0-365).") var leadDays: Int?
        @Option(help: "Days of cover kept on top of the lead time (0-365; default: the store's safety_days).")
        var safetyDays: Int?

        func run() async throws {
            try await global.withStorage { storage in
                let setting = try await ProductSettingsService(storage: storage)
                    .set(store: try parseStoreID(store), sku: sku, hero: hero, leadDays: leadDays, safetyDays: safetyDays)
                Console.print(ProductCommand.describe(setting, global.language))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The SKUs with settings.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String

        func run() async throws {
            try await global.withStorage { storage in
                let settings = try await ProductSettingsService(storage: storage).list(store: try parseStoreID(store))
                let l = global.language
                guard !settings.isEmpty else {
                    return Console.print(l.pick("还没有 SKU 设置（用 storeops product set 设置）",
                                                "No SKU settings yet (storeops product set sets them)"))
                }
                let rows = settings.map { s in
                    ["\(s.skuID)", s.isHero.map { $0 ? l.pick("是", "yes") : l.pick("否", "no") } ?? "—",
                     s.leadTimeDays.map(String.init) ?? "—", s.safetyDays.map(String.init) ?? "—"]
                }
                Console.out(TextTable.render(header: ["SKU", l.pick("主推款", "Hero"), l.pick("交期天数", "Lead days"),
                                                      l.pick("安全天数", "Safety days")], rows: rows))
            }
        }
    }

    /// One line on what a SKU's settings now are (— for unsaid: the store's defaults apply).
    static func describe(_ s: SKUSetting, _ l: Language) -> String {
        let hero = s.isHero.map { $0 ? l.pick("主推款", "hero item") : l.pick("非主推款", "not a hero item") }
            ?? l.pick("主推款未设置", "hero not set")
        let lead = s.leadTimeDays.map { l.pick("交期 \($0) 天", "lead time \($0) days") } ?? l.pick("交期用默认值", "default lead time")
        let safety = s.safetyDays.map { l.pick("安全天数 \($0)", "safety days \($0)") } ?? l.pick("安全天数用默认值", "default safety days")
        return l.pick("SKU \(s.skuID)：\(hero)，\(lead)，\(safety)", "SKU \(s.skuID): \(hero), \(lead), \(safety)")
    }
}
