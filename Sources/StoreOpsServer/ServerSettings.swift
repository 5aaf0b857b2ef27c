import Foundation

/// How the server limits what clients can make it do: upload size and concurrency, where uploads are staged, and
/// how long an idle or half-sent connection, or one upload, may take.
public struct ServerSettings: Sendable {
    /// The largest upload `POST .../imports` accepts.
    public var maxUploadBytes = 256 << 20
    /// How many uploads are staged and imported at once; more answer 503 with Retry-After.
    public var maxConcurrentUploads = 2
    /// How long a connection may send nothing (also while its request head is only half sent) before it is closed.
    public var idleTimeout: Duration = .seconds(30)
    /// How long one upload may take to arrive: a client that trickles bytes just often enough to stay under the idle
    /// timeout would otherwise hold one of the few upload slots for hours.
    public var uploadTimeout: Duration = .seconds(600)
    /// Whether the workbench's cookies are marked Secure: set when the server is reached over TLS (directly or
    /// through a proxy), so browsers never send the session over plain HTTP.
    public var secureCookies = false
    /// Whether the server sits behind a reverse proxy on this machine that appends the client's address to
    /// `X-Forwarded-For`: sign-in throttling then counts by that address rather than the proxy's own.
    public var behindProxy = false
    /// The private folder uploads are staged in.
    public var uploadFolder = UploadStaging.defaultRoot

    public init() {}
}
