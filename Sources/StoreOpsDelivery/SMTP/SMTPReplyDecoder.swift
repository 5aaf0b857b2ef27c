import NIOCore

/// Reads a mail server's replies from the connection and hands each whole one (`250-…` lines up to the `250 …` one)
/// to the conversation. What a server sends is bounded: 1,000 bytes a line (RFC 5321 allows 512), 100 lines a
/// reply; anything else ends the conversation.
final class SMTPReplyDecoder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let replies: AsyncThrowingStream<SMTPReply, any Error>.Continuation
    private var line: [UInt8] = []
    private var lines: [String] = []
    /// How many replies were handed on, and whether a line is half read: at STARTTLS both say whether the server
    /// said more than its `220` before the encryption began (what an attacker in the middle would inject).
    private(set) var decoded = 0
    var isBetweenReplies: Bool { line.isEmpty && lines.isEmpty }

    init(_ replies: AsyncThrowingStream<SMTPReply, any Error>.Continuation) { self.replies = replies }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        for byte in buffer.readableBytesView {
            guard byte == UInt8(ascii: "\n") else {
                guard line.count < 1_000 else { return fail(context, "a reply line longer than 1,000 bytes") }
                line.append(byte)
                continue
            }
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            let text = String(decoding: line, as: UTF8.self)
            line = []
            let digits = text.prefix(3)
            guard digits.count == 3, digits.allSatisfy(\.isASCII), let code = Int(digits), (200...599).contains(code)
            else {
                return fail(context, "a reply that does not start with a code: \(text.prefix(80))")
            }
            let rest = text.dropFirst(3)
            lines.append(String(rest.dropFirst()))
            guard lines.count <= 100 else { return fail(context, "a reply of more than 100 lines") }
            if rest.first != "-" {
                decoded += 1
                replies.yield(SMTPReply(code: code, lines: lines))
                lines = []
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        replies.finish(throwing: SMTPFailure("the server closed the connection"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        replies.finish(throwing: error)
        context.close(promise: nil)
    }

    private func fail(_ context: ChannelHandlerContext, _ what: String) {
        replies.finish(throwing: SMTPFailure("the server sent \(what)"))
        context.close(promise: nil)
    }
}
