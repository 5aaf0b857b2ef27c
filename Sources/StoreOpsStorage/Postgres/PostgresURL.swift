import Foundation
import NIOSSL
import PostgresNIO

/// A `postgres://` connection URL, parsed into a pool configuration.
struct PostgresURL {
    let client: PostgresClient.Configuration
    /// The same server for a single connection (the reachability probe).
    let connection: PostgresConnection.Configuration
    /// host:port/database, for messages (never the password).
    let endpoint: String
    /// The TLS mode in effect: the URL's `sslmode`, else `require` off this machine and `prefer` on it.
    let sslMode: String

    init(_ url: String) throws {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
              let host = components.host, !host.isEmpty else {
            throw StorageError(.cannotOpen, "The database URL must look like postgres://USER:PASSWORD@HOST:PORT/DATABASE (got \(PostgresURL.redacted(url))).")
        }
        let user = components.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? "postgres"
        let password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        let database = components.path.hasPrefix("/") && components.path.count > 1 ? String(components.path.dropFirst()) : nil
        let port = components.port ?? 5432
        // Off this machine, passwords and store data cross a network: TLS is required unless the URL says otherwise.
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? (PostgresURL.isLoopback(host) ? "prefer" : "require")
        let tls: PostgresClient.Configuration.TLS
        let connectionTLS: PostgresConnection.Configuration.TLS
        // TLS always verifies the server's certificate and name (libpq's verify-full), against the system's roots or
        // the CA file in `sslrootcert`: an unverified "require" would not stop a machine in the middle.
        var verified = TLSConfiguration.makeClientConfiguration()
        if let root = components.queryItems?.first(where: { $0.name == "sslrootcert" })?.value, !root.isEmpty {
            guard FileManager.default.isReadableFile(atPath: root) else {
                throw StorageError(.cannotOpen, "The sslrootcert file \(root) in the database URL cannot be read.")
            }
            verified.trustRoots = .file(root)
        }
        switch mode {
        case "disable": (tls, connectionTLS) = (.disable, .disable)
        case "prefer", "allow": (tls, connectionTLS) = (.prefer(verified), .prefer(try NIOSSLContext(configuration: verified)))
        case "require", "verify-ca", "verify-full": (tls, connectionTLS) = (.require(verified), .require(try NIOSSLContext(configuration: verified)))
        default:
            throw StorageError(.cannotOpen, "Unknown sslmode \"\(mode)\" in the database URL; use disable, prefer or require.")
        }
        connection = PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: connectionTLS)
        var configuration = PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.maximumConnections = 16
        client = configuration
        endpoint = "\(host):\(port)/\(database ?? user)"
        sslMode = mode
    }

    /// Whether `host` is this machine.
    static func isLoopback(_ host: String) -> Bool {
        if host.lowercased() == "localhost" { return true }
        var v4 = in_addr(), v6 = in6_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if inet_pton(AF_INET6, bare, &v6) == 1 {
            var loopback = in6addr_loopback
            return memcmp(&v6, &loopback, MemoryLayout<in6_addr>.size) == 0
        }
        return false
    }

    /// The URL without its password.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
