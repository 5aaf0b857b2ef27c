import Foundation
import StoreOpsCore
import StoreOpsReports
import StoreOpsStorage

/// A store's chat channels and the messages sent to them. Every message of a store, day and report goes to each
/// channel at most once: its delivery is claimed in the ledger before it is sent. A message the app does not take
/// for a passing reason (it is down, busy, or limits the rate) is tried three times in all, 2 and 8 seconds apart;
/// one it refuses (a wrong address, signature or keyword) is not tried again, and the app's answer is kept.
public struct NotifyService: Sendable {
    let storage: any StoreOpsStore
    let secrets: SecretBox
    let transport: any WebhookTransport
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
                clock: @escaping @Sendable () -> Instant, limiter: RobotRateLimiter = .shared,
                pause: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                timeout: Duration = .seconds(15), extraHosts: Set<String> = []) {
        self.storage = storage
        self.secrets = secrets
        self.transport = transport
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
                  clock: services.clock, extraHosts: services.webhookHosts)
    }

    // MARK: channels

    /// Adds (or replaces) channel `id` of store `store`: a robot's webhook address (HTTPS; plain HTTP only to this
    /// machine, for tests), its signing secret for DingTalk and Feishu, the keyword it requires and the language.
    @discardableResult
    public func add(store: StoreID, id: String, kind: NotifyChannel.Kind, url: String, secret: String? = nil,
                    keyword: String? = nil, language: Language = .zh) async throws -> NotifyChannel {
        _ = try await storage.requireStore(store)
        guard (1...40).contains(id.count), id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw ServiceError(.invalidInput, "The channel name \"\(id)\" must be 1 to 40 letters, digits, - or _, e.g. boss-group.")
        }
        try checkAddress(url, kind: kind)
        let secret = secret.flatMap { $0.isEmpty ? nil : $0 }
        if secret != nil, !kind.signs {
            throw ServiceError(.invalidInput, "\(kind.title) robots do not sign their messages: leave out the secret.")
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
    public func send(store: StoreID, day: Day, report: String, once: Bool = true, resend: Set<Delivery.Status> = [],
                     message: @escaping @Sendable (Language) -> ChatDigest) async throws -> [NotifyResult] {
        let channels = try await channels(store: store)
        let key = once ? report : "\(report) \(clock().seconds)"
        return try await withThrowingTaskGroup(of: NotifyResult.self) { group in
            for channel in channels {
                group.addTask {
                    try await deliver(message(Language(rawValue: channel.language) ?? .zh), to: channel, day: day, report: key,
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
    func deliver(_ digest: ChatDigest, to channel: NotifyChannel, day: Day, report: String,
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
            try await attempts(digest, to: channel, &delivery, &body, &posted)
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
    private func attempts(_ digest: ChatDigest, to channel: NotifyChannel, _ delivery: inout Delivery, _ body: inout String?,
                          _ posted: inout Bool) async throws {
        for attempt in 1...(Self.backoff.count + 1) {
            try await limiter.admit(channel.url, perWindow: channel.kind.perMinute)
            let (url, json) = request(digest, to: channel)
            body = json
            delivery.attempts = attempt
            let outcome: WebhookAnswer.Outcome
            if !posted {
                // From here a crash leaves the message as "posting": it may have arrived, so no one sends it again.
                delivery.status = .posting
                try await storage.saveDelivery(delivery)
            }
            posted = true
            do {
                outcome = try await transport.post(url, json: json, timeout: timeout).outcome(for: channel.kind)
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

    /// Refuses addresses that are not HTTPS to the app's own robot host (or one of `extraHosts`; plain HTTP only to
    /// this machine's, for a test receiver): the server posts where an operator points it, so not to its own network.
    func checkAddress(_ url: String, kind: NotifyChannel.Kind) throws {
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
    }
}
