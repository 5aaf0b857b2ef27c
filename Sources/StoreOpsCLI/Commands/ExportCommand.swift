import ArgumentParser
import Foundation
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops export`: one store, whole, as a portable archive.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write one store, with all its history and settings, to a portable archive file.",
        discussion: "The archive (JSON Lines) restores with `storeops restore` on SQLite or PostgreSQL at the same schema version.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The store id.") var store: String
    @Option(help: ArgumentHelp("The archive file to write.", valueName: "file.storeops.jsonl")) var out: String

    func run() async throws {
        try await global.withStorage { database in
            let summary = try await StoreArchiveService(database: database, clock: Environment.current.clock)
                .export(store: try parseStoreID(store), to: URL(fileURLWithPath: out))
            Console.print(global.language.pick("已导出店铺 \(summary.store): \(summary.tables) 张表, \(summary.rows) 行 → \(out)",
                                               "Exported store \(summary.store): \(summary.tables) tables, \(summary.rows) rows to \(out)"))
        }
    }
}
