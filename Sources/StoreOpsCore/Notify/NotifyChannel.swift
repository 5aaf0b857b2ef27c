/// Where a store's messages go: a chat group's robot (DingTalk, WeCom, Feishu/Lark, Slack) or people's mailboxes
/// (e-mail over SMTP). The webhook address (or the mail server's address, see `MailServer`) and the signing secret
/// (or the mail account's password) are credentials: storage keeps them sealed, and listings show only the host.
public struct NotifyChannel: Hashable, Sendable {
    /// The chat apps StoreOps posts to.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case dingtalk, wecom, feishu, slack, email

        /// The app's name as its users know it.
        public var title: String {
            switch self {
            case .dingtalk: "DingTalk 钉钉"
            case .wecom: "WeCom 企业微信"
            case .feishu: "Feishu/Lark 飞书"
            case .slack: "Slack"
            case .email: "E-mail 邮件"
            }
        }

        /// Whether the app's robot can sign its messages with a secret.
        public var signs: Bool { self == .dingtalk || self == .feishu }

        /// Whether the channel takes a secret: a robot's signing secret, the mail account's password.
        public var takesSecret: Bool { signs || self == .email }

        /// The most messages per minute the app takes from one robot.
        public var perMinute: Int {
            switch self {
            case .dingtalk, .wecom: 20
            case .feishu: 100
            case .slack: 60
            case .email: 30
            }
        }
    }

    public var store: StoreID
    /// The channel's name within the store, chosen by the user (`boss-group`).
    public var id: String
    public var kind: Kind
    /// The robot's webhook address, or the mail server's address (`MailServer.address`).
    public var url: String
    /// The robot's signing secret (DingTalk `SEC…`, Feishu), when it signs; the mail account's password.
    public var secret: String?
    /// A word the robot requires in every message (DingTalk's and Feishu's keyword security), when set.
    public var keyword: String?
    /// The language of the group's messages: `zh` or `en`.
    public var language: String

    public init(store: StoreID, id: String, kind: Kind, url: String, secret: String? = nil, keyword: String? = nil,
                language: String = "zh") {
        self.store = store
        self.id = id
        self.kind = kind
        self.url = url
        self.secret = secret
        self.keyword = keyword
        self.language = language
    }

    /// The address's scheme and host only (`https://oapi.dingtalk.com/…`): what listings show.
    public var maskedURL: String {
        if kind == .email { return (try? MailServer(address: url))?.masked ?? "…" }
        guard let range = url.range(of: "://") else { return "…" }
        let rest = url[range.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" }
        return "\(url[..<range.upperBound])\(host)/…"
    }
}
