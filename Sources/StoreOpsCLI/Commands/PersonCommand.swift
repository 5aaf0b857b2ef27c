import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops person add|list`: the store's team, whose goals and tasks make their KPIs.
struct PersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "The store's team (运营, 推广, 美工, 客服, 内容): add, list.",
        subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a person (or change one with the same name).",
            discussion: "Example: storeops person add --store s --name 小美 --role service --agent 棉麻时光:小美")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: "Their name; tasks assigned to it are theirs.") var name: String
        @Option(help: "operator, ads, designer, service or content.") var role: TaskRoleOption
        @Option(help: "Their nick in the customer-service exports (default: their name).") var agent: String?
        @Option(name: .customLong("tasks-weight"), help: "Weight of closing tasks on time in their score (0-100).")
        var tasksWeight: Int = Person.defaultTasksWeight

        func run() async throws {
            try await global.withStorage { storage in
                let p = try await StaffService(storage: storage)
                    .addPerson(
                        store: try parseStoreID(store), name: name, role: role.value, agent: agent,
                        tasksWeight: tasksWeight)
                Console.print(
                    global.language.pick(
                        "已添加 \(p.name)（\(p.role.label(.zh))）", "Added \(p.name) (\(p.role.label(.en)))"))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The store's people.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String

        func run() async throws {
            let l = global.language
            try await global.withStorage { storage in
                let people = try await StaffService(storage: storage).people(store: try parseStoreID(store))
                guard !people.isEmpty else { return Console.print(l.pick("没有人员", "No people")) }
                Console.out(
                    TextTable.render(
                        header: [
                            l.pick("姓名", "Name"), l.pick("岗位", "Role"), l.pick("客服账号", "Agent"),
                            l.pick("任务权重", "Tasks weight"),
                        ],
                        rows: people.map { [$0.name, $0.role.label(l), $0.agentName, String($0.tasksWeight)] }))
            }
        }
    }
}
