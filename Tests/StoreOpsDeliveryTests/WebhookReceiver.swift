import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization

/// A chat app's robot stand-in on loopback: it keeps every message posted to it (path, query, body) and answers
/// as `answer` says for the path and how many messages that path has had.
final class WebhookReceiver: Sendable {
    /// One message as the robot got it.
    struct Received: Sendable {
        let path: String
        let query: [String: String]
        let body: String

        /// The body as JSON.
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
    }

    private let received = Mutex<[Received]>([])
    let answer: @Sendable (_ path: String, _ count: Int) -> (status: Int, body: String)

    init(answer: @escaping @Sendable (_ path: String, _ count: Int) -> (status: Int, body: String)) {
        self.answer = answer
    }

    var messages: [Received] { received.withLock { $0 } }

    func messages(to path: String) -> [Received] { messages.filter { $0.path == path } }

    /// Runs the receiver on a free loopback port for `body`, which gets the base address (`http://127.0.0.1:PORT`).
    func run(_ body: @Sendable @escaping (String) async throws -> Void) async throws {
        let router = Router()
        router.post("**") { request, _ -> Response in
            let text = String(buffer: try await request.body.collect(upTo: 1 << 20))
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
            let path = request.uri.path
            let count = self.received.withLock { list in
                list.append(Received(path: path, query: query, body: text))
                return list.filter { $0.path == path }.count
            }
            let (status, reply) = self.answer(path, count)
            return Response(status: .init(code: status), headers: [.contentType: "application/json"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: reply)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(client.port!)")
        }
    }
}
