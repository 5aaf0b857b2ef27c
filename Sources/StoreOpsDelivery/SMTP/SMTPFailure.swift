/// A conversation with a mail server that ended without an answer to the message: no connection, a closed one,
/// a TLS failure, a reply that is not SMTP, no answer in time. Worth trying again.
struct SMTPFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
