import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops overview`: every store (of a workspace or a client) on one screen, what needs attention first.
struct OverviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Every store on one screen (代运营总览): GMV, target pacing, profit, the day's findings; what needs attention first.",
        discussion: """
            Sorted by critical findings, then money at stake, then the month furthest behind its target. A store's \
            line of a day that is over is kept in the database and read back until the store's data or the program \
            changes.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only the stores of this workspace's clients.") var workspace: String?
    @Option(help: "Only this client's stores.") var client: String?
    @Option(help: ArgumentHelp("The day (default: yesterday in each store's time zone).", valueName: "YYYY-MM-DD")) var date: Day?
    @Option(help: "text or json.") var format: Format = .text
    @Flag(help: "Compute every line again instead of reading the lines kept from earlier runs.") var fresh = false

    /// `--format`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func validate() throws {
        if workspace != nil && client != nil { throw ValidationError("Give --workspace or --client, not both.") }
    }

    func run() async throws {
        try await global.withStorage { storage in
            var stores = try await storage.stores()
            if let client {
                stores = stores.filter { $0.client?.rawValue == client }
            } else if let workspace {
                let clients = Set(try await storage.clients().filter { $0.workspace.rawValue == workspace }.map(\.id))
                stores = stores.filter { $0.client.map(clients.contains) ?? false }
            }
            let environment = Environment.current
            let lines = try await OverviewService(storage: storage, clock: environment.clock, build: environment.build)
                .overview(of: stores, day: date, fresh: fresh)
            switch format {
            case .text: Console.out(OverviewRenderer.text(lines, language: global.language))
            case .json: Console.out(OverviewRenderer.json(lines))
            }
        }
    }
}
