import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops costs show|set`: the cost settings behind profit.
struct CostsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costs", abstract: "Cost settings for profit: platform commission, payment fee, shipping, fixed daily costs.",
        discussion: "Unit costs of SKUs are imported (shopify-products, or any file mapped to the products kind).",
        subcommands: [Show.self, Set.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a store's cost settings.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String

        func run() async throws {
            try await global.withStorage { storage in
                            let id = try parseStoreID(store)
                _ = try await storage.requireStore(id)
                Console.out(CostsCommand.describe(try await storage.costSettings(store: id), language: global.language))
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Change a store's cost settings (options not given stay as they are).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: ArgumentHelp("Platform commission on GMV, in percent (Tmall 2-5).", valueName: "percent")) var commission: String?
        @Option(name: .customLong("payment-fee"), help: ArgumentHelp("Payment fee on GMV, in percent.", valueName: "percent")) var paymentFee: String?
        @Option(name: .customLong("shipping-per-order"), help: ArgumentHelp("Shipping cost per paid order; empty clears it.", valueName: "amount"))
        var shippingPerOrder: String?
        @Option(name: .customLong("other-daily-cost"), help: ArgumentHelp("Other fixed costs per day (rent, wages, tools); empty clears it.", valueName: "amount"))
        var otherDailyCost: String?
        @Option(name: .customLong("shipping-rule"), help: ArgumentHelp(
            "A shipping price by region and weight, REGION:MAX_GRAMS:COST (* for any); repeat for a price list, first fit wins. Replaces the list.",
            valueName: "rule"))
        var shippingRule: [String] = []
        @Flag(name: .customLong("clear-shipping-rules"), help: "Remove the shipping price list (the flat cost per order applies).")
        var clearShippingRules = false

        func run() async throws {
            try await global.withStorage { storage in
                let settings = try await CostService(storage: storage).set(
                    store: try parseStoreID(store), commissionPercent: commission, paymentFeePercent: paymentFee,
                    shippingPerOrder: shippingPerOrder, otherDailyCost: otherDailyCost,
                    shippingRules: clearShippingRules ? [] : (shippingRule.isEmpty ? nil : shippingRule))
                Console.out(CostsCommand.describe(settings, language: global.language))
            }
        }
    }

    static func describe(_ settings: CostSettings?, language l: Language) -> String {
        guard let s = settings else { return l.pick("未设置成本: 利润显示为无数据。用 `storeops costs set` 设置。\n", "No cost settings: profit shows as no data. Set them with `storeops costs set`.\n") }
        func pct(_ ppm: Int64) -> String { Money.decimalString(minor: ppm, digits: 4) + "%" }
        return [
            l.pick("平台扣点: ", "Commission: ") + pct(s.commissionPPM),
            l.pick("支付手续费: ", "Payment fee: ") + pct(s.paymentFeePPM),
            l.pick("每单发货成本: ", "Shipping per order: ") + (s.shippingPerOrder?.groupedString ?? l.pick("未设置", "not set")),
            l.pick("其他每日固定成本: ", "Other daily cost: ") + (s.otherDailyCost?.groupedString ?? l.pick("未设置", "not set")),
        ].joined(separator: "\n") + "\n" + s.shippingRules.map { rule in
            l.pick("运费规则: ", "Shipping rule: ") + (rule.region ?? l.pick("任意地区", "any region")) + " ≤ "
                + (rule.maxGrams.map { "\($0) g" } ?? l.pick("任意重量", "any weight")) + " → " + rule.cost.groupedString + "\n"
        }.joined()
    }
}
