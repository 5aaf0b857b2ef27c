import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops table`: the master table of a range of days.
struct TableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table", abstract: "Export the master table (总表), one row per day.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var range: DayRangeOptions
    @Option(help: "csv, json or xlsx.") var format: TableFormat = .csv
    @Option(help: ArgumentHelp("Write to this file instead of standard output (needed for xlsx).", valueName: "file")) var out: String?

    func run() async throws {
        try await global.withStorage { storage in
            let (store, rows) = try await ReportService(storage: storage, clock: Environment.current.clock)
                .masterTable(store: try range.storeID(), days: range.days)
            switch format {
            case .csv: try emit(MasterTableCSVRenderer().render(store: store, rows: rows), to: out)
            case .json: try emit(MasterTableJSON.render(store: store, rows: rows), to: out)
            case .xlsx: try emit(try MasterTableXLSX.render(store: store, rows: rows), to: out, format: "xlsx")
            }
        }
    }
}
