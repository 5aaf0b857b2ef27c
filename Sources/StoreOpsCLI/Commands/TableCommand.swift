import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops table`: the master table of a range of days.
struct TableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table", abstract: "Export the master table (总表), one row per day.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The store id.") var store: String
    @Option(help: ArgumentHelp("First day.", valueName: "YYYY-MM-DD")) var from: Day
    @Option(help: ArgumentHelp("Last day.", valueName: "YYYY-MM-DD")) var to: Day
    @Option(help: "csv, json or xlsx.") var format: TableFormat = .csv
    @Option(help: ArgumentHelp("Write to this file instead of standard output (needed for xlsx).", valueName: "file")) var out: String?

    func validate() throws {
        guard from <= to else { throw ValidationError("--from \(from.iso) is after --to \(to.iso).") }
    }

    func run() async throws {
        try await global.withStorage { storage in
            let (store, rows) = try await ReportService(storage: storage, clock: Environment.current.clock)
                .masterTable(store: try parseStoreID(self.store), days: DayRange(from, to)!)
            switch format {
            case .csv: try emit(MasterTableCSVRenderer().render(store: store, rows: rows), to: out)
            case .json: try emit(MasterTableJSON.render(store: store, rows: rows), to: out)
            case .xlsx: try emit(try MasterTableXLSX.render(store: store, rows: rows), to: out, format: "xlsx")
            }
        }
    }
}
