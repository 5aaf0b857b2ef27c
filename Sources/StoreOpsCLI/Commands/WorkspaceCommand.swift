import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops workspace add|list`: agencies (代运营) and single businesses at the top of the directory.
struct WorkspaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workspace", abstract: "Add and list workspaces (an agency or one business).", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a workspace, or rename one with the same id.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Workspace id: lower-case letters, digits, - and _.") var id: String
        @Option(help: "The workspace's name.") var name: String

        func run() async throws {
            try await global.withStorage { database in
                let workspace = try await AccessService(database: database).addWorkspace(id: id, name: name)
                Console.print(global.language.pick("已保存工作区 \(workspace.id) (\(workspace.name))", "Saved workspace \(workspace.id) (\(workspace.name))"))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List workspaces with their clients and stores.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "text or json.") var format: ReportFormat = .text

        func run() async throws {
            try await global.withStorage { database in
                let directory = try await AccessService(database: database).directory()
                Console.out(format == .json ? DirectoryListing.json(directory) : DirectoryListing.text(directory, language: global.language))
            }
        }
    }
}
