import Foundation
import StoreOpsCore
import StoreOpsStorage

/// Builds the demo store through the doors a user has: the store, its costs and targets as the commands set them, and
/// every fact as a file (`DemoFiles`) imported by `ImportService`, as `storeops import` would.
public struct DemoService: Sendable {
    let storage: any StoreOpsStore
    let clock: @Sendable () -> Instant

    public init(storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant) {
        self.storage = storage
        self.clock = clock
    }

    /// What a build made: the generated data, the names of its files in import order and the rows their imports wrote.
    public struct Build: Sendable {
        public let data: DemoData
        public let files: [String]
        public let rowsImported: Int
    }

    /// Generates the scenario, writes its files (into `directory`, kept; else a temporary folder, removed) and
    /// imports them, replacing any earlier facts of the demo store.
    @discardableResult
    public func build(_ scenario: DemoScenario, filesIn directory: URL? = nil) async throws -> Build {
        guard (15...3_700).contains(scenario.days) else {
            throw ServiceError(
                .invalidInput,
                "--days must be between 15 and 3700 (the daily report compares with the week before); "
                    + "got \(scenario.days)."
            )
        }
        let data = DemoGenerator(scenario).generate()
        let store = data.store
        _ = try await StoreService(storage: storage).add(
            id: store.id.rawValue, name: store.name, platform: store.platform.rawValue,
            currency: store.currency.code, timeZone: store.timeZone.identifier)
        try await storage.removeFacts(of: store.id)
        let c = data.costs
        try await CostService(storage: storage).set(
            store: store.id, commissionPercent: Money.decimalString(minor: c.commissionPPM, digits: 4),
            paymentFeePercent: Money.decimalString(minor: c.paymentFeePPM, digits: 4),
            shippingPerOrder: c.shippingPerOrder?.decimalString ?? "",
            otherDailyCost: c.otherDailyCost?.decimalString ?? "")
        for target in data.batch.targets {
            try await TargetService(storage: storage).set(
                store: store.id, period: target.periodName, gmv: target.gmv.decimalString,
                profit: target.profit?.decimalString,
                adBudget: target.adBudget?.decimalString, spread: target.spread)
        }
        let folder =
            directory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("storeops-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if directory == nil { try? FileManager.default.removeItem(at: folder) } }
        let imports = ImportService(storage: storage, clock: clock)
        var rows = 0
        var names: [String] = []
        var readme = DemoService.readmeHeader + DemoService.commands(data).joined(separator: "\n") + "\n"
        for make in DemoFiles.files(of: data, start: scenario.start) {
            for file in make() {
                readme += try DemoService.write(file, to: folder) + "\n"
                names.append(file.name)
                let mapping = file.mappingName.map { folder.appendingPathComponent($0) }
                let report = try await imports.importFile(
                    folder.appendingPathComponent(file.name), store: store.id,
                    options: ImportOptions(kind: file.kind, mapping: mapping, date: file.date))
                guard report.status == .imported, report.errorCount == 0 else {
                    let first = report.diagnostics.first.map { ": \($0)" } ?? ""
                    throw ServiceError(
                        .invalidInput,
                        "The demo's \(file.name) did not import (\(report.status.rawValue), "
                            + "\(report.errorCount) errors)\(first)")
                }
                rows += report.rowsImported
            }
        }
        for line in try await buildTeamAndPlan(data, scenario: scenario) { readme += line + "\n" }
        try Data(readme.utf8).write(to: folder.appendingPathComponent("README.txt"))
        return Build(data: data, files: names, rowsImported: rows)
    }

    static let readmeHeader =
        "StoreOps demo store: the commands and files it was built from, in order.\n"
        + "演示店铺的建店命令和数据文件（按顺序）。Run them for a store of your own (STORE: its id):\n\n"

    /// The commands that set up the store, its costs and its targets, as the demo ran them.
    static func commands(_ data: DemoData) -> [String] {
        let s = data.store
        let c = data.costs
        var lines = [
            "storeops store add --id STORE --name \(s.name) --platform \(s.platform.rawValue) "
                + "--currency \(s.currency.code) --timezone \(s.timeZone.identifier)"
        ]
        var costs =
            "storeops costs set --store STORE --commission \(Money.decimalString(minor: c.commissionPPM, digits: 4)) "
            + "--payment-fee \(Money.decimalString(minor: c.paymentFeePPM, digits: 4))"
        if let shipping = c.shippingPerOrder { costs += " --shipping-per-order \(shipping.decimalString)" }
        if let other = c.otherDailyCost { costs += " --other-daily-cost \(other.decimalString)" }
        lines.append(costs)
        for t in data.batch.targets {
            var line = "storeops target set --store STORE --period \(t.periodName) --gmv \(t.gmv.decimalString)"
            if let profit = t.profit { line += " --profit \(profit.decimalString)" }
            if let budget = t.adBudget { line += " --ad-budget \(budget.decimalString)" }
            lines.append(line + " --spread \(t.spread.rawValue)")
        }
        return lines
    }

    /// Writes a file and its mapping file; returns the command that imports it.
    static func write(_ file: DemoFile, to folder: URL) throws -> String {
        try Data(file.text.utf8).write(to: folder.appendingPathComponent(file.name))
        var command = "storeops import \(file.name) --store STORE"
        if let kind = file.kind { command += " --kind \(kind)" }
        if let name = file.mappingName, let mapping = file.mapping {
            try Data(mapping.utf8).write(to: folder.appendingPathComponent(name))
            command += " --mapping \(name)"
        }
        if let date = file.date { command += " --date \(date.iso)" }
        return command
    }
}
