import Foundation
import StoreOpsCore

/// Sends one e-mail through a mail server: what the delivery needs from the network for e-mail channels, given by
/// the composition root (SMTP over TLS in the server and the CLI).
public protocol MailTransport: Sendable {
    /// The server's answer to `message` (the whole message, CRLF lines) sent from `server.from` to `server.to`,
    /// signing in as `server.user` with `password`; throws when no answer came (no connection, a timeout, a TLS
    /// failure), which is worth trying again. Unless `allowLocal`, a server whose name leads to this machine or its
    /// network is refused (an answer without a code).
    func send(_ message: Data, via server: MailServer, password: String?, timeout: Duration,
              allowLocal: Bool) async throws -> MailAnswer
}
