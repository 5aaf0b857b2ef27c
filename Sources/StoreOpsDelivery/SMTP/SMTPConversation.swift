import Foundation
import NIOCore
import NIOSSL
import StoreOpsCore

/// One message's conversation with a mail server (RFC 5321): greeting, `EHLO`, `STARTTLS` and `EHLO` again, `AUTH`,
/// `MAIL FROM`, `RCPT TO` for each recipient, `DATA` and the message, `QUIT`. The first reply that is not the one
/// expected is the answer (its code says whether to try again); the reply to the message's end is the answer when
/// all went well.
struct SMTPConversation {
    let channel: any Channel
    var replies: AsyncThrowingStream<SMTPReply, any Error>.Iterator
    let tls: NIOSSLContext
    let serverName: String?
    /// How many replies were read: at STARTTLS, all the server said must have been read.
    private var read = 0

    init(channel: any Channel, replies: AsyncThrowingStream<SMTPReply, any Error>.Iterator, tls: NIOSSLContext,
         serverName: String?) {
        self.channel = channel
        self.replies = replies
        self.tls = tls
        self.serverName = serverName
    }

    mutating func send(_ message: Data, via server: MailServer, password: String?) async throws -> MailAnswer {
        let greeting = try await reply()
        guard greeting.code == 220 else { return answer(greeting, "connect") }
        let hello = "EHLO \(helloName())"
        var ehlo = try await command(hello)
        guard ehlo.code == 250 else { return answer(ehlo, "EHLO") }
        if server.security == .starttls {
            if ehlo.extensions.contains("STARTTLS") {
                let ready = try await command("STARTTLS")
                guard ready.code == 220 else { return answer(ready, "STARTTLS") }
                try await startTLS()
                ehlo = try await command(hello)
                guard ehlo.code == 250 else { return answer(ehlo, "EHLO") }
            } else if !server.isLoopback {
                return MailAnswer(code: nil, text: "the server offers no STARTTLS: StoreOps does not send mail or passwords "
                    + "unencrypted (use smtps:// and port 465, or ask for STARTTLS)", step: "EHLO")
            }
        }
        if let user = server.user {
            guard let password else {
                return MailAnswer(code: nil, text: "no password for \(user): add the channel again with --secret",
                                  step: "AUTH")
            }
            let mechanisms = ehlo.authMechanisms
            if mechanisms.contains("PLAIN") {
                let credentials = Data([0] + Array(user.utf8) + [0] + Array(password.utf8)).base64EncodedString()
                let done = try await command("AUTH PLAIN \(credentials)")
                guard done.code == 235 else { return answer(done, "AUTH PLAIN") }
            } else if mechanisms.contains("LOGIN") {
                let start = try await command("AUTH LOGIN")
                guard start.code == 334 else { return answer(start, "AUTH LOGIN") }
                let name = try await command(Data(user.utf8).base64EncodedString())
                guard name.code == 334 else { return answer(name, "AUTH LOGIN") }
                let done = try await command(Data(password.utf8).base64EncodedString())
                guard done.code == 235 else { return answer(done, "AUTH LOGIN") }
            } else {
                return MailAnswer(code: nil, text: "the server offers neither AUTH PLAIN nor AUTH LOGIN "
                    + "(it offers: \(mechanisms.sorted().joined(separator: " ")))", step: "AUTH")
            }
        }
        let from = try await command("MAIL FROM:<\(server.from)>")
        guard from.code == 250 else { return answer(from, "MAIL FROM") }
        for recipient in server.to {
            let to = try await command("RCPT TO:<\(recipient)>")
            guard to.code == 250 || to.code == 251 else { return answer(to, "RCPT TO <\(recipient)>") }
        }
        let data = try await command("DATA")
        guard data.code == 354 else { return answer(data, "DATA") }
        try await write(Self.dotStuffed(message) + Array(".\r\n".utf8))
        let taken = try await reply()
        try? await write(Array("QUIT\r\n".utf8))
        return MailAnswer(code: taken.code, text: taken.text, step: "end of data", final: true)
    }

    /// The server's next reply.
    mutating func reply() async throws -> SMTPReply {
        guard let next = try await replies.next() else { throw SMTPFailure("the server closed the connection") }
        read += 1
        return next
    }

    /// Says `line` and reads the reply.
    mutating func command(_ line: String) async throws -> SMTPReply {
        try await write(Array((line + "\r\n").utf8))
        return try await reply()
    }

    mutating func write(_ bytes: [UInt8]) async throws {
        do {
            try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes))
        } catch {
            // The connection's own end (a failed TLS handshake, the server hanging up) says more than the write's.
            _ = try await replies.next()
            throw error
        }
    }

    /// Puts TLS under the conversation, refusing when the server said anything after its `220` (bytes read in the
    /// clear would otherwise be taken as replies of the encrypted conversation).
    func startTLS() async throws {
        let tls = self.tls, name = serverName, read = self.read, channel = self.channel
        try await channel.eventLoop.submit {
            let decoder = try channel.pipeline.syncOperations.handler(type: SMTPReplyDecoder.self)
            guard decoder.isBetweenReplies, decoder.decoded == read else {
                throw SMTPFailure("the server sent more after agreeing to STARTTLS (someone between may be injecting)")
            }
            try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: name),
                                                           position: .first)
        }.get()
    }

    /// This side's name for `EHLO`: its address as a literal (`[192.0.2.1]`), as RFC 5321 asks of a client
    /// without a name of its own in the DNS.
    func helloName() -> String {
        guard let ip = channel.localAddress?.ipAddress else { return "[127.0.0.1]" }
        return ip.contains(":") ? "[IPv6:\(ip)]" : "[\(ip)]"
    }

    /// The answer when `reply` to `step` was not the one expected: the message was not taken.
    func answer(_ reply: SMTPReply, _ step: String) -> MailAnswer {
        MailAnswer(code: reply.code, text: reply.text, step: step)
    }

    /// `message` with a dot added before every line that starts with one (RFC 5321 4.5.2) and ending in CRLF.
    static func dotStuffed(_ message: Data) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(message.count + 64)
        var lineStart = true
        for byte in message {
            if lineStart && byte == UInt8(ascii: ".") { out.append(UInt8(ascii: ".")) }
            out.append(byte)
            lineStart = byte == UInt8(ascii: "\n")
        }
        if !lineStart { out += Array("\r\n".utf8) }
        return out
    }
}
