import Foundation
import StoreOpsCore

/// A message as the bytes an SMTP server takes (RFC 5322 with MIME): CRLF line ends, every header ASCII (the subject
/// as UTF-8 encoded words), every part in Base64 of at most 76 characters a line, so no line is long and none starts
/// with a dot. The text and the HTML are alternatives of one another; attachments go beside them.
public enum MailRenderer {
    /// The message from `from` to `to`, dated `date`, with `messageID` (without the angle brackets).
    public static func render(_ message: MailMessage, from: String, to: [String], date: Instant,
                              messageID: String) -> Data {
        var lines = [
            "Date: \(rfc5322(date))",
            "From: StoreOps <\(from)>",
            "To: " + to.map { "<\($0)>" }.joined(separator: ",\r\n "),
            "Subject: \(encodedWords(message.subject))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
        ]
        let text = part("text/plain; charset=UTF-8", Data(message.text.utf8))
        let body: [String] = if let html = message.html {
            multipart("alternative", "=_StoreOps_alternative",
                      [text, part("text/html; charset=UTF-8", Data(html.utf8))])
        } else {
            text
        }
        if message.attachments.isEmpty {
            lines += body
        } else {
            let files = message.attachments.map { file in
                part("\(file.contentType);\r\n name=\"\(file.name)\"", file.data,
                     extra: ["Content-Disposition: attachment;\r\n filename=\"\(file.name)\""])
            }
            lines += multipart("mixed", "=_StoreOps_mixed", [body] + files)
        }
        return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// A part's headers, a blank line and its content in Base64. A long type (the workbook's) starts on a folded line.
    static func part(_ contentType: String, _ data: Data, extra: [String] = []) -> [String] {
        let long = contentType.prefix { $0 != ";" }.count > 60
        let type = long ? "Content-Type:\r\n \(contentType)" : "Content-Type: \(contentType)"
        return [type, "Content-Transfer-Encoding: base64"] + extra + [""] + base64Lines(data)
    }

    /// A multipart of `parts` (each its header and body lines) under `boundary`, which Base64 never contains (`_`).
    static func multipart(_ subtype: String, _ boundary: String, _ parts: [[String]]) -> [String] {
        var lines = ["Content-Type: multipart/\(subtype); boundary=\"\(boundary)\"", ""]
        for part in parts { lines += ["--\(boundary)"] + part }
        lines.append("--\(boundary)--")
        return lines
    }

    static func base64Lines(_ data: Data) -> [String] {
        let encoded = Array(data.base64EncodedString().utf8)
        return stride(from: 0, to: encoded.count, by: 76).map { start in
            String(decoding: encoded[start..<min(start + 76, encoded.count)], as: UTF8.self)
        }
    }

    /// `text` as a header value: itself when it is short printable ASCII, else UTF-8 encoded words of 60 characters
    /// at most (36 bytes of whole Unicode scalars each), folded onto lines of their own, so that with the header's name
    /// no line passes 78 characters. Line breaks become spaces.
    static func encodedWords(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        let printable = flat.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        if flat.utf8.count <= 70, printable, !flat.contains("=?") { return flat }
        var words: [[UInt8]] = [], chunk: [UInt8] = []
        // Split between Unicode scalars (at most 4 bytes each), so that every word is whole UTF-8.
        for scalar in flat.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > 36 {
                words.append(chunk)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// `Sat, 05 Dec 2026 04:01:47 +0000`.
    static func rfc5322(_ instant: Instant) -> String {
        let day = instant.utcDay
        let (year, month, dayOfMonth) = day.components
        let second = Int(instant.seconds - Int64(day.number) * 86_400)
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(names[day.weekday - 1]), \(two(dayOfMonth)) \(months[month - 1]) \(year) "
            + "\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60)) +0000"
    }
}
