import ArgumentParser
import StoreOpsCore
import StoreOpsDelivery
import StoreOpsReports
import StoreOpsServices
import StoreOpsStorage

/// `storeops notify add|list|remove|test|log`: a store's channels (DingTalk, WeCom, Feishu/Lark and Slack robots,
/// e-mail) and the messages sent to them.
struct NotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify", abstract: "A store's channels (DingTalk, WeCom, Feishu/Lark, Slack robots; e-mail) and their messages.",
        discussion: """
            Robots' addresses, mail servers and secrets are sealed in the database with STOREOPS_SECRET_KEY (32 random bytes, e.g. \
            `openssl rand -hex 32`); set the same key wherever StoreOps runs. STOREOPS_BASE_URL (the workbench's address) \
            adds a link to each message.
            """,
        subcommands: [Add.self, List.self, Remove.self, Test.self, Log.self])

    /// The service over `storage`, with the key from the environment, HTTPS and SMTP (`mailer`, or one trusting the
    /// environment's STOREOPS_SMTP_CA_FILE); without `sending`, no mail transport (nor its certificates) is made.
    static func service(_ storage: any StoreOpsStore, sending: Bool = true,
                        mailer: (any MailTransport)? = nil) throws -> NotifyService {
        let environment = Environment.current
        return NotifyService(storage: storage, secrets: try SecretBox(keyText: environment.secretKey),
                             transport: HTTPWebhookTransport(), mailer: sending ? try mailer ?? Self.mailer() : nil,
                             clock: environment.clock, extraHosts: environment.webhookHosts)
    }

    /// SMTP trusting the system's certificate authorities and STOREOPS_SMTP_CA_FILE's.
    static func mailer() throws -> SMTPMailTransport { try SMTPMailTransport(caFile: Environment.current.smtpCAFile) }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add (or replace) a chat robot or an e-mail channel of a store.",
            discussion: """
                A robot: --channel dingtalk|wecom|feishu|slack --url WEBHOOK [--secret SEC…] [--keyword WORD]. \
                E-mail: --channel email --smtp HOST[:PORT] --user ACCOUNT --to a@example.com,b@example.com \
                [--from SENDER] --secret - (the password, read from standard input); port 465 speaks TLS, others \
                STARTTLS. --url smtp://USER@HOST:587?from=…&to=… (or smtps://…:465) says the same in one address.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: "The channel's name, e.g. boss-group.") var name: String
        @Option(help: "dingtalk, wecom, feishu, slack or email.") var channel: String
        @Option(help: "The robot's webhook address (from the group's robot settings), or a mail server's smtp:// address.") var url: String?
        @Option(help: "The robot's signing secret (DingTalk SEC…, Feishu), or the mail account's password; - reads it from standard input.")
        var secret: String?
        @Option(help: "The keyword the robot requires in messages, when set.") var keyword: String?
        @Option(name: .customLong("message-lang"), help: "The messages' language: zh or en.") var messageLang = "zh"
        @Option(help: ArgumentHelp("E-mail: the mail server, e.g. smtp.exmail.qq.com:465.", valueName: "host[:port]")) var smtp: String?
        @Option(help: "E-mail: the account that signs in to the mail server.") var user: String?
        @Option(help: "E-mail: the sender's address (default: the account).") var from: String?
        @Option(help: "E-mail: the recipients, comma-separated.") var to: String?

        func run() async throws {
            guard let kind = NotifyChannel.Kind(rawValue: channel.lowercased()) else {
                throw ValidationError("--channel must be dingtalk, wecom, feishu, slack or email.")
            }
            guard let language = Language(rawValue: messageLang) else { throw ValidationError("--message-lang must be zh or en.") }
            let address = try self.address(kind)
            let secret = secret == "-" ? readLine(strippingNewline: true) ?? "" : secret
            try await global.withStorage { storage in
                let added = try await NotifyCommand.service(storage, sending: false).add(
                    store: try parseStoreID(store), id: name, kind: kind, url: address, secret: secret, keyword: keyword, language: language)
                let l = global.language
                Console.out(l.pick("已添加 \(added.id)（\(kind.title)，\(added.maskedURL)）。用 `storeops notify test --store \(store)` 试发。\n",
                                   "Added \(added.id) (\(kind.title), \(added.maskedURL)). Try it: `storeops notify test --store \(store)`.\n"))
            }
        }

        /// The webhook's or mail server's address: `--url`, or for e-mail one made of `--smtp`, `--user`, `--from`, `--to`.
        func address(_ kind: NotifyChannel.Kind) throws -> String {
            let mailOptions = [smtp, user, from, to].contains { $0 != nil }
            if let url {
                guard !mailOptions else { throw ValidationError("Give either --url or --smtp/--user/--from/--to, not both.") }
                return url
            }
            guard kind == .email else { throw ValidationError("--url: the robot's webhook address is needed.") }
            guard let smtp, let to else { throw ValidationError("E-mail needs --smtp HOST[:PORT] and --to (or --url smtp://…).") }
            var host = Substring(smtp), port: Int?
            if let colon = smtp.lastIndex(of: ":"), !smtp.hasSuffix("]") {
                guard let number = Int(smtp[smtp.index(after: colon)...]) else { throw ValidationError("--smtp \(smtp): the port must be a number.") }
                (host, port) = (smtp[..<colon], number)
            }
            do {
                return try MailServer(security: port == 465 ? .tls : .starttls, host: String(host), port: port, user: user,
                                      from: from ?? user ?? "", to: to.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }).address
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "A store's channels (addresses masked).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String

        func run() async throws {
            try await global.withStorage { storage in
                let l = global.language
                let channels = try await NotifyCommand.service(storage, sending: false).channels(store: try parseStoreID(store))
                guard !channels.isEmpty else {
                    Console.out(l.pick("没有消息渠道。用 `storeops notify add` 添加。\n", "No channels. Add one with `storeops notify add`.\n"))
                    return
                }
                let rows = channels.map { c in
                    [c.id, c.kind.title, c.maskedURL, c.secret == nil ? "—" : l.pick("已设置", "set"), c.keyword ?? "—", c.language]
                }
                Console.out(TextTable.render(header: [l.pick("名称", "Name"), l.pick("应用", "App"), l.pick("地址", "Address"),
                                                      l.pick("签名密钥", "Secret"), l.pick("关键词", "Keyword"), l.pick("语言", "Language")],
                                             rows: rows))
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a channel of a store.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: "The channel's name.") var name: String

        func run() async throws {
            try await global.withStorage { storage in
                try await NotifyCommand.service(storage, sending: false).remove(store: try parseStoreID(store), id: name)
                Console.out(global.language.pick("已删除 \(name)。\n", "Removed \(name).\n"))
            }
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test", abstract: "Send a day's briefing (default yesterday's) to every channel of the store now, and show what was sent.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: "The day, YYYY-MM-DD (default: yesterday in the store's time zone).") var date: String?

        func run() async throws {
            let day = try date.map { text in
                guard let day = Day(iso: text) else { throw ValidationError("--date \(text) is not a day: use YYYY-MM-DD.") }
                return day
            }
            try await global.withStorage { storage in
                let l = global.language
                let (sent, results) = try await NotifyCommand.service(storage).sendBriefing(
                    store: try parseStoreID(store), day: day, base: Environment.current.baseURL, once: false)
                var out = l.pick("\(sent.iso) 的日报：\n", "The briefing of \(sent.iso):\n")
                for r in results {
                    let status = switch r.delivery.status {
                    case .sent: l.pick("已送达", "sent")
                    case .failed: l.pick("失败", "failed")
                    case .sending: l.pick("未发出", "not posted")
                    case .posting: l.pick("已发出，未知是否送达", "posted, not known whether it arrived")
                    }
                    out += "\n\(r.channel.id) (\(r.channel.kind.title), \(r.channel.maskedURL)): \(status)"
                        + l.pick("，尝试 \(r.delivery.attempts) 次", ", \(r.delivery.attempts) attempt(s)")
                        + (r.delivery.detail.map { " — \($0)" } ?? "") + "\n"
                    if let body = r.body { out += body + "\n" }
                }
                Console.out(out)
                if results.contains(where: { $0.delivery.status != .sent }) { throw ExitCode(1) }
            }
        }
    }

    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "log", abstract: "The messages sent for a store in the last days.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The store id.") var store: String
        @Option(help: "How many days back.") var days = 14

        func run() async throws {
            try await global.withStorage { storage in
                let l = global.language
                let id = try parseStoreID(store)
                let today = try await storage.requireStore(id).timeZone.yesterday(now: Environment.current.clock()).adding(days: 1)
                let rows = try await NotifyCommand.service(storage, sending: false).deliveries(store: id, through: today, days: days).map { d in
                    [d.day.iso, d.report, d.channel, d.status.rawValue, String(d.attempts), d.startedAt.iso, d.detail ?? ""]
                }
                guard !rows.isEmpty else { return Console.out(l.pick("没有发送记录。\n", "Nothing sent.\n")) }
                Console.out(TextTable.render(header: [l.pick("日期", "Day"), l.pick("报告", "Report"), l.pick("渠道", "Channel"),
                                                      l.pick("状态", "Status"), l.pick("尝试", "Attempts"), l.pick("开始", "Started"),
                                                      l.pick("详情", "Detail")], rows: rows))
            }
        }
    }
}
