import Foundation
import Hummingbird
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// The web workbench's pages: sign-in and sign-out, the agency overview and a store's briefing, server-rendered
/// in Simplified Chinese or English. A page needs a session (cookie `storeops_session`, HttpOnly, SameSite=Lax);
/// every form posted carries the session's CSRF token (the sign-in form a token of its own, double-submitted in a
/// cookie). Pages of stores the user cannot read answer 404, as the API does.
struct WebController: Sendable {
    let access: AccessService
    /// What the messages page needs: the key sealing robots' addresses, the transport, the workbench's address.
    let services: ServerServices
    let clock: @Sendable () -> Instant
    let throttle: LoginThrottle
    let hasher: PasswordHasher
    /// Whether cookies are marked Secure (served over TLS, or behind a proxy that is).
    let secureCookies: Bool
    /// Whether the client's address is the last one a local reverse proxy appended to `X-Forwarded-For`.
    let behindProxy: Bool
    /// Briefings, master tables and overview lines, kept while their store's data does not change.
    let cache: ReportCache
    /// Where the imports form's files wait while they are imported, how many imports run at once (shared with the
    /// API), the largest form and how long it may take to arrive.
    let staging: UploadStaging
    let gate: UploadGate
    let maxUploadBytes: Int
    let uploadTimeout: Duration

    static let sessionCookie = "storeops_session"
    static let signInCookie = "storeops_signin"
    static let languageCookie = "storeops_lang"

    /// Every page, by method and path: the route tests walk this list, so a new page is covered by them.
    static let routes: [(method: HTTPRequest.Method, path: String)] = [
        (.get, "/"), (.get, "/signin"), (.post, "/signin"), (.post, "/signout"), (.get, "/overview"),
        (.get, "/stores/:store/briefing"), (.get, "/stores/:store/table"), (.get, "/stores/:store/table.csv"),
        (.get, "/stores/:store/table.xlsx"), (.get, "/stores/:store/checks"), (.post, "/stores/:store/tasks/sync"),
        (.post, "/stores/:store/tasks/:task/close"), (.post, "/stores/:store/tasks/:task/reopen"),
        (.post, "/stores/:store/tasks/:task/assign"), (.get, "/stores/:store/weekly"), (.get, "/stores/:store/monthly"),
        (.get, "/stores/:store/ads"), (.get, "/stores/:store/products"), (.get, "/stores/:store/service"),
        (.get, "/stores/:store/aftersales"), (.get, "/stores/:store/reviews"), (.get, "/stores/:store/competitors"),
        (.get, "/stores/:store/settings"), (.post, "/stores/:store/settings/target"), (.post, "/stores/:store/settings/costs"),
        (.post, "/stores/:store/settings/checks"), (.get, "/stores/:store/plan"), (.get, "/stores/:store/kpi"),
        (.get, "/stores/:store/activities"), (.get, "/stores/:store/activities/:activity"),
        (.get, "/stores/:store/imports"), (.post, "/stores/:store/imports"), (.get, "/assets/app.css"),
        (.get, "/assets/app.js"), (.get, "/team"), (.post, "/team/grant"), (.post, "/team/revoke"), (.post, "/team/users"),
        (.post, "/team/password"), (.post, "/team/disable"), (.post, "/team/enable"), (.post, "/team/token"),
        (.get, "/account"), (.post, "/account/password"), (.post, "/account/token"),
        (.get, "/stores/:store/messages"), (.post, "/stores/:store/messages/channel"), (.post, "/stores/:store/messages/channel/remove"),
        (.post, "/stores/:store/messages/test"), (.post, "/stores/:store/messages/schedule"),
        (.post, "/stores/:store/messages/schedule/remove"),
    ]

