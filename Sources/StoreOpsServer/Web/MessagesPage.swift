import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// A store's messages and schedule: when its morning routine runs by itself (and its recent runs), the chat robots
/// its briefing goes to (addresses shown as their host only), a test send, and the delivery ledger. Operators
/// change them; the inbox folder is a path on the server, so it is set with `storeops schedule set --inbox` only.
struct MessagesPage {
    let language: Language
    let csrf: String
    let canWrite: Bool

    struct Model {
        var schedule: Schedule?
        var runs: [ScheduleRun]
        var channels: [NotifyChannel]
        /// Why the channels could not be read (the server's key does not open them), if so.
        var channelsProblem: String?
        var deliveries: [Delivery]
        var results: [NotifyResult]
        var error: String?
    }

    func content(store: Store, _ m: Model) -> String {
        let l = language, e = WebPage.escape
        let base = StoreNav.messages.path(store.id)
        var html = StoreNav.render(store, current: .messages, language: l)
        html += "<h1>\(e(l.pick("消息与定时", "Messages and schedule")))</h1>"
        if let error = m.error { html += "<p class=\"error\" role=\"alert\">\(e(error))</p>" }
        if !m.results.isEmpty {
            html += "<section class=\"result\"><h2>\(e(l.pick("试发结果", "Test send")))</h2><ul>"
            for r in m.results {
                let status = r.delivery.status == .sent ? l.pick("已送达", "sent") : l.pick("失败", "failed")
                html += "<li\(r.delivery.status == .sent ? "" : " class=\"error\"")>\(e(r.channel.id)) (\(e(r.channel.kind.title))): "
                    + "\(e(status))\(e(r.delivery.detail.map { " — \($0)" } ?? ""))</li>"
            }
            html += "</ul></section>"
        }
        // Schedule.
        html += "<section><h2>\(e(l.pick("每日自动运行", "Every morning by itself")))</h2>"
        html += "<p>" + e(m.schedule.map { l.pick("每天 \($0.time)（\(store.timeZone.identifier)）：导入收件文件夹、运行检查并记为任务、把昨天的日报发到下面的群。",
                                                  "Every day at \($0.time) (\(store.timeZone.identifier)): import the inbox, run the checks and record their tasks, send yesterday's briefing to the groups below.") }
                          ?? l.pick("还没有定时：日报不会自动发送。", "Not scheduled: the briefing is not sent by itself.")) + "</p>"
        if let inbox = m.schedule?.inbox {
            html += "<p class=\"muted\">\(e(l.pick("收件文件夹：", "Inbox: ")))\(e(inbox))</p>"
        } else {
            html += "<p class=\"muted\">\(e(l.pick("收件文件夹在服务器上用 storeops schedule set --inbox 设置。", "The inbox folder is set on the server with storeops schedule set --inbox.")))</p>"
        }
        if canWrite {
            html += "<form class=\"settings\" method=\"post\" action=\"\(e(base))/schedule\">\(WebPage.csrfField(csrf))"
                + "<label>\(e(l.pick("时间", "Time"))) <input name=\"at\" type=\"time\" required value=\"\(e(m.schedule?.time ?? "09:00"))\"></label> "
                + "<label><input type=\"checkbox\" name=\"alerts\" value=\"on\"\(m.schedule?.alerts == true ? " checked" : "")> "
                + "\(e(l.pick("紧急发现（主推款售罄、退款将超时、投诉期限）即时推送", "Push urgent findings (sold-out hero, refund about to time out, complaint deadline) as found")))</label> "
                + "<button type=\"submit\">\(e(l.pick("保存", "Save")))</button></form>"
            if m.schedule != nil {
                html += "<form class=\"inline\" method=\"post\" action=\"\(e(base))/schedule/remove\">\(WebPage.csrfField(csrf))"
                    + "<button type=\"submit\">\(e(l.pick("停止自动运行", "Stop")))</button></form>"
            }
        }
        if !m.runs.isEmpty {
            html += table([l.pick("日期", "Day"), l.pick("状态", "Status"), l.pick("开始", "Started"), l.pick("结果", "What it did")],
                          m.runs.map { [$0.day.iso, $0.status.rawValue, $0.startedAt.iso, $0.detail ?? "—"] })
        }
        html += "</section>"
        // Channels.
        html += "<section><h2>\(e(l.pick("消息渠道", "Chat channels")))</h2>"
        if let problem = m.channelsProblem { html += "<p class=\"error\">\(e(problem))</p>" }
        if m.channels.isEmpty && m.channelsProblem == nil {
            html += "<p class=\"muted\">\(e(l.pick("还没有渠道。", "No channels yet.")))</p>"
        } else if !m.channels.isEmpty {
            html += "<div class=\"scroll\"><table><thead><tr>" + [l.pick("名称", "Name"), l.pick("应用", "App"), l.pick("地址", "Address"),
                l.pick("签名", "Signed"), l.pick("关键词", "Keyword"), l.pick("语言", "Language"), ""].map { "<th>\(e($0))</th>" }.joined()
                + "</tr></thead><tbody>"
            for c in m.channels {
                var remove = ""
                if canWrite {
                    remove = "<form class=\"inline\" method=\"post\" action=\"\(e(base))/channel/remove\">\(WebPage.csrfField(csrf))"
                        + "<input type=\"hidden\" name=\"name\" value=\"\(e(c.id))\"><button type=\"submit\">\(e(l.pick("删除", "Remove")))</button></form>"
                }
                html += "<tr>" + [c.id, c.kind.title, c.maskedURL, c.secret == nil ? "—" : l.pick("是", "yes"), c.keyword ?? "—", c.language]
                    .map { "<td>\(e($0))</td>" }.joined() + "<td>\(remove)</td></tr>"
            }
            html += "</tbody></table></div>"
            if canWrite {
                html += "<form method=\"post\" action=\"\(e(base))/test\">\(WebPage.csrfField(csrf))"
                    + "<button type=\"submit\">\(e(l.pick("现在试发昨天的日报", "Send yesterday's briefing now (test)")))</button></form>"
            }
        }
        if canWrite {
            let mailHint = l.pick("邮件：smtp://账号@服务器:587?to=收件人1,收件人2（STARTTLS），或 smtps://…:465（TLS）；密码填在密钥栏。",
                                  "E-mail: smtp://ACCOUNT@SERVER:587?to=A,B (STARTTLS), or smtps://…:465 (TLS); the password goes in the secret field.")
            let kinds = NotifyChannel.Kind.allCases.map { "<option value=\"\($0.rawValue)\">\(e($0.title))</option>" }.joined()
            html += "<h3>\(e(l.pick("添加渠道", "Add a channel")))</h3><form class=\"settings\" method=\"post\" action=\"\(e(base))/channel\">"
                + WebPage.csrfField(csrf)
                + "<label>\(e(l.pick("名称", "Name"))) <input name=\"name\" required maxlength=\"40\" pattern=\"[A-Za-z0-9_-]+\" placeholder=\"boss-group\"></label> "
                + "<label>\(e(l.pick("应用", "App"))) <select name=\"channel\">\(kinds)</select></label> "
                + "<label>\(e(l.pick("机器人地址（Webhook），或邮件服务器", "Robot address (webhook), or mail server"))) <input name=\"url\" type=\"url\" required autocomplete=\"off\" "
                + "title=\"smtp://ops@shop.example@smtp.exmail.qq.com:587?to=boss@shop.example\"></label> "
                + "<label>\(e(l.pick("签名密钥（钉钉、飞书）或邮箱密码，可选", "Signing secret (DingTalk, Feishu) or mail password; optional"))) <input name=\"secret\" type=\"password\" autocomplete=\"off\"></label> "
                + "<label>\(e(l.pick("关键词（可选）", "Keyword (optional)"))) <input name=\"keyword\" maxlength=\"40\"></label> "
                + "<label>\(e(l.pick("语言", "Language"))) <select name=\"lang\"><option value=\"zh\">中文</option><option value=\"en\">English</option></select></label> "
                + "<button type=\"submit\">\(e(l.pick("添加", "Add")))</button></form>"
                + "<p class=\"muted\">\(e(mailHint))</p>"
        }
        html += "</section>"
        // Ledger.
        html += "<section><h2>\(e(l.pick("发送记录（近 14 天）", "Messages sent (last 14 days)")))</h2>"
        html += m.deliveries.isEmpty ? "<p class=\"muted\">\(e(l.pick("还没有发送过。", "Nothing sent yet.")))</p>"
            : table([l.pick("日期", "Day"), l.pick("报告", "Report"), l.pick("渠道", "Channel"), l.pick("状态", "Status"),
                     l.pick("尝试", "Attempts"), l.pick("详情", "Detail")],
                    m.deliveries.map { [$0.day.iso, $0.report, $0.channel, $0.status.rawValue, String($0.attempts), $0.detail ?? ""] })
        return html + "</section>"
    }

    func table(_ header: [String], _ rows: [[String]]) -> String {
        let e = WebPage.escape
        return "<div class=\"scroll\"><table class=\"ledger\"><thead><tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
            + rows.map { "<tr>" + $0.map { "<td>\(e($0))</td>" }.joined() + "</tr>" }.joined() + "</tbody></table></div>"
    }
}
