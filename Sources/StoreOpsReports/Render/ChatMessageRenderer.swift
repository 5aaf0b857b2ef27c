import StoreOpsCore

/// A digest as the JSON body each chat app's robot takes, in its own format and within its size limit:
/// DingTalk markdown (under 20,000 bytes), WeCom markdown (content under 4,096 bytes), a Feishu/Lark interactive
/// card (under 20 KB), Slack blocks with a plain-text fallback. A robot with keyword security gets its keyword in
/// the text; a signing Feishu robot gets `timestamp` and `sign` in the body (DingTalk's go in the address). An
/// e-mail's text is the same in plain text (`plainText`).
public enum ChatMessageRenderer {
    /// The body for `kind`, with `keyword` added when the text lacks it, and Feishu's signature fields.
    public static func body(_ digest: ChatDigest, kind: NotifyChannel.Kind, keyword: String? = nil,
                            feishuSignature: (timestamp: Int64, sign: String)? = nil) -> String {
        let limit = kind == .wecom ? 4_000 : 18_000
        // Fewer findings until it fits; then the summary is cut.
        var d = digest
        var text = markdown(d, kind: kind, keyword: keyword)
        while text.utf8.count > limit, !d.findings.isEmpty {
            d.findings.removeLast()
            d.more += 1
            text = markdown(d, kind: kind, keyword: keyword)
        }
        while text.utf8.count > limit, d.summary.count > 20 {
            d.summary = String(d.summary.prefix(d.summary.count * 3 / 4)) + "…"
            text = markdown(d, kind: kind, keyword: keyword)
        }
        switch kind {
        case .dingtalk:
            return JSONValue.object([("msgtype", .string("markdown")),
                                     ("markdown", .object([("title", .string(d.title)), ("text", .string(text))]))]).rendered()
        case .wecom:
            return JSONValue.object([("msgtype", .string("markdown")), ("markdown", .object([("content", .string(text))]))]).rendered()
        case .feishu:
            var elements: [JSONValue] = [.object([("tag", .string("div")), ("text", .object([("tag", .string("lark_md")), ("content", .string(text))]))])]
            if let link = d.link {
                elements.append(.object([("tag", .string("action")), ("actions", .array([.object([
                    ("tag", .string("button")), ("text", .object([("tag", .string("plain_text")), ("content", .string(linkText(d)))])),
                    ("url", .string(link)), ("type", .string("primary")),
                ])]))]))
            }
            let card = JSONValue.object([
                ("header", .object([("title", .object([("tag", .string("plain_text")), ("content", .string(d.title))])),
                                    ("template", .string("blue"))])),
                ("elements", .array(elements)),
            ])
            var fields: [(String, JSONValue)] = []
            if let feishuSignature {
                fields += [("timestamp", .string(String(feishuSignature.timestamp))), ("sign", .string(feishuSignature.sign))]
            }
            return JSONValue.object(fields + [("msg_type", .string("interactive")), ("card", card)]).rendered()
        case .email:
            return text
        case .slack:
            var blocks: [JSONValue] = [
                .object([("type", .string("header")), ("text", .object([("type", .string("plain_text")), ("text", .string(d.title))]))]),
                .object([("type", .string("section")), ("text", .object([("type", .string("mrkdwn")), ("text", .string(text))]))]),
            ]
            if let link = d.link {
                blocks.append(.object([("type", .string("section")), ("text", .object([
                    ("type", .string("mrkdwn")), ("text", .string("<\(slackEscape(link))|\(slackEscape(linkText(d)))>")),
                ]))]))
            }
            return JSONValue.object([("text", .string("\(d.title): \(d.summary)")), ("blocks", .array(blocks))]).rendered()
        }
    }

    /// The digest as an e-mail's plain text: the summary, the figures, the findings and the link on a line of its own.
    public static func plainText(_ digest: ChatDigest) -> String { markdown(digest, kind: .email, keyword: nil) + "\n" }

    /// The message's text in the app's markdown: DingTalk, WeCom and Feishu take `**bold**` and `[text](url)`;
    /// Slack's mrkdwn takes `*bold*` and escapes `&`, `<`, `>`; e-mail's is plain text.
    static func markdown(_ d: ChatDigest, kind: NotifyChannel.Kind, keyword: String?) -> String {
        let l = d.language
        let slack = kind == .slack
        func bold(_ s: String) -> String { slack ? "*\(slackEscape(s))*" : kind == .email ? s : "**\(s)**" }
        func plain(_ s: String) -> String { slack ? slackEscape(s) : s }
        var lines: [String] = []
        if kind == .dingtalk || kind == .wecom { lines.append("### \(d.title)") }
        lines.append(plain(d.summary))
        if !d.figures.isEmpty { lines.append(d.figures.map { "- " + plain($0) }.joined(separator: "\n")) }
        if d.findings.isEmpty {
            lines.append(plain(l.pick("检查没有发现问题。", "The checks found nothing.")))
        } else {
            var block = bold(l.pick("需要处理", "To act on")) + "\n" + d.findings.map { "- " + plain($0) }.joined(separator: "\n")
            if d.more > 0 { block += "\n" + plain(l.pick("另有 \(d.more) 条，见完整报告。", "\(d.more) more in the full report.")) }
            lines.append(block)
        }
        if let link = d.link, kind == .dingtalk || kind == .wecom { lines.append("[\(linkText(d))](\(link))") }
        if let link = d.link, kind == .email { lines.append("\(linkText(d)): \(link)") }
        var text = lines.joined(separator: "\n\n")
        if let keyword, !keyword.isEmpty, !text.contains(keyword) { text += "\n\n" + plain(keyword) }
        return text
    }

    static func linkText(_ d: ChatDigest) -> String { d.language.pick("打开完整报告", "Open the full report") }

    static func slackEscape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
