import StoreOpsCore

/// Posts a JSON body to a chat robot's address: what the delivery needs from the network, given by the composition
/// root (HTTPS in the server and the CLI, a recorder in tests).
public protocol WebhookTransport: Sendable {
    /// The app's answer (status and body) to `body` posted to `url`; throws when no answer came (a refused
    /// connection, a timeout), which is worth trying again.
    func post(_ url: String, json body: String, timeout: Duration) async throws -> WebhookAnswer
}