    func addRoutes(to router: Router<ServerContext>) {
        let web = router.group().add(middleware: WebErrorMiddleware())
        for (method, path) in Self.routes {
            web.on(RouterPath(path), method: method) { request, context in
                switch (method, path) {
                case (.get, "/"): WebRedirect(location: "/overview").response
                case (.get, "/signin"): signInPage(request, error: nil, status: .ok, next: request.uri.queryParameters.get("next"))
                case (.post, "/signin"): try await signIn(request, context)
                case (.post, "/signout"): try await signOut(request)
                case (.get, "/overview"): try await overview(request)
                case (.get, "/stores/:store/briefing"): try await briefing(request, context)
                case (.get, "/stores/:store/table"): try await table(request, context)
                case (.get, "/stores/:store/table.csv"): try await tableFile(request, context, xlsx: false)
                case (.get, "/stores/:store/table.xlsx"): try await tableFile(request, context, xlsx: true)
                case (.get, "/stores/:store/checks"): try await checks(request, context)
                case (.post, "/stores/:store/tasks/sync"): try await syncTasks(request, context)
                case (.post, "/stores/:store/tasks/:task/close"): try await taskAction(request, context, "close")
                case (.post, "/stores/:store/tasks/:task/reopen"): try await taskAction(request, context, "reopen")
                case (.post, "/stores/:store/tasks/:task/assign"): try await taskAction(request, context, "assign")
                case (.get, "/stores/:store/weekly"): try await periodReport(request, context, .weekly)
                case (.get, "/stores/:store/monthly"): try await periodReport(request, context, .monthly)
                case (.get, "/stores/:store/imports"): try await imports(request, context)
                case (.post, "/stores/:store/imports"): try await uploadForm(request, context)
                case (.get, "/stores/:store/ads"): try await topic(request, context, .ads)
                case (.get, "/stores/:store/products"): try await topic(request, context, .products)
                case (.get, "/stores/:store/service"): try await topic(request, context, .service)
                case (.get, "/stores/:store/aftersales"): try await topic(request, context, .aftersales)
                case (.get, "/stores/:store/reviews"): try await topic(request, context, .reviews)
                case (.get, "/stores/:store/competitors"): try await topic(request, context, .competitors)
                case (.get, "/stores/:store/settings"): try await settings(request, context, error: nil)
                case (.get, "/stores/:store/plan"): try await rhythm(request, context, .plan)
                case (.get, "/stores/:store/kpi"): try await rhythm(request, context, .kpi)
                case (.get, "/stores/:store/activities"): try await activities(request, context)
                case (.get, "/stores/:store/activities/:activity"): try await activityReview(request, context)
                case (.post, "/stores/:store/settings/target"): try await saveSettings(request, context, .target)
                case (.post, "/stores/:store/settings/costs"): try await saveSettings(request, context, .costs)
                case (.post, "/stores/:store/settings/checks"): try await saveSettings(request, context, .checks)
                case (.get, "/assets/app.css"): asset(WebPage.stylesheet, type: "text/css; charset=utf-8")
                case (.get, "/assets/app.js"): asset(ImportsPage.script, type: "text/javascript; charset=utf-8")
                case (.get, "/team"): try await team(request)
                case (.post, "/team/grant"): try await teamAction(request, grant: true)
                case (.post, "/team/revoke"): try await teamAction(request, grant: false)
                case (.post, "/team/users"): try await teamUser(request, add: true)
                case (.post, "/team/password"): try await teamUser(request, add: false)
                case (.post, "/team/disable"): try await setDisabled(request, true)
                case (.post, "/team/enable"): try await setDisabled(request, false)
                case (.post, "/team/token"): try await issueToken(request, fromTeam: true)
                case (.get, "/account"): try await account(request)
                case (.post, "/account/password"): try await changePassword(request)
                case (.post, "/account/token"): try await issueToken(request, fromTeam: false)
                case (.get, "/stores/:store/messages"): try await messages(request, context)
                case (.post, "/stores/:store/messages/channel"): try await saveMessages(request, context, .addChannel)
                case (.post, "/stores/:store/messages/channel/remove"): try await saveMessages(request, context, .removeChannel)
                case (.post, "/stores/:store/messages/test"): try await saveMessages(request, context, .test)
                case (.post, "/stores/:store/messages/schedule"): try await saveMessages(request, context, .schedule)
                case (.post, "/stores/:store/messages/schedule/remove"): try await saveMessages(request, context, .removeSchedule)
                default: throw ServiceError(.notFound, "There is no such page.")
                }
            }
        }
    }

    // MARK: pages

