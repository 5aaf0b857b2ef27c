import Foundation

/// What an e-mail says: its subject, the text every mail program shows, the same as an HTML page for those that
/// show HTML, and files attached (a report's workbook).
public struct MailMessage: Hashable, Sendable {
    /// A file sent with the message.
    public struct Attachment: Hashable, Sendable {
        /// The file's name: ASCII letters, digits, `.`, `-` and `_` (others become `-`).
        public var name: String
        public var contentType: String
        public var data: Data

        public init(name: String, contentType: String, data: Data) {
            self.name = String(name.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || ".-_".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "-"
            }.prefix(100))
            self.contentType = contentType
            self.data = data
        }

        /// An XLSX workbook named `name`.
        public static func xlsx(_ name: String, _ data: Data) -> Attachment {
            Attachment(name: name, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       data: data)
        }
    }

    public var subject: String
    public var text: String
    public var html: String?
    public var attachments: [Attachment]

    public init(subject: String, text: String, html: String? = nil, attachments: [Attachment] = []) {
        self.subject = subject
        self.text = text
        self.html = html
        self.attachments = attachments
    }
}
