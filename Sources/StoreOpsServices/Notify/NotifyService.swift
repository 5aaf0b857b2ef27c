import Foundation
import StoreOpsCore
import StoreOpsReports
import StoreOpsStorage

/// A store's channels (chat robots and e-mail) and the messages sent to them. Every message of a store, day and
/// report goes to each channel at most once: its delivery is claimed in the ledger before it is sent. A message the
/// app or mail server does not take for a passing reason (it is down, busy, or limits the rate) is tried three times
/// in all, 2 and 8 seconds apart; one it refuses (a wrong address, signature, keyword or password) is not tried
/// again, and the answer is kept.
public struct NotifyService: Sendable {
    let storage: any StoreOpsStore
    let secrets: SecretBox
    let transport: any WebhookTransport
    let mailer: any MailTransport
    let clock: @Sendable () -> Instant
    let limiter: RobotRateLimiter
    /// Waits between attempts (tests pass one that does not wait).
    let pause: @Sendable (Duration) async throws -> Void
    /// How long the app has to answer one attempt (connecting included).
    let timeout: Duration
    /// Hosts robots may be at besides the apps' own (a proxy; `127.0.0.1` for a test receiver).
    let extraHosts: Set<String>
    /// The waits before the second and third attempts.
    public static let backoff: [Duration] = [.seconds(2), .seconds(8)]

    public init(storage: any StoreOpsStore, secrets: SecretBox, transport: any WebhookTransport,
                mailer: (any MailTransport)? = nil,
                clock: @escaping @Sendable () -> Instant, limiter: RobotRateLimiter = .shared,
                pause: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                timeout: Duration = .seconds(15), extraHosts: Set<String> = []) {
        self.storage = storage
        self.secrets = secrets
        self.transport = transport
        self.mailer = mailer ?? NoTransport()
        self.clock = clock
        self.limiter = limiter
        self.pause = pause
        self.timeout = timeout
        self.extraHosts = Set(extraHosts.map { $0.lowercased() })
    }

    /// The service as `context`'s user (operators change channels and send), over `services`' key and transport;
    /// without a transport every send fails with a reason.
    public init(_ context: AccessContext, services: ServerServices) {
        self.init(storage: context.storage, secrets: services.secrets, transport: services.transport ?? NoTransport(),
                  mailer: services.mailer, clock: services.clock, extraHosts: services.webhookHosts)
    }

    // MARK: channels