    /// The sign-in form, with a fresh token for it in a cookie and in the form.
    func signInPage(_ request: Request, error: String?, status: HTTPResponse.Status, next: String?) -> Response {
        let l = Self.language(request), e = WebPage.escape
        let token = Self.randomToken()
        let next = Self.safeNext(next)
        var form = "<section class=\"signin\"><h1>\(e(l.pick("登录 StoreOps", "Sign in to StoreOps")))</h1>"
        if let error { form += "<p class=\"error\" role=\"alert\">\(e(error))</p>" }
        form += "<form method=\"post\" action=\"/signin\">\(WebPage.csrfField(token))"
            + "<input type=\"hidden\" name=\"next\" value=\"\(e(next))\">"
            + "<label for=\"user\">\(e(l.pick("用户名", "User id")))</label>"
            + "<input id=\"user\" name=\"user\" autocomplete=\"username\" required autofocus>"
            + "<label for=\"password\">\(e(l.pick("密码", "Password")))</label>"
            + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
            + "<button type=\"submit\">\(e(l.pick("登录", "Sign in")))</button></form></section>"
        var response = html(status, WebPage(title: l.pick("登录", "Sign in"), language: l, user: nil, path: "/signin").render(form),
                            request: request)
        response.setCookie(cookie(Self.signInCookie, token, maxAge: 3600))
        return response
    }

    /// Checks the form's token against its cookie, then the password; on success a new session and its cookie.
    func signIn(_ request: Request, _ context: ServerContext) async throws -> Response {
        let form = try await WebForm.read(request)
        let l = Self.language(request)
        guard let token = form["csrf"], let expected = request.cookies[Self.signInCookie]?.value, Self.same(token, expected) else {
            return signInPage(request, error: l.pick("登录表单已过期，请重试。", "The sign-in form expired; please try again."),
                              status: .forbidden, next: form["next"])
        }
        let address = clientAddress(request, context)
        do {
            let (sessionID, _, _) = try await access.signIn(user: form["user"] ?? "", password: form["password"] ?? "",
                                                           address: address, throttle: throttle, hasher: hasher)
            var response = WebRedirect(location: Self.safeNext(form["next"])).response
            response.setCookie(cookie(Self.sessionCookie, sessionID, maxAge: Int(AccessService.sessionSeconds)))
            response.setCookie(cookie(Self.signInCookie, "", maxAge: 0))
            return response
        } catch let error as ServiceError where error.code == .unauthorized || error.code == .tooManyRequests {
            let message = error.code == .unauthorized ? l.pick("用户名或密码错误。", "Wrong user id or password.")
                : l.pick("密码错误次数过多，请稍后再试。", "Too many wrong passwords; please wait and try again.")
            var response = signInPage(request, error: message, status: error.code == .unauthorized ? .unauthorized : .tooManyRequests,
                                      next: form["next"])
            if error.code == .tooManyRequests { response.headers[.retryAfter] = "5" }
            return response
        }
    }

    /// Ends the session (the form must carry its CSRF token) and forgets the cookie.
    func signOut(_ request: Request) async throws -> Response {
        let form = try await WebForm.read(request)
        let (session, _) = try await signedIn(request)
        try requireToken(form, session)
        if let id = request.cookies[Self.sessionCookie]?.value { try await access.signOut(sessionID: id) }
        var response = WebRedirect(location: "/signin").response
        response.setCookie(cookie(Self.sessionCookie, "", maxAge: 0))
        return response
    }

    /// Every store the user can read (`date`, default yesterday in each store's time zone).
    func overview(_ request: Request) async throws -> Response {
        let (session, user) = try await signedIn(request)
        let l = Self.language(request)
        let lines = try await OverviewService(user, clock: clock, cache: cache, build: services.build)
            .overview(of: try await user.stores(), day: try day(request))
        let page = WebPage(title: l.pick("总览", "Overview"), language: l, user: (user.user.name, session.csrfToken), path: "/overview")
        return html(.ok, page.render(OverviewPage(language: l).content(lines)), request: request)
    }

