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

    public func send(_ message: Data, via server: MailServer, password: String?, timeout: Duration) async throws -> MailAnswer {
        let (stream, replies) = AsyncThrowingStream.makeStream(of: SMTPReply.self)
        let tls = self.tls
        let implicitTLS = server.security == .tls
        let name = Self.serverName(server.host)
        let seconds = max(1, timeout.components.seconds)
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(seconds))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: name))
                    }
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyDecoder(replies))
                }
            }
            .connect(host: server.host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: server.port).get()
        return try await withThrowingTaskGroup(of: MailAnswer?.self) { group in
            group.addTask {
                var conversation = SMTPConversation(channel: channel, replies: stream.makeAsyncIterator(), tls: tls,
                                                    serverName: name)
                return try await conversation.send(message, via: server, password: password)
            }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                channel.close(promise: nil)
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

    /// The name the certificate is checked against and sent in SNI: the host, unless it is an IP address (then the
    /// certificate is checked against the address connected to).
    static func serverName(_ host: String) -> String? {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if bare.contains(":") || bare.split(separator: ".").allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) { return nil }
        return bare
    }
}
