import Hummingbird
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// The team page and its two actions, for administrators (of the workspace or of a client).
extension WebController {
    func team(_ request: Request) async throws -> Response {
        let (session, user) = try await signedIn(request)
        let l = Self.language(request)
        let team = try await access.team(as: user)
        let page = WebPage(title: l.pick("团队", "Team"), language: l, user: (user.user.name, session.csrfToken), path: "/team")
        return html(.ok, page.render(TeamPage(language: l, csrf: session.csrfToken).content(team)), request: request)
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
        if grant {
            guard let role = Role(rawValue: form["role"] ?? "") else { throw ServiceError(.invalidInput, "Choose a role: viewer, operator or admin.") }
            try await access.grant(user: id, role: role, on: target, as: user)
        } else {
            try await access.revoke(user: id, on: target, as: user)
        }
        return WebRedirect(location: "/team").response
    }
}
