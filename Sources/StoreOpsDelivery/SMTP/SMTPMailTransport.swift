import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import StoreOpsCore
import StoreOpsServices

/// Sends e-mail over SMTP with SwiftNIO: TLS from the start (`smtps`) or after STARTTLS (`smtp`; without it only to a
/// relay on this machine), the server's certificate checked against the system's roots (and a PEM file of more,
/// `STOREOPS_SMTP_CA_FILE`), the password sent only encrypted (AUTH PLAIN, or LOGIN), then the message to each
/// recipient. One connection per message, within the attempt's deadline.
public struct SMTPMailTransport: MailTransport {
    let tls: NIOSSLContext
    let group: any EventLoopGroup

    /// A transport trusting the system's certificate authorities and those in the PEM file `caFile`.
    public init(caFile: String? = nil, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) throws {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let caFile, !caFile.isEmpty {
            guard FileManager.default.isReadableFile(atPath: caFile) else {
                throw ServiceError(.invalidInput, "STOREOPS_SMTP_CA_FILE \(caFile) is not a readable PEM file. "
                    + "STOREOPS_SMTP_CA_FILE 指向的证书文件无法读取。")
            }
            configuration.additionalTrustRoots = [.file(caFile)]
        }
        tls = try NIOSSLContext(configuration: configuration)
        self.group = group
    }

    public func send(_ message: Data, via server: MailServer, password: String?, timeout: Duration,
                     allowLocal: Bool) async throws -> MailAnswer {
        let host = server.host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port = server.port
        // The name resolved here and the address checked is the one connected to: a name that leads into this
        // machine or its network (loopback, private, link-local) is refused unless the operator allowed the host.
        let address = try await NIOThreadPool.singleton.runIfActive {
            try SocketAddress.makeAddressResolvingHost(host, port: port)
        }
        guard allowLocal || Self.isPublic(address) else {
            return MailAnswer(code: nil, text: "\(server.host) is an address of this machine or its network "
                + "(\(address.ipAddress ?? "?")); StoreOps sends mail there only when STOREOPS_WEBHOOK_HOSTS lists it",
                step: "connect")
        }
        let (stream, replies) = AsyncThrowingStream.makeStream(of: SMTPReply.self)
        let tls = self.tls
        let implicitTLS = server.security == .tls
        let name = Self.serverName(server.host)
        // One deadline for the whole attempt: what connecting took is not given again to the conversation.
        let seconds = max(1, timeout.components.seconds)
        let deadline = ContinuousClock.now.advanced(by: .seconds(seconds))
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(seconds))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS {
                        let handler = try NIOSSLClientHandler(context: tls, serverHostname: name)
                        try channel.pipeline.syncOperations.addHandler(handler)
                    }
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyDecoder(replies))
                }
            }
            .connect(to: address).get()
        return try await withThrowingTaskGroup(of: MailAnswer?.self) { group in
            group.addTask {
                var conversation = SMTPConversation(channel: channel, replies: stream.makeAsyncIterator(), tls: tls,
                                                    serverName: name)
                return try await conversation.send(message, via: server, password: password)
            }
            group.addTask {
                // Only says the time is up: closing the connection is left to the end of the group (below), so the
                // conversation cannot report the closed connection first.
                try await Task.sleep(until: deadline, clock: .continuous)
                return nil
            }
            defer {
                group.cancelAll()
                channel.close(promise: nil)
            }
            do {
                guard let first = try await group.next(), let answer = first else {
                    throw SMTPFailure("no answer from \(server.host) within \(seconds) s")
                }
                return answer
            } catch let error as NIOSSLError where "\(error)".contains("CERTIFICATE_VERIFY_FAILED") {
                throw SMTPFailure("the certificate of \(server.host) is not one this machine trusts (a company's own "
                    + "certificate authority goes in STOREOPS_SMTP_CA_FILE): \(error)")
            }
        }
    }

    /// Whether `address` is on the internet: not unspecified, loopback, private, shared (CGNAT), link-local,
    /// benchmarking, multicast or reserved, also as an IPv4 address inside IPv6.
    static func isPublic(_ address: SocketAddress) -> Bool {
        func isPublic(v4 a: UInt32) -> Bool {
            let blocked: [(UInt32, Int)] = [(0x0000_0000, 8), (0x0A00_0000, 8), (0x6440_0000, 10), (0x7F00_0000, 8),
                                            (0xA9FE_0000, 16), (0xAC10_0000, 12), (0xC000_0000, 24), (0xC0A8_0000, 16),
                                            (0xC612_0000, 15), (0xE000_0000, 3)]
            return !blocked.contains { net, bits in a >> (32 - bits) == net >> (32 - bits) }
        }
        switch address {
        case .v4(let v4):
            return isPublic(v4: UInt32(bigEndian: v4.address.sin_addr.s_addr))
        case .v6(let v6):
            let b = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
            guard b.count == 16 else { return false }
            if b[0..<10].allSatisfy({ $0 == 0 }), b[10] == 0xFF, b[11] == 0xFF {
                return isPublic(v4: b[12..<16].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            }
            let unspecifiedOrLoopback = b[0..<15].allSatisfy { $0 == 0 } && b[15] <= 1
            let uniqueLocal = b[0] & 0xFE == 0xFC, linkLocal = b[0] == 0xFE && b[1] & 0xC0 == 0x80
            return !(unspecifiedOrLoopback || uniqueLocal || linkLocal || b[0] == 0xFF)
        case .unixDomainSocket:
            return false
        }
    }

    /// The name the certificate is checked against and sent in SNI: the host, unless it is an IP address (then the
    /// certificate is checked against the address connected to).
    static func serverName(_ host: String) -> String? {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let dotted = bare.split(separator: ".").allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        if bare.contains(":") || dotted { return nil }
        return bare
    }
}
