/// Where a store's messages go: a chat group's robot (DingTalk, WeCom, Feishu/Lark, Slack). The webhook address
/// and the signing secret are credentials (anyone holding the address can post to the group): storage keeps them
/// sealed, and listings show only the address's host.
public struct NotifyChannel: Hashable, Sendable {
    /// The chat apps StoreOps posts to.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case dingtalk, wecom, feishu, slack

        /// The app's name as its users know it.
        public var title: String {
            switch self {
            case .dingtalk: "DingTalk 钉钉"
            case .wecom: "WeCom 企业微信"
            case .feishu: "Feishu/Lark 飞书"
            case .slack: "Slack"
            }
        }

        /// Whether the app's robot can sign its messages with a secret.
        public var signs: Bool { self == .dingtalk || self == .feishu }

        /// The most messages per minute the app takes from one robot.
        public var perMinute: Int {
            switch self {
            case .dingtalk, .wecom: 20
            case .feishu: 100
            case .slack: 60
            }
        }
    }

    public var store: StoreID
    /// The channel's name within the store, chosen by the user (`boss-group`).
    public var id: String
    public var kind: Kind
    /// The robot's webhook address.
    public var url: String
    /// The robot's signing secret (DingTalk `SEC…`, Feishu), when it signs.
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
        guard let range = url.range(of: "://") else { return "…" }
        let rest = url[range.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" }
        return "\(url[..<range.upperBound])\(host)/…"
    }
}
