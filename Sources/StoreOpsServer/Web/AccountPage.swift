import StoreOpsCore
import StoreOpsReports

/// The signed-in user's own account: who they are, a form to change their password (with the current one) and one
/// to issue a new API token for their scripts; and the page that shows a token once.
struct AccountPage {
    let language: Language
    let csrf: String

    func content(user: User, error: String?) -> String {
        let l = language, e = WebPage.escape
        var html = "<h1>\(e(l.pick("我的账户", "My account")))</h1>"
        if let error { html += "<p class=\"error\" role=\"alert\">\(e(error))</p>" }
        html += "<p>\(e(user.name)) <span class=\"muted\">\(e(user.id.rawValue)) · \(e(l.pick("工作区", "workspace"))) "
            + "\(e(user.workspace.rawValue))</span></p>"
        html += "<h2>\(e(l.pick("修改密码", "Change the password")))</h2>"
            + "<p class=\"muted\">\(e(l.pick("修改后所有已登录的浏览器都会退出，请用新密码重新登录。", "Every browser signed in as you is signed out; sign in again with the new password.")))</p>"
            + "<form class=\"settings\" method=\"post\" action=\"/account/password\">\(WebPage.csrfField(csrf))"
            + "<label>\(e(l.pick("当前密码", "Current password"))) <input name=\"current\" type=\"password\" "
            + "autocomplete=\"current-password\" required></label> "
            + "<label>\(e(l.pick("新密码", "New password"))) <input name=\"password\" type=\"password\" "
            + "autocomplete=\"new-password\" required minlength=\"10\"></label> "
            + "<button type=\"submit\">\(e(l.pick("修改", "Change")))</button></form>"
        html += "<h2>\(e(l.pick("API 令牌", "API token")))</h2>"
            + "<p class=\"muted\">\(e(l.pick("脚本用令牌调用 JSON API（Authorization: Bearer …），权限与你的角色相同。新令牌生成后旧令牌立即失效。", "Scripts call the JSON API with a token (Authorization: Bearer …) with your roles. A new token ends the earlier one at once.")))</p>"
            + "<form class=\"settings\" method=\"post\" action=\"/account/token\">\(WebPage.csrfField(csrf))"
            + "<input type=\"hidden\" name=\"user\" value=\"\(e(user.id.rawValue))\">"
            + "<button type=\"submit\">\(e(l.pick("生成新令牌", "Issue a new token")))</button></form>"
        return html
    }

    /// A token just issued: shown this once (only its hash is kept).
    func token(_ token: String, for user: User, back: String) -> String {
        let l = language, e = WebPage.escape
        return "<h1>\(e(l.pick("新的 API 令牌", "New API token")))</h1>"
            + "<p>\(e(l.pick("用户", "User"))) \(e(user.name)) <span class=\"muted\">\(e(user.id.rawValue))</span></p>"
            + "<p><code class=\"token\">\(e(token))</code></p>"
            + "<p class=\"error\">\(e(l.pick("令牌只显示这一次：现在复制到脚本的密钥存储里。旧令牌已失效。", "The token is shown this once: copy it into your script's secret store now. The earlier token no longer works.")))</p>"
            + "<p><a href=\"\(e(back))\">\(e(l.pick("返回", "Back")))</a></p>"
    }
}
