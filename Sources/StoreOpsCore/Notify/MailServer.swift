import Foundation

/// Where a store's e-mail goes and how: the SMTP server, the account that signs in to it, the sender and the
/// recipients. It is kept as one address, sealed like a robot's webhook (`smtp://USER@HOST:PORT?from=…&to=…`):
/// `smtp` upgrades the connection with STARTTLS (port 587 by default), `smtps` speaks TLS from the start (465).
/// The account's password is the channel's secret.
public struct MailServer: Hashable, Sendable {
    /// How the connection is encrypted.
    public enum Security: String, Hashable, Sendable {
        /// A plain connection upgraded with STARTTLS before anything else is said (submission, port 587).
        case starttls = "smtp"
        /// TLS from the first byte (port 465).
        case tls = "smtps"

        public var defaultPort: Int { self == .tls ? 465 : 587 }
    }

    /// Why an address could not be read, in both languages.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public let description: String
        init(_ en: String, _ zh: String) { description = "\(en) \(zh)" }
    }

    public var security: Security
    public var host: String
    public var port: Int
    /// The account name the server takes (often the sender's address); nil for a server that takes mail unsigned.
    public var user: String?
    public var from: String
    public var to: [String]

    /// The most recipients one channel sends to.
    public static let maxRecipients = 20

    public init(security: Security, host: String, port: Int? = nil, user: String?, from: String,
                to: [String]) throws(Problem) {
        self.security = security
        // `smtp.example.com.` (the DNS root's dot) is `smtp.example.com`.
        self.host = host.hasSuffix(".") ? String(host.lowercased().dropLast()) : host.lowercased()
        self.port = port ?? security.defaultPort
        self.user = user.flatMap { $0.isEmpty ? nil : $0 }
        self.from = from
        self.to = to
        try check()
    }

    /// The server of an address `address` made (`smtp://` or `smtps://`, the user percent-encoded).
    public init(address: String) throws(Problem) {
        let text = Array(address.utf8)
        guard text.count <= 2_000, let colon = address.range(of: "://") else {
            throw Problem("\"\(address.prefix(60))\" is not a mail address: write smtp://USER@HOST:587?from=…&to=….",
                          "“\(address.prefix(60))”不是邮件服务器地址，格式为 smtp://账号@服务器:587?from=…&to=…。")
        }
        guard let security = Security(rawValue: address[..<colon.lowerBound].lowercased()) else {
            throw Problem("A mail address starts with smtp:// (STARTTLS) or smtps:// (TLS).",
                          "邮件服务器地址须以 smtp://（STARTTLS）或 smtps://（TLS）开头。")
        }
        var rest = Substring(address[colon.upperBound...])
        var query = Substring("")
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        var user: String?
        if let at = rest.lastIndex(of: "@") {
            guard !rest[..<at].contains(":") else {
                throw Problem("Leave the password out of the address: it is the channel's secret (--secret).",
                              "密码不要写在地址里，请填在密钥（--secret）中。")
            }
            user = try Self.decode(rest[..<at])
            rest = rest[rest.index(after: at)...]
        }
        var port: Int?
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            // An IPv6 literal, `[::1]` or `[::1]:2525`.
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let number = Int(after.dropFirst()) else {
                    throw Problem("The port after \"\(rest[...close])\" must be a number.", "服务器后的端口须为数字。")
                }
                port = number
            }
            rest = rest[...close]
        } else if let portMark = rest.lastIndex(of: ":") {
            guard let number = Int(rest[rest.index(after: portMark)...]) else {
                throw Problem("The port after \"\(rest[..<portMark])\" must be a number.", "服务器后的端口须为数字。")
            }
            port = number
            rest = rest[..<portMark]
        }
        var from: String?, to: [String] = []
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            let value = try Self.decode(parts.count == 2 ? parts[1] : "")
            switch parts.first.map(String.init) {
            case "from": from = value
            case "to":
                to += value.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
            default:
                throw Problem("A mail address takes only from= and to= after the ?.", "邮件服务器地址的 ? 之后只能有 from= 和 to=。")
            }
        }
        try self.init(security: security, host: String(rest), port: port, user: user, from: from ?? user ?? "", to: to)
    }

    /// The address this server is kept as.
    public var address: String {
        let account = user.map { Self.encode($0) + "@" } ?? ""
        return "\(security.rawValue)://\(account)\(host):\(port)?from=\(Self.encode(from))&to="
            + to.map(Self.encode).joined(separator: ",")
    }

    /// The scheme and host only, for listings: `smtp://smtp.example.com/…` and how many receive it.
    public var masked: String { "\(security.rawValue)://\(host)/… → \(to.count)" }

    /// Whether the host is this machine (where a relay may take mail without TLS).
    public var isLoopback: Bool { ["127.0.0.1", "localhost", "[::1]"].contains(host) }

    func check() throws(Problem) {
        guard !host.isEmpty, host.count <= 253,
              host.utf8.allSatisfy({ Self.isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
                  || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") }) else {
            throw Problem("\"\(host.prefix(60))\" is not a mail server's name (e.g. smtp.exmail.qq.com).",
                          "“\(host.prefix(60))”不是邮件服务器名（例如 smtp.exmail.qq.com）。")
        }
        guard (1...65_535).contains(port) else {
            throw Problem("The port \(port) is not between 1 and 65535.", "端口 \(port) 不在 1 到 65535 之间。")
        }
        if security == .starttls && port == 465 {
            throw Problem("Port 465 speaks TLS from the start: write smtps://…:465.", "465 端口从一开始就是 TLS，请写 smtps://…:465。")
        }
        if security == .tls && [25, 587, 2525].contains(port) {
            throw Problem("Port \(port) starts in the clear and upgrades with STARTTLS: write smtp://…:\(port).",
                          "\(port) 端口先明文再用 STARTTLS 加密，请写 smtp://…:\(port)。")
        }
        if let user, user.count > 254 || user.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            throw Problem("The account name is not valid.", "账号名无效。")
        }
        guard Self.isAddress(from) else {
            throw Problem("The sender \"\(from.prefix(60))\" is not an e-mail address (from=…).",
                          "发件人“\(from.prefix(60))”不是邮箱地址（from=…）。")
        }
        guard !to.isEmpty, to.count <= Self.maxRecipients else {
            throw Problem("Give 1 to \(Self.maxRecipients) recipients (to=a@example.com,b@example.com).",
                          "请填写 1 到 \(Self.maxRecipients) 个收件人（to=a@example.com,b@example.com）。")
        }
        if let bad = to.first(where: { !Self.isAddress($0) }) {
            throw Problem("The recipient \"\(bad.prefix(60))\" is not an e-mail address.", "收件人“\(bad.prefix(60))”不是邮箱地址。")
        }
    }

    /// A plain `local@domain` address: printable ASCII without spaces, brackets, quotes or commas, at most 254
    /// characters, one `@` with a dotted domain (what goes between `<` and `>` in SMTP without quoting).
    public static func isAddress(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (3...254).contains(bytes.count), bytes.filter({ $0 == UInt8(ascii: "@") }).count == 1,
              let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0, at < bytes.count - 1 else { return false }
        let forbidden = Set("<>()[]\\,;:\" ".utf8)
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !forbidden.contains($0) }) else { return false }
        let domain = bytes[(at + 1)...]
        let dot = UInt8(ascii: ".")
        return domain.contains(dot) && domain.first != dot && domain.last != dot
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }

    /// Percent-encodes what would end a part of the address (`@ : / ? & = , %` and controls).
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if isAlphanumeric(byte) || "-._~+!*'$".utf8.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// Decodes `%XX` escapes; a stray `%` or text that is not UTF-8 is a problem.
    static func decode(_ text: Substring) throws(Problem) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else {
                throw Problem("A % in the address must be followed by two hex digits (%40 for @).", "地址中的 % 后须跟两位十六进制数（@ 写作 %40）。")
            }
            bytes.append(value)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw Problem("The address is not UTF-8 text.", "地址不是 UTF-8 文本。")
        }
        return decoded
    }
}
