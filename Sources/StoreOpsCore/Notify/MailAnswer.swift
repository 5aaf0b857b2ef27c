/// A mail server's answer to a message, and what it means. Only the reply to the end of the message's data can say
/// it was taken (a 2xx there); a reply that is not the expected one at any earlier step (the greeting, `EHLO`,
/// `STARTTLS`, `AUTH`, `MAIL FROM`, `RCPT TO`, `DATA`) means it was not: a 4xx is a passing refusal (greylisting,
/// a full mailbox, too many messages) worth trying again, anything else refuses it for good (a wrong password, an
/// unknown recipient, a server that does not speak as it should). StoreOps' own refusals (no STARTTLS offered, no
/// password) have no code.
public struct MailAnswer: Hashable, Sendable {
    /// The server's reply code; nil when StoreOps itself stopped the conversation.
    public var code: Int?
    public var text: String
    /// What was said when the server answered (`DATA`, `RCPT TO`, `AUTH`, ...).
    public var step: String
    /// Whether this is the reply to the end of the message (the only one that can take it).
    public var final: Bool

    public init(code: Int?, text: String, step: String, final: Bool = false) {
        self.code = code
        self.text = text
        self.step = step
        self.final = final
    }

    /// The delivery's outcome.
    public var outcome: WebhookAnswer.Outcome {
        let said = "\(step): " + (code.map { "\($0) " } ?? "") + text.prefix(300)
        switch code {
        case (200..<300)? where final: return .sent
        case (400..<500)?: return .retry(said)
        case (200..<400)?: return .refused("unexpected reply, \(said)")
        default: return .refused(said)
        }
    }
}
