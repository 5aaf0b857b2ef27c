import StoreOpsCore
import StoreOpsReports

/// The workbench's page layout: the top bar (pages, the signed-in user, language switch, sign-out form carrying
/// the session's CSRF token) around a page's content, with the one stylesheet and no inline script or style.
struct WebPage {
    let title: String
    let language: Language
    /// The signed-in user's name and the session's CSRF token; nil on the sign-in page.
    let user: (name: String, csrf: String)?
    /// The path of this page, without query, for the language links.
    let path: String

    func render(_ content: String) -> String {
        let l = language, e = Self.escape
        var bar = "<a class=\"brand\" href=\"/overview\">StoreOps</a>"
        if let user {
            bar += "<nav><a href=\"/overview\">\(e(l.pick("总览", "Overview")))</a> <a href=\"/team\">\(e(l.pick("团队", "Team")))</a></nav>"
            bar += "<a class=\"who\" href=\"/account\" title=\"\(e(l.pick("我的账户", "My account")))\">\(e(user.name))</a>"
        }
        bar += "<span class=\"lang\"><a href=\"\(e(path))?lang=zh\" lang=\"zh-CN\">中文</a> · "
            + "<a href=\"\(e(path))?lang=en\" lang=\"en\">English</a></span>"
        if let user {
            bar += "<form class=\"signout\" method=\"post\" action=\"/signout\">\(Self.csrfField(user.csrf))"
                + "<button type=\"submit\">\(e(l.pick("退出", "Sign out")))</button></form>"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(l == .zh ? "zh-CN" : "en")"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title)) · StoreOps</title><link rel="stylesheet" href="/assets/app.css">
            <script src="/assets/app.js" defer></script></head>
            <body><header class="top">\(bar)</header>
            <main>
            \(content)
            </main></body></html>

            """
    }

    /// The form that shows the same page for another day.
    static func dayPicker(action: String, day: Day, language l: Language) -> String {
        "<form class=\"daypicker\" method=\"get\" action=\"\(escape(action))\"><label>\(escape(l.pick("日期", "Day"))) "
            + "<input type=\"date\" name=\"date\" value=\"\(day.iso)\"></label> "
            + "<button type=\"submit\">\(escape(l.pick("查看", "Show")))</button></form>"
    }

    /// The hidden form field that carries the CSRF token.
    static func csrfField(_ token: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(escape(token))\">"
    }

    /// `text` safe inside HTML text and attribute values.
    static func escape(_ text: String) -> String { SVGChart.escape(text) }

    /// The workbench's stylesheet: the reports' own rules (the briefing's content is a report), then the layout's.
    static let stylesheet = ReportPage.style + "\n" + """
        *{box-sizing:border-box}body{max-width:none;margin:0;padding:0}
        .top{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;padding:8px 16px;background:#24292f;color:#fff}
        .top a{color:#fff;text-decoration:none}.top .brand{font-weight:600}.top nav{display:flex;gap:12px;flex:1}
        .top .who{color:#d0d7de}.top .lang a{color:#d0d7de}.top form{margin:0}
        .top button{background:none;border:1px solid #57606a;color:#fff;border-radius:4px;padding:2px 8px;cursor:pointer}
        main{padding:0 12px}
        .signin{max-width:360px;margin:48px auto}.signin label{display:block;margin:12px 0 4px}
        .signin input{width:100%;padding:8px;font-size:16px}.signin button{margin-top:16px;padding:8px 16px;font-size:16px}
        .error{color:#cf222e;background:#ffebe9;padding:8px 12px;border-radius:4px}
        .overview td:first-child,.overview th:first-child{text-align:left}.overview .trend{font-family:monospace}
        .overview .crit{color:#cf222e;font-weight:600}.overview .warn{color:#9a6700}
        svg.spark{vertical-align:middle}svg.spark .line{fill:none;stroke:#0969da;stroke-width:1.5}svg.spark .last{fill:#0969da}
        .scroll{overflow-x:auto}.daypicker{margin:12px 0}.muted{color:#59636e}
        nav.store{margin:12px 0;display:flex;flex-wrap:wrap;gap:4px 12px;align-items:baseline}
        nav.store a{color:#0969da}nav.store a.current{font-weight:600;color:#1f2328;text-decoration:none}
        main{max-width:1200px;margin:0 auto}table.wide th,table.wide td{white-space:nowrap}table.master th.group{text-align:center}
        .board{display:flex;flex-wrap:wrap;gap:12px}.board .column{flex:1 1 260px;background:#f6f8fa;padding:8px;border-radius:6px}
        .card{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:8px;margin:8px 0}.card p{margin:4px 0}
        form.inline{display:inline;margin-left:8px}form.assign{margin-top:6px}form.assign input{width:60%}
        .drop{border:2px dashed #8c959f;border-radius:8px;padding:24px;text-align:center;margin:12px 0}.drop.over{background:#ddf4ff}
        label.wide{display:block;margin:8px 0}label.wide textarea{display:block;width:100%;max-width:480px;font-family:monospace}
        .keywords td:nth-last-child(2){white-space:nowrap}.keywords td:last-child{text-align:left;min-width:16em}
        code.token{word-break:break-all;background:#f6f8fa;padding:4px 8px;border-radius:4px}
        .result{border-top:1px solid #d8dee4;margin-top:8px}progress{width:100%}.ledger td,.ledger th,.team td,.team th{text-align:left}
        @media (max-width:600px){body{margin:0}.top{padding:8px}th,td{padding:4px}}

        """
}
