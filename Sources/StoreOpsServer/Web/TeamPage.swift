import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// The team page of an administrator: the workspace's users with their roles (each one the administrator manages
/// can be taken back), and a form to give a user a role on the workspace, a client or a store.
struct TeamPage {
    let language: Language
    let csrf: String

    /// Whether the reader administers the whole workspace (adds users, sets passwords).
    let workspaceAdmin: Bool
    /// What a form could not do, and why.
    let error: String?
    /// The reader's user id: their own roles and account are changed by another administrator.
    let user: String

    func content(_ team: Team) -> String {
        let l = language, e = WebPage.escape
        let manageable = Set(team.targets)
        func name(_ target: Grant.Target) -> String {
            let kind = switch target {
            case .workspace: l.pick("工作区", "workspace")
            case .client: l.pick("客户", "client")
            case .store: l.pick("店铺", "store")
            }
            return "\(kind) \(team.names[target] ?? target.id) (\(target.id))"
        }
        func roleLabel(_ role: Role) -> String {
            switch role {
            case .viewer: l.pick("查看", "viewer")
            case .operator: l.pick("运营", "operator")
            case .admin: l.pick("管理员", "admin")
            }
        }
        var html = "<h1>\(e(l.pick("团队与角色", "Team and roles")))</h1>"
        if let error { html += "<p class=\"error\" role=\"alert\">\(e(error))</p>" }
        html += "<p class=\"muted\">\(e(l.pick("查看：看数据和报告；运营：还能导入、改目标/成本/任务；管理员：还能管理客户的店铺和人员。", "Viewer reads; operator also imports and edits targets, costs and tasks; admin also manages the client's stores and people.")))</p>"
        html += "<div class=\"scroll\"><table class=\"team\"><thead><tr><th>\(e(l.pick("用户", "User")))</th><th>\(e(l.pick("角色", "Roles")))</th>"
            + (workspaceAdmin ? "<th>\(e(l.pick("账户", "Account")))</th>" : "") + "</tr></thead><tbody>"
        for user in team.users {
            let grants = (team.grants[user.id] ?? []).map { grant -> String in
                var item = "\(e(roleLabel(grant.role))) · \(e(name(grant.target)))"
                if manageable.contains(grant.target), user.id.rawValue != self.user {
                    item += "<form class=\"inline\" method=\"post\" action=\"/team/revoke\">\(WebPage.csrfField(csrf))"
                        + "<input type=\"hidden\" name=\"user\" value=\"\(e(user.id.rawValue))\">"
                        + "<input type=\"hidden\" name=\"kind\" value=\"\(e(grant.target.kind))\"><input type=\"hidden\" name=\"id\" value=\"\(e(grant.target.id))\">"
                        + "<button type=\"submit\">\(e(l.pick("收回", "Take back")))</button></form>"
                }
                return item
            }
            let disabled = user.disabledAt == nil ? "" : " <span class=\"muted\">(\(e(l.pick("已停用", "disabled"))))</span>"
            html += "<tr><td>\(e(user.name)) <span class=\"muted\">\(e(user.id.rawValue))</span>\(disabled)</td>"
                + "<td>\(grants.isEmpty ? "—" : grants.joined(separator: "<br>"))</td>"
            if workspaceAdmin { html += "<td>\(userActions(user))</td>" }
            html += "</tr>"
        }
        html += "</tbody></table></div>"
        html += "<h2>\(e(l.pick("授予角色", "Give a role")))</h2><form class=\"settings\" method=\"post\" action=\"/team/grant\">\(WebPage.csrfField(csrf))"
            + "<label>\(e(l.pick("用户", "User"))) <select name=\"user\">"
            + team.users.map { "<option value=\"\(e($0.id.rawValue))\">\(e($0.name)) (\(e($0.id.rawValue)))</option>" }.joined() + "</select></label> "
            + "<label>\(e(l.pick("角色", "Role"))) <select name=\"role\">"
            + Role.allCases.map { "<option value=\"\($0.rawValue)\">\(e(roleLabel($0)))</option>" }.joined() + "</select></label> "
            + "<label>\(e(l.pick("范围", "On"))) <select name=\"target\">"
            + team.targets.map { "<option value=\"\(e($0.kind)):\(e($0.id))\">\(e(name($0)))</option>" }.joined() + "</select></label> "
            + "<button type=\"submit\">\(e(l.pick("授予", "Give")))</button></form>"
        guard workspaceAdmin else { return html }
        let userOptions = team.users.map { "<option value=\"\(e($0.id.rawValue))\">\(e($0.name)) (\(e($0.id.rawValue)))</option>" }.joined()
        html += "<h2>\(e(l.pick("添加用户", "Add a user")))</h2><form class=\"settings\" method=\"post\" action=\"/team/users\">\(WebPage.csrfField(csrf))"
            + "<label>\(e(l.pick("用户名", "User id"))) <input name=\"id\" required maxlength=\"60\" pattern=\"[a-z0-9_-]+\"></label> "
            + "<label>\(e(l.pick("姓名", "Name"))) <input name=\"name\" required maxlength=\"60\"></label> "
            + "<label>\(e(l.pick("初始密码", "First password"))) <input name=\"password\" type=\"password\" autocomplete=\"new-password\" required minlength=\"10\"></label> "
            + "<button type=\"submit\">\(e(l.pick("添加", "Add")))</button></form>"
        html += "<h2>\(e(l.pick("重设密码", "Set a password")))</h2><form class=\"settings\" method=\"post\" action=\"/team/password\">\(WebPage.csrfField(csrf))"
            + "<label>\(e(l.pick("用户", "User"))) <select name=\"user\">\(userOptions)</select></label> "
            + "<label>\(e(l.pick("新密码", "New password"))) <input name=\"password\" type=\"password\" autocomplete=\"new-password\" required minlength=\"10\"></label> "
            + "<button type=\"submit\">\(e(l.pick("设置", "Set")))</button></form>"
        return html
    }

    /// A workspace admin's buttons on a user: disable or enable (not on themselves), a new API token.
    func userActions(_ user: User) -> String {
        let l = language, e = WebPage.escape
        func button(_ action: String, _ label: String) -> String {
            "<form class=\"inline\" method=\"post\" action=\"/team/\(action)\">\(WebPage.csrfField(csrf))"
                + "<input type=\"hidden\" name=\"user\" value=\"\(e(user.id.rawValue))\">"
                + "<button type=\"submit\">\(e(label))</button></form>"
        }
        var html = button("token", l.pick("新 API 令牌", "New API token"))
        guard user.id.rawValue != self.user else { return html }
        html += user.disabledAt == nil ? button("disable", l.pick("停用", "Disable")) : button("enable", l.pick("启用", "Enable"))
        return html
    }
}
