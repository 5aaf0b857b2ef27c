import Hummingbird
import NIOCore

/// The request context of StoreOps's routes: Hummingbird's core context and the request's connection, so that a
/// refused upload can stop its body from being read (Hummingbird otherwise drains it to keep the connection).
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connection the request came on.
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Stops reading the request: a refused upload's body is not received any further, and the connection closes
    /// once the answer is written. Requests without a body are left alone (their connection can be kept).
    func refuseBody(of request: Request) {
        let length = request.headers[.contentLength].flatMap { Int($0) } ?? 0
        guard length > 0 || request.headers[.transferEncoding] != nil else { return }
        channel.close(mode: .input, promise: nil)
    }
}
