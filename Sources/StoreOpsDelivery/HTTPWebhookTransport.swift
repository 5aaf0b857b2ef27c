import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import StoreOpsCore
import StoreOpsServices

/// Posts messages to chat robots over HTTPS with AsyncHTTPClient's shared client: JSON in UTF-8, a deadline per
/// attempt, and at most 64 KB of the answer read (a robot's answer is a few dozen bytes).
public struct HTTPWebhookTransport: WebhookTransport {
    let client: HTTPClient

    public init(client: HTTPClient = .shared) { self.client = client }

    public func post(_ url: String, json body: String, timeout: Duration) async throws -> WebhookAnswer {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "User-Agent", value: "StoreOps")
        request.body = .bytes(ByteBuffer(string: body))
        let seconds = max(1, timeout.components.seconds)
        let response = try await client.execute(request, timeout: .seconds(seconds))
        var answer = try await response.body.collect(upTo: 64 * 1024)
        return WebhookAnswer(status: Int(response.status.code), body: answer.readString(length: answer.readableBytes) ?? "")
    }
}
