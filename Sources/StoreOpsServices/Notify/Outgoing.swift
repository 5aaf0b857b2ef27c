import StoreOpsCore
import StoreOpsReports

/// One message as it goes to one channel: the chat digest, and for an e-mail channel the whole e-mail.
struct Outgoing: Sendable {
    let digest: ChatDigest
    let mail: MailMessage?
}
