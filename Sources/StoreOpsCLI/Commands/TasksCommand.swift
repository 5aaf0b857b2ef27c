import ArgumentParser
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// `storeops tasks list|done|assign`: the tasks the checks made, and the team's progress on them.
struct TasksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks", abstract: "Tasks made from the checks' findings: list, assign, close.", subcommands: [List.self, Done.self, Assign.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Open tasks by due date, then done ones (with whether the metric recovered).")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: "open or done (default: both).") var status: TaskStatusOption?
        @Option(help: "operator, ads, designer, service or content.") var role: TaskRoleOption?
        @Option(help: "text or json.") var format: ReportFormat = .text

        func run() async throws {
            try await global.withStorage { storage in
                let id = try parseStoreID(store)
                let storeValue = try await storage.requireStore(id)
                let tasks = try await TaskService(storage: storage, clock: Environment.current.clock).list(store: id, status: status?.value, role: role?.value)
                let today = storeValue.timeZone.day(of: Environment.current.clock())
                Console.out(format == .json ? TaskListRenderer.json(tasks) : TaskListRenderer.text(tasks, store: storeValue, today: today, language: global.language))
            }
        }
    }

    struct Done: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: "Close a task; the checks of the following week record whether its metric recovered.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Argument(help: "The task id (T12).") var task: String

        func run() async throws {
            try await global.withStorage { storage in
                let t = try await TaskService(storage: storage, clock: Environment.current.clock).close(store: try parseStoreID(store), task: task)
                Console.print(global.language.pick("任务 \(t.id) 已完成。", "Task \(t.id) done."))
            }
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "assign", abstract: "Give a task to a person (and optionally another role).")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Argument(help: "The task id (T12).") var task: String
        @Option(help: "Who does it.") var to: String
        @Option(help: "operator, ads, designer, service or content.") var role: TaskRoleOption?

        func run() async throws {
            try await global.withStorage { storage in
                let t = try await TaskService(storage: storage, clock: Environment.current.clock)
                    .assign(store: try parseStoreID(store), task: task, to: to, role: role?.value)
                Console.print(global.language.pick("任务 \(t.id) 已分配给 \(t.assignee ?? "")（\(t.role.label(.zh))）。",
                                                   "Task \(t.id) assigned to \(t.assignee ?? "") (\(t.role.label(.en)))."))
            }
        }
    }
}

enum TaskStatusOption: String, ExpressibleByArgument, CaseIterable {
    case open, done
    var value: TaskStatus { TaskStatus(rawValue: rawValue)! }
}

enum TaskRoleOption: String, ExpressibleByArgument, CaseIterable {
    case `operator`, ads, designer, service, content
    var value: TaskRole { TaskRole(rawValue: rawValue)! }
}
