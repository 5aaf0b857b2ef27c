import ArgumentParser
import Foundation
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops restore`: a store archive back into a database, in one transaction.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Restore a store from an archive made by `storeops export`.",
        discussion: "All or nothing: a damaged or cut-off archive restores nothing. An existing store is refused unless --replace.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The archive file.", valueName: "file")) var file: String
    @Option(name: .customLong("as"), help: "Restore under this store id instead of the archived one.") var newID: String?
    @Option(help: "Put the restored store under this agency client.") var client: String?
    @Flag(help: "Overwrite the store if it exists (its current rows are deleted first).") var replace = false

    func run() async throws {
        let clientID = try client.map { text -> ClientID in
            guard let id = ClientID(text) else { throw ValidationError("\"\(text)\" is not a valid client id.") }
            return id
        }
        try await global.withStorage { database in
            let summary = try await StoreArchiveService(database: database, clock: Environment.current.clock)
                .restore(from: URL(fileURLWithPath: file), as: try newID.map(parseStoreID), client: clientID, replace: replace)
            Console.print(global.language.pick("已恢复店铺 \(summary.store): \(summary.tables) 张表, \(summary.rows) 行",
                                               "Restored store \(summary.store): \(summary.tables) tables, \(summary.rows) rows"))
        }
    }
}
