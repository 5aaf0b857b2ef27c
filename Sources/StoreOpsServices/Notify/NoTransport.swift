import Foundation
import StoreOpsCore

/// The transport of a server that sends no messages: every send fails and says so.
struct NoTransport: WebhookTransport, MailTransport {
    func post(_ url: String, json body: String, timeout: Duration) async throws -> WebhookAnswer {
        throw ServiceError(.unavailable, "This server sends no messages (it was started without a transport).")
    }

    func send(_ message: Data, via server: MailServer, password: String?, timeout: Duration,
              allowLocal: Bool) async throws -> MailAnswer {
        throw ServiceError(.unavailable, "This server sends no e-mail (it was started without a transport).")
    }
}
