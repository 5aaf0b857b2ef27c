import Hummingbird
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// The team page and its two actions, for administrators (of the workspace or of a client).
extension WebController {
    func team(_ request: Request, error: String? = nil) async throws -> Response {
        let (session, user) = try await signedIn(request)
        let l = Self.language(request)
        let team = try await access.team(as: user)
        let page = WebPage(title: l.pick("团队", "Team"), language: l, user: (user.user.name, session.csrfToken), path: "/team")
        let content = TeamPage(language: l, csrf: session.csrfToken, workspaceAdmin: user.policy.isWorkspaceAdmin, error: error,
                               user: user.user.id.rawValue).content(team)
        return html(error == nil ? .ok : .badRequest, page.render(content), request: request)
    }

    /// Adds a user with a first password, or sets a user's password (workspace admins; with the CSRF token). A value the
    /// service refuses is shown with the page.
    func teamUser(_ request: Request, add: Bool) async throws -> Response {
        let form = try await WebForm.read(request)
        let (session, user) = try await signedIn(request)
        try requireToken(form, session)
        do {
            if add {
                try await access.addUser(id: form["id"] ?? "", name: form["name"] ?? "", password: form["password"] ?? "", as: user,
                                         hasher: hasher)
            } else {
                try await access.setPassword(user: form["user"] ?? "", form["password"] ?? "", as: user, hasher: hasher)
            }
        } catch let error as ServiceError where error.code == .invalidInput {
            return try await team(request, error: error.message)
        } catch let error as ServiceError where error.code == .conflict {
            // User ids are unique across workspaces: which ones are taken elsewhere is not this workspace's business.
            _ = error
            let l = Self.language(request)
            return try await team(request, error: l.pick("这个用户名不能用，请换一个。", "That user id cannot be used; choose another."))
        }
        return WebRedirect(location: "/team").response
    }

    /// Gives (`grant`) or takes back a role; the form carries the session's CSRF token.
    func teamAction(_ request: Request, grant: Bool) async throws -> Response {
        let form = try await WebForm.read(request)
        let (session, user) = try await signedIn(request)
        try requireToken(form, session)
        let id = form["user"] ?? ""
        let target: Grant.Target?
        if grant {
            let parts = (form["target"] ?? "").split(separator: ":", maxSplits: 1).map(String.init)
            target = parts.count == 2 ? Grant.Target(kind: parts[0], id: parts[1]) : nil
        } else {
            target = Grant.Target(kind: form["kind"] ?? "", id: form["id"] ?? "")
        }
        guard let target else { throw ServiceError(.invalidInput, "Choose what the role is on: the workspace, a client or a store.") }
        do {
            if grant {
                guard let role = Role(rawValue: form["role"] ?? "") else {
                    throw ServiceError(.invalidInput, "Choose a role: viewer, operator or admin.")
                }
                try await access.grant(user: id, role: role, on: target, as: user)
            } else {
                try await access.revoke(user: id, on: target, as: user)
            }
        } catch let error as ServiceError where error.code == .invalidInput {
            return try await team(request, error: error.message)
        }
        return WebRedirect(location: "/team").response
    }
}
