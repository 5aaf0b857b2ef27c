/// One reply of a mail server: its three-digit code and its text (the lines of a multi-line reply joined).
struct SMTPReply: Sendable {
    let code: Int
    /// Each line's text after the code.
    let lines: [String]

    var text: String { lines.joined(separator: " / ") }

    /// The extensions an `EHLO` reply names, upper-cased (`STARTTLS`, `AUTH PLAIN LOGIN`, `SIZE 35882577`).
    var extensions: [String] { lines.dropFirst().map { $0.uppercased() } }

    /// The `AUTH` mechanisms an `EHLO` reply offers.
    var authMechanisms: Set<String> {
        var mechanisms: Set<String> = []
        for line in extensions where line.hasPrefix("AUTH ") || line.hasPrefix("AUTH=") {
            mechanisms.formUnion(line.dropFirst(5).split(separator: " ").map(String.init))
        }
        return mechanisms
    }
}
