import ArgumentParser
import StoreOpsReports
import StoreOpsStorage

/// `storeops backup`: an online copy of the SQLite database.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the SQLite database to a new file while StoreOps keeps running (VACUUM INTO).",
        discussion: "On PostgreSQL use the server's tools (pg_dump, or base backups with WAL archiving); for one store, `storeops export`.")

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The new database file to write.", valueName: "file")) var out: String

    func run() async throws {
        guard global.postgresURL == nil else {
            throw ValidationError("backup copies a SQLite database; for PostgreSQL use pg_dump (or `storeops export --store ID` for one store).")
        }
        let store = try SQLiteStore(path: global.databasePath())
        try await store.backup(to: out)
        Console.print(global.language.pick("已备份到 \(out)", "Backed up to \(out)"))
    }
}
