import Foundation

/// A chat app's answer to a message posted to its robot, and what it means. The Chinese apps answer HTTP 200 also
/// when they refuse a message (a wrong signature, a missing keyword, too many messages): their JSON's code says.
public struct WebhookAnswer: Hashable, Sendable {
    /// What became of a message.
    public enum Outcome: Hashable, Sendable {
        case sent
        /// Worth trying again later (the app is down, busy or limits the rate).
        case retry(String)
        /// Refused for a reason trying again does not change (a wrong address, signature or keyword).
        case refused(String)
    }

    public var status: Int
    public var body: String

    public init(status: Int, body: String) {
        self.status = status
        self.body = body
    }

    /// The outcome for a robot of `kind`.
    public func outcome(for kind: NotifyChannel.Kind) -> Outcome {
        let said = String(body.prefix(300))
        if status == 429 || status >= 500 { return .retry("HTTP \(status): \(said)") }
        guard (200..<300).contains(status) else { return .refused("HTTP \(status): \(said)") }
        switch kind {
        case .email:
            return .refused("e-mail is not posted to a webhook")
        case .slack:
            return body.trimmingCharacters(in: .whitespacesAndNewlines) == "ok" ? .sent : .refused(said)
        case .dingtalk, .wecom, .feishu:
            guard let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else {
                return .refused("not the app's JSON answer: \(said)")
            }
            let code = (object["errcode"] ?? object["code"] ?? object["StatusCode"]) as? Int
            let message = (object["errmsg"] ?? object["msg"] ?? object["StatusMessage"]) as? String ?? ""
            guard let code else { return .refused("no code in the answer: \(said)") }
            if code == 0 { return .sent }
            return Self.busyCodes.contains(code) ? .retry("\(code) \(message)") : .refused("\(code) \(message)")
        }
    }

    /// Codes that mean "too many messages" or "busy": DingTalk 130101 and 410100, DingTalk's -1 (system busy),
    /// WeCom 45009, Feishu 11232.
    static let busyCodes: Set<Int> = [130101, 410100, -1, 45009, 11232]
}
