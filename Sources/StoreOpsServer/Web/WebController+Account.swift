import Hummingbird
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// The account page of every signed-in user (own password, own API token) and the team page's actions on users
/// (disable, enable, a new token), for workspace admins.
extension WebController {
    func account(_ request: Request, error: String? = nil) async throws -> Response {
        let (session, user) = try await signedIn(request)
        let l = Self.language(request)
        let page = WebPage(title: l.pick("我的账户", "My account"), language: l, user: (user.user.name, session.csrfToken),
                           path: "/account")
        let content = AccountPage(language: l, csrf: session.csrfToken).content(user: user.user, error: error)
        return html(error == nil ? .ok : .badRequest, page.render(content), request: request)
    }

    /// Changes the user's own password; every session ends, so the browser signs in again.
    func changePassword(_ request: Request) async throws -> Response {
        let form = try await WebForm.read(request)
        let (session, user) = try await signedIn(request)
        try requireToken(form, session)
        do {
            try await access.changePassword(current: form["current"] ?? "", new: form["password"] ?? "", as: user,
                                            throttle: throttle, hasher: hasher)
        } catch let error as ServiceError where error.code == .invalidInput || error.code == .tooManyRequests {
            return try await account(request, error: error.message)
        }
        var response = WebRedirect(location: "/signin").response
        response.setCookie(cookie(Self.sessionCookie, "", maxAge: 0))
        return response
    }

    /// Issues a new API token: to oneself from the account page, or (workspace admins) to a user of the team page.
    func issueToken(_ request: Request, fromTeam: Bool) async throws -> Response {
        let form = try await WebForm.read(request)
        let (session, user) = try await signedIn(request)
        try requireToken(form, session)
        let id = fromTeam ? form["user"] ?? "" : user.user.id.rawValue
        let token = try await access.issueToken(user: id, as: user)
        let owner = id == user.user.id.rawValue ? user.user : try await access.team(as: user).users.first { $0.id.rawValue == id }
        let l = Self.language(request)
        let page = WebPage(title: l.pick("新的 API 令牌", "New API token"), language: l, user: (user.user.name, session.csrfToken),
                           path: fromTeam ? "/team" : "/account")
        let content = AccountPage(language: l, csrf: session.csrfToken)
            .token(token, for: owner ?? user.user, back: fromTeam ? "/team" : "/account")
        return html(.ok, page.render(content), request: request)
    }

    /// Disables or enables a user of the workspace (workspace admins; not themselves).
    func setDisabled(_ request: Request, _ disabled: Bool) async throws -> Response {
        let form = try await WebForm.read(request)
        let (session, user) = try await signedIn(request)
        try requireToken(form, session)
        do {
            try await access.setDisabled(user: form["user"] ?? "", disabled, as: user)
        } catch let error as ServiceError where error.code == .invalidInput {
            return try await team(request, error: error.message)
        }
        return WebRedirect(location: "/team").response
    }
}
