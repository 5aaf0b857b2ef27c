/// A mail server's answer to a message: the reply to the last command said (the end of the message's data when it
/// was taken, the first command it refused otherwise), and what it means. A 2xx reply took it; a 4xx one is a
/// passing refusal (greylisting, a full mailbox, too many messages) worth trying again; a 5xx one refuses it for
/// good (a wrong password, an unknown recipient, a rejected sender).
public struct MailAnswer: Hashable, Sendable {
    public var code: Int
    public var text: String
    /// What was said when the server answered (`DATA`, `RCPT TO`, `AUTH`, ...).
    public var step: String

    public init(code: Int, text: String, step: String) {
        self.code = code
        self.text = text
        self.step = step
    }

    /// The delivery's outcome.
    public var outcome: WebhookAnswer.Outcome {
        let said = "\(step): \(code) \(text.prefix(300))"
        switch code {
        case 200..<400: return .sent
        case 400..<500: return .retry(said)
        default: return .refused(said)
        }
    }
}
