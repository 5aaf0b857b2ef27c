import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops client add`: an agency's client, whose stores are assigned with `storeops store assign`.
struct ClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client", abstract: "Add clients of a workspace (list them with `workspace list`).", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a client to a workspace, or rename one with the same id.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Client id: lower-case letters, digits, - and _ (unique across workspaces).") var id: String
        @Option(help: "The workspace the client belongs to.") var workspace: String
        @Option(help: "The client's name (brand or merchant).") var name: String

        func run() async throws {
            try await global.withStorage { database in
                let client = try await AccessService(database: database).addClient(id: id, workspace: workspace, name: name)
                Console.print(global.language.pick("已保存客户 \(client.id) (\(client.name)), 工作区 \(client.workspace)",
                                                   "Saved client \(client.id) (\(client.name)) in workspace \(client.workspace)"))
            }
        }
    }
}