    /// A store's daily briefing (`date`, default yesterday), with a day picker.
    func briefing(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (session, user) = try await signedIn(request)
        let l = Self.language(request)
        let store = try await requireStore(context, user)
        let day = try day(request) ?? store.timeZone.yesterday(now: clock())
        let clock = self.clock
        // Kept rendered: most of a kept page's time would otherwise go into writing its HTML again.
        let report = try await cache.value("briefing.\(l.rawValue)", store: store.id, detail: day.iso, as: user) {
            DailyReportHTMLRenderer(language: l).body(try await BriefingService(user, clock: clock).briefing(store: store.id, day: day))
        }
        let path = StoreNav.briefing.path(store.id)
        let picker = WebPage.dayPicker(action: path, day: day, language: l)
        let body = StoreNav.render(store, current: .briefing, language: l) + picker + report
        let page = WebPage(title: "\(store.name) \(day.iso)", language: l, user: (user.user.name, session.csrfToken),
                           path: path)
        return html(.ok, page.render(body), request: request)
    }

    func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    // MARK: helpers

    /// The session of the request's cookie and what its user may reach; not signed in sends the browser to sign in.
    func signedIn(_ request: Request) async throws -> (WebSession, AccessContext) {
        // After signing in the browser goes back to the page; a form's action cannot be gone back to, so the overview.
        let next = request.method == .get ? Self.nextParameter(request) : "%2Foverview"
        guard let id = request.cookies[Self.sessionCookie]?.value, !id.isEmpty else {
            throw WebRedirect(location: "/signin?next=" + next)
        }
        do {
            return try await access.session(id: id)
        } catch let error as ServiceError where error.code == .unauthorized {
            throw WebRedirect(location: "/signin?next=" + next)
        }
    }

    /// The client's address: the peer's, or behind a local reverse proxy (the peer is this machine) the last address it
    /// appended; a client reaching the port directly cannot choose its address that way.
    func clientAddress(_ request: Request, _ context: ServerContext) -> String? {
        let peer = context.channel.remoteAddress?.ipAddress
        let local = peer.map { $0 == "127.0.0.1" || $0 == "::1" || $0.hasPrefix("127.") || $0 == "::ffff:127.0.0.1" } ?? false
        if behindProxy, local, let forwarded = request.headers[.init("X-Forwarded-For")!],
           let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty, last.utf8.count <= 64 {
            return last
        }
        return peer
    }

    /// Refuses a form without the session's CSRF token.
    func requireToken(_ form: WebForm, _ session: WebSession) throws {
        guard let token = form["csrf"], Self.same(token, session.csrfToken) else {
            throw ServiceError(.forbidden, "The form's security token is missing or stale: reload the page and try again. "
                + "表单的安全令牌缺失或已过期：请刷新页面后重试。")
        }
    }

    func day(_ request: Request) throws -> Day? {
        guard let text = request.uri.queryParameters.get("date"), !text.isEmpty else { return nil }
        guard let day = Day(iso: text) else { throw ServiceError(.invalidInput, "date=\(text) is not a day: use YYYY-MM-DD.") }
        return day
    }

    /// An HTML answer; a `lang` in the query is remembered in a cookie.
    func html(_ status: HTTPResponse.Status, _ body: String, request: Request) -> Response {
        var response = Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        if let lang = request.uri.queryParameters.get("lang"), let language = Language(rawValue: String(lang.prefix(2))) {
            response.setCookie(cookie(Self.languageCookie, language.rawValue, maxAge: 365 * 86_400))
        }
        return response
    }

    func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    /// The page's language: `lang` in the query, else the remembered one, else the browser's first choice.
    static func language(_ request: Request) -> Language {
        if let lang = request.uri.queryParameters.get("lang") { return lang.hasPrefix("zh") ? .zh : .en }
        if let remembered = request.cookies[languageCookie]?.value, let language = Language(rawValue: remembered) { return language }
        return APIController.language(request)
    }

    /// Where to go after signing in: a path of this site only (never `//host` or a full URL), else the overview.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.utf8.count <= 512,
              !next.unicodeScalars.contains(where: { $0.value < 0x21 }) else { return "/overview" }
        return next
    }

    /// The request's path and query, percent-encoded for a `next` parameter.
    static func nextParameter(_ request: Request) -> String {
        let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        return target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "%2Foverview"
    }

    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
    }
}