    /// Adds (or replaces) channel `id` of store `store`: a robot's webhook address (HTTPS; plain HTTP only to this
    /// machine, for tests), its signing secret for DingTalk and Feishu, the keyword it requires and the language; for
    /// e-mail the mail server's address (`MailServer`) and the account's password as the secret.
    @discardableResult
    public func add(store: StoreID, id: String, kind: NotifyChannel.Kind, url: String, secret: String? = nil,
                    keyword: String? = nil, language: Language = .zh) async throws -> NotifyChannel {
        _ = try await storage.requireStore(store)
        guard (1...40).contains(id.count), id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw ServiceError(.invalidInput, "The channel name \"\(id)\" must be 1 to 40 letters, digits, - or _, e.g. boss-group.")
        }
        let url = try checkAddress(url, kind: kind)
        let secret = secret.flatMap { $0.isEmpty ? nil : $0 }
        if secret != nil, !kind.takesSecret {
            throw ServiceError(.invalidInput, "\(kind.title) robots do not sign their messages: leave out the secret.")
        }
        if kind == .email, keyword != nil, keyword?.isEmpty == false {
            throw ServiceError(.invalidInput, "E-mail takes no keyword: leave it out. 邮件渠道不需要关键词。")
        }
        if kind == .email, secret == nil, (try? MailServer(address: url))?.user != nil {
            throw ServiceError(.invalidInput, "The mail account needs its password (--secret -, or the secret field). "
                + "请填写邮箱账号的密码（授权码）。")
        }
        if let keyword, keyword.count > 40 { throw ServiceError(.invalidInput, "The keyword is longer than 40 characters.") }
        let channel = NotifyChannel(store: store, id: id, kind: kind, url: url, secret: secret,
                                    keyword: keyword.flatMap { $0.isEmpty ? nil : $0 }, language: language.rawValue)
        var sealed = channel
        sealed.url = try secrets.seal(url, for: Self.context(channel, "url"))
        sealed.secret = try secret.map { try secrets.seal($0, for: Self.context(channel, "secret")) }
        try await storage.saveNotifyChannel(sealed)
        return channel
    }

    /// The store's channels, their addresses and secrets opened.
    public func channels(store: StoreID) async throws -> [NotifyChannel] {
        try await storage.notifyChannels(store: store).map { sealed in
            var channel = sealed
            channel.url = try secrets.open(sealed.url, for: Self.context(sealed, "url"))
            channel.secret = try sealed.secret.map { try secrets.open($0, for: Self.context(sealed, "secret")) }
            return channel
        }
    }

    /// Removes channel `id` of the store.
    public func remove(store: StoreID, id: String) async throws {
        guard try await storage.removeNotifyChannel(store: store, id: id) else {
            throw ServiceError(.notFound, "Store \(store) has no channel \(id) (storeops notify list --store \(store)).")
        }
    }

    /// The store's deliveries of the last `days` days up to `day`, newest first.
    public func deliveries(store: StoreID, through day: Day, days: Int = 14) async throws -> [Delivery] {
        try await storage.deliveries(store: store, since: day.adding(days: -(max(1, days) - 1)))
    }

    // MARK: sending

    /// Sends the message of `report` (`daily`, `weekly`, ...) of `day` to every channel of the store at once, each
    /// in its language (`message` makes the digest for one). With `once` (scheduled runs) a channel that has the
    /// message already is skipped; without (tests), every call sends and is recorded under its own time. A message
    /// recorded before with a status in `resend` is sent again: `.sending` (claimed by a runner that died before
    /// posting it; for the runner that took its day over), `.failed` (a person asking again).
    /// E-mail channels get `mail` (the whole report as HTML with its workbook), or the digest alone without it.
    public func send(store: StoreID, day: Day, report: String, once: Bool = true, resend: Set<Delivery.Status> = [],
                     mail: (@Sendable (Language) throws -> MailMessage)? = nil,
                     message: @escaping @Sendable (Language) -> ChatDigest) async throws -> [NotifyResult] {
        let channels = try await channels(store: store)
        let key = once ? report : "\(report) \(clock().seconds)"
        return try await withThrowingTaskGroup(of: NotifyResult.self) { group in
            for channel in channels {
                group.addTask {
                    let language = Language(rawValue: channel.language) ?? .zh
                    let digest = message(language)
                    // A report that cannot be rendered as a whole still goes as its digest, and fails no other channel.
                    let email = channel.kind == .email ? (try? mail?(language)) ?? MailMessage.digest(digest) : nil
                    return try await deliver(Outgoing(digest: digest, mail: email), to: channel, day: day, report: key,
                                             resend: resend)
                }
            }
            var results: [NotifyResult] = []
            for try await result in group { results.append(result) }
            return results.sorted { $0.channel.id < $1.channel.id }
        }
    }

    /// One message to one channel: claimed, tried up to three times, recorded. Cancelled (the server stops), it is
    /// recorded as interrupted: still to send when it was not posted yet, of unknown fate when it was.
    func deliver(_ message: Outgoing, to channel: NotifyChannel, day: Day, report: String,
                 resend: Set<Delivery.Status> = []) async throws -> NotifyResult {
        var delivery = Delivery(store: channel.store, day: day, report: report, channel: channel.id, status: .sending,
                                startedAt: clock())
        if try await !storage.claimDelivery(delivery) {
            let earlier = try await storage.delivery(store: channel.store, day: day, report: report, channel: channel.id)
            guard let earlier, resend.contains(earlier.status) else {
                return NotifyResult(channel: channel, delivery: earlier ?? delivery, skipped: true, body: nil)
            }
            try await storage.saveDelivery(delivery)
        }
        var body: String?, posted = false
        do {
            try await attempts(message, to: channel, &delivery, &body, &posted)
        } catch {
            // Kept whatever happens to this task. Not posted yet: it stays to be sent by the day's next runner; posted:
            // it may have arrived, and is not sent again by itself.
            delivery.status = posted ? .posting : .sending
            delivery.detail = posted ? "interrupted while sending: \(error)" : "interrupted before sending: \(error)"
            delivery.finishedAt = clock()
            let storage = self.storage, record = delivery
            try? await Task { try await storage.saveDelivery(record) }.value
            throw error
        }
        delivery.finishedAt = clock()
        try await storage.saveDelivery(delivery)
        return NotifyResult(channel: channel, delivery: delivery, skipped: false, body: body)
    }

    /// Up to three attempts of one message, `delivery` updated with each.
    private func attempts(_ message: Outgoing, to channel: NotifyChannel, _ delivery: inout Delivery, _ body: inout String?,
                          _ posted: inout Bool) async throws {
        // An e-mail is rendered once, with one Message-ID: a retry after an answer that got lost is recognisably the
        // same message to the recipients' mail programs.
        let email = try message.mail.map { mail -> (mail: MailMessage, server: MailServer, bytes: Data) in
            let server = try MailServer(address: channel.url)
            let domain = server.from.split(separator: "@").last ?? "storeops"
            return (mail, server, MailRenderer.render(mail, from: server.from, to: server.to, date: clock(),
                                                      messageID: "\(UUID().uuidString.lowercased())@\(domain)"))
        }
        for attempt in 1...(Self.backoff.count + 1) {
            try await limiter.admit(channel.url, perWindow: channel.kind.perMinute)
            let (url, json) = email == nil ? request(message.digest, to: channel) : (channel.url, "")
            body = email.map { "Subject: \($0.mail.subject)\nTo: \($0.server.to.joined(separator: ", "))\n\n\($0.mail.text)" } ?? json
            delivery.attempts = attempt
            let outcome: WebhookAnswer.Outcome
            if !posted {
                // From here a crash leaves the message as "posting": it may have arrived, so no one sends it again.
                delivery.status = .posting
                try await storage.saveDelivery(delivery)
            }
            posted = true
            do {
                if let email {
                    outcome = try await mailer.send(email.bytes, via: email.server, password: channel.secret,
                                                    timeout: timeout, allowLocal: allows(email.server)).outcome
                } else {
                    outcome = try await transport.post(url, json: json, timeout: timeout).outcome(for: channel.kind)
                }
            } catch {
                try Task.checkCancellation()
                outcome = .retry("no answer: \(error)")
            }
            switch outcome {
            case .sent:
                (delivery.status, delivery.detail) = (.sent, nil)
            case .refused(let why):
                (delivery.status, delivery.detail) = (.failed, why)
            case .retry(let why):
                (delivery.status, delivery.detail) = (.failed, why)
                if attempt <= Self.backoff.count {
                    try await pause(Self.backoff[attempt - 1])
                    continue
                }
            }
            break
        }
    }

    /// The address and body of one attempt, signed with the time of sending when the robot signs.
    func request(_ digest: ChatDigest, to channel: NotifyChannel) -> (url: String, body: String) {
        let now = Date().timeIntervalSince1970
        switch (channel.kind, channel.secret) {
        case (.dingtalk, let secret?):
            let ms = Int64(now * 1000)
            return (WebhookSigner.dingtalkURL(channel.url, secret: secret, milliseconds: ms),
                    ChatMessageRenderer.body(digest, kind: .dingtalk, keyword: channel.keyword))
        case (.feishu, let secret?):
            let seconds = Int64(now)
            return (channel.url, ChatMessageRenderer.body(digest, kind: .feishu, keyword: channel.keyword,
                                                         feishuSignature: (seconds, WebhookSigner.feishu(secret: secret, seconds: seconds))))
        default:
            return (channel.url, ChatMessageRenderer.body(digest, kind: channel.kind, keyword: channel.keyword))
        }
    }

    /// What a sealed value of `channel` is bound to.
    static func context(_ channel: NotifyChannel, _ field: String) -> String { "\(channel.store.rawValue)/\(channel.id)/\(field)" }

    /// The hosts of each app's robots.
    static let appHosts: [NotifyChannel.Kind: Set<String>] = [
        .dingtalk: ["oapi.dingtalk.com"], .wecom: ["qyapi.weixin.qq.com"], .feishu: ["open.feishu.cn", "open.larksuite.com"],
        .slack: ["hooks.slack.com"],
    ]

    /// The address as kept: refuses addresses that are not HTTPS to the app's own robot host (or one of `extraHosts`;
    /// plain HTTP only to this machine's, for a test receiver): the server posts where an operator points it, so not
    /// to its own network. A mail server's address is read (`MailServer`), kept in its canonical form, and must be
    /// a server's name on a mail port (25, 465, 587, 2525), not an address of this machine or its network, unless
    /// `extraHosts` lists it (checked here by its text, and by where the name leads when mail goes: `MailTransport`).
    func checkAddress(_ url: String, kind: NotifyChannel.Kind) throws -> String {
        if kind == .email {
            let server: MailServer
            do { server = try MailServer(address: url) } catch { throw ServiceError(.invalidInput, error.description) }
            guard !allows(server) else { return server.address }
            guard !Self.isNetworkAddress(server.host) else {
                throw ServiceError(.invalidInput, "Mail goes to a mail server's name (smtp.exmail.qq.com), not to \(server.host) "
                    + "(other hosts only when STOREOPS_WEBHOOK_HOSTS lists them). 邮件服务器须为域名，不能是本机或内网地址。")
            }
            guard [25, 465, 587, 2525].contains(server.port) else {
                throw ServiceError(.invalidInput, "Mail servers take mail on ports 465 (smtps://), 587, 25 or 2525 (smtp://), "
                    + "not \(server.port). 邮件端口须为 465、587、25 或 2525。")
            }
            return server.address
        }
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), let host = parsed.host?.lowercased(),
              url.count <= 1_000, parsed.user == nil, parsed.password == nil else {
            throw ServiceError(.invalidInput, "\"\(url.prefix(80))\" is not a webhook address; copy it from the robot's settings.")
        }
        let official = Self.appHosts[kind] ?? []
        guard official.contains(host) || extraHosts.contains(host) else {
            throw ServiceError(.invalidInput, "\(kind.title) robots are at \(official.sorted().joined(separator: " or ")), not \(host): copy the "
                + "address from the robot's settings (other hosts only when STOREOPS_WEBHOOK_HOSTS lists them).")
        }
        let loopback = ["127.0.0.1", "localhost", "::1"].contains(host)
        guard scheme == "https" || (scheme == "http" && loopback) else {
            throw ServiceError(.invalidInput, "The webhook address must start with https:// (the robot's address carries its token).")
        }
        return url
    }

    /// Whether `extraHosts` lists the mail server's host (an IPv6 literal with or without its brackets).
    func allows(_ server: MailServer) -> Bool {
        extraHosts.contains(server.host) || extraHosts.contains(server.host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))
    }

    /// Whether `host` is this machine or an IP address, also in the forms `inet_aton` reads (`0x7f000001`, `127.1`):
    /// a mail server is reached by its name.
    static func isNetworkAddress(_ host: String) -> Bool {
        host == "localhost" || host.hasSuffix(".localhost") || host.hasSuffix(".local") || host.contains(":")
            || host.split(separator: ".").allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
            || host.split(separator: ".").last.map { $0.allSatisfy(\.isNumber) || $0.hasPrefix("0x") } ?? true
    }
}
