import Foundation
import Hummingbird
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// The JSON API under `/api/v1`, for agency users with a bearer token (`Authorization: Bearer sto_...`) or, from the
/// web workbench's own scripts, its session cookie (a call that changes anything then also sends the session's CSRF
/// token as `X-CSRF-Token`). Every call signs the user in and works through their `AccessContext`, so they reach only
/// the stores their grants cover; a store outside them answers 404 exactly like a store that does not exist.
struct APIController: Sendable {
    let access: AccessService
    let clock: @Sendable () -> Instant
    /// Where uploads wait while they are imported.
    let staging: UploadStaging
    /// How many uploads run at once.
    let gate: UploadGate
    /// The largest upload `POST .../imports` accepts.
    let maxUploadBytes: Int
    /// How long one upload may take to arrive.
    let uploadTimeout: Duration
    /// The program's build, under which overview lines are kept in the database; nil keeps none.
    let build: String?

    /// Every route, by method and path: the security suite walks this list, so a new route is covered by it.
    static let routes: [(method: HTTPRequest.Method, path: String)] = [
        (.get, "me"), (.get, "stores"), (.get, "overview"), (.get, "stores/:store/table"), (.get, "stores/:store/report"),
        (.get, "stores/:store/imports"), (.post, "stores/:store/imports"), (.get, "stores/:store/customers"),
        (.get, "stores/:store/reports/weekly"), (.get, "stores/:store/reports/monthly"), (.get, "stores/:store/reports/period"),
        (.get, "stores/:store/plan"), (.get, "stores/:store/kpi"), (.get, "stores/:store/activities/:activity/review"),
        (.get, "clients/:client/report"), (.get, "openapi.json"),
    ]

    func addRoutes(to router: Router<ServerContext>) {
        let api = router.group("api/v1")
        for (method, path) in Self.routes {
            api.on(RouterPath(path), method: method) { request, context in
                switch (method, path) {
                case (.get, "openapi.json"): Self.raw(.ok, APIDocument.json)
                case (.get, "me"): try await me(request)
                case (.get, "stores"): try await stores(request)
                case (.get, "overview"): try await overview(request)
                case (.get, "stores/:store/table"): try await table(request, context)
                case (.get, "stores/:store/report"): try await report(request, context)
                case (.get, "stores/:store/imports"): try await ledger(request, context)
                case (.post, "stores/:store/imports"): try await upload(request, context)
                case (.get, "stores/:store/customers"): try await customers(request, context)
                case (.get, "stores/:store/reports/weekly"): try await weeklyReport(request, context)
                case (.get, "stores/:store/reports/monthly"): try await monthlyReport(request, context)
                case (.get, "stores/:store/reports/period"): try await periodReport(request, context)
                case (.get, "clients/:client/report"): try await clientReport(request, context)
                case (.get, "stores/:store/plan"): try await plan(request, context)
                case (.get, "stores/:store/kpi"): try await kpi(request, context)
                case (.get, "stores/:store/activities/:activity/review"): try await activityReview(request, context)
                default: throw ServiceError(.notFound, "There is no such route.")
                }
            }
        }
    }

    // MARK: endpoints

    /// The signed-in user and their grants.
    func me(_ request: Request) async throws -> Response {
        let user = try await signIn(request)
        return Self.json(.ok, .object([
            ("user", .object([("id", .string(user.user.id.rawValue)), ("name", .string(user.user.name)), ("workspace", .string(user.user.workspace.rawValue))])),
            ("grants", .array(user.policy.grants.map { .object([("on", .string($0.target.kind)), ("id", .string($0.target.id)), ("role", .string($0.role.rawValue))]) })),
        ]))
    }

    /// The stores the user can read, with their role on each.
    func stores(_ request: Request) async throws -> Response {
        let user = try await signIn(request)
        let stores = try await user.stores()
        return Self.json(.ok, .object([("stores", .array(stores.map { store in
            .object([("id", .string(store.id.rawValue)), ("name", .string(store.name)), ("platform", .string(store.platform.rawValue)),
                     ("currency", .string(store.currency.code)), ("time_zone", .string(store.timeZone.identifier)),
                     ("client", store.client.map { .string($0.rawValue) } ?? .null),
                     ("role", user.policy.role(on: store).map { .string($0.rawValue) } ?? .null)])
        }))]))
    }

    /// The agency overview of every store the user can read (`date`, default yesterday in each store's time zone).
    func overview(_ request: Request) async throws -> Response {
        let user = try await signIn(request)
        let lines = try await OverviewService(user, clock: clock, build: build).overview(of: try await user.stores(),
                                                                                           day: try day(request, "date"))
        return Self.raw(.ok, OverviewRenderer.json(lines))
    }

    /// The master table of `from`..`to` (default: the 30 days up to yesterday).
    func table(_ request: Request, _ context: ServerContext) async throws -> Response {
        let user = try await signIn(request)
        let id = try storeID(context)
        let service = ReportService(user, clock: clock)
        let store = try await user.store(id)
        let last = try day(request, "to") ?? service.yesterday(of: store)
        let first = try day(request, "from") ?? last.adding(days: -29)
        guard let days = DayRange(first, last) else {
            throw ServiceError(.invalidInput, "from \(first.iso) is after to \(last.iso).")
        }
        let (owner, rows) = try await service.masterTable(store: id, days: days)
        return Self.raw(.ok, MasterTableJSON.render(store: owner, rows: rows))
    }

    /// The daily report (`date`, default yesterday; `lang` zh or en, default from Accept-Language).
    func report(_ request: Request, _ context: ServerContext) async throws -> Response {
        let user = try await signIn(request)
        let report = try await BriefingService(user, clock: clock).briefing(store: try storeID(context), day: try day(request, "date"))
        return Self.raw(.ok, DailyReportJSONRenderer(language: Self.language(request)).render(report))
    }

    /// The customer report of `from`..`to` (default: the 90 days up to yesterday), `cohort` month or week, every
    /// customer or those of `segment`: the JSON of `storeops report customers --format json`.
    func customers(_ request: Request, _ context: ServerContext) async throws -> Response {
        let user = try await signIn(request)
        let id = try storeID(context)
        let store = try await user.store(id)
        let last = try day(request, "to") ?? ReportService(user, clock: clock).yesterday(of: store)
        let first = try day(request, "from") ?? last.adding(days: -89)
        guard let days = DayRange(first, last) else { throw ServiceError(.invalidInput, "from \(first.iso) is after to \(last.iso).") }
        let query = request.uri.queryParameters
        let grain = try query.get("cohort").map { text in
            guard let grain = CohortGrain(rawValue: text) else { throw ServiceError(.invalidInput, "cohort=\(text): use month or week.") }
            return grain
        } ?? .month
        let segment = try query.get("segment").map { text in
            guard let segment = CustomerSegment(rawValue: text) else {
                throw ServiceError(.invalidInput, "segment=\(text) is not a segment: use one of \(CustomerSegment.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return segment
        }
        let report = try await CustomerService(user).report(store: id, days: days, grain: grain, segment: segment)
        return Self.raw(.ok, CustomerReportRenderer.json(report))
    }

    /// The store's import ledger.
    func ledger(_ request: Request, _ context: ServerContext) async throws -> Response {
        let user = try await signIn(request)
        let id = try storeID(context)
        _ = try await user.store(id)
        return Self.raw(.ok, ImportReportJSON.ledger(try await ImportService(user, clock: clock).ledger(store: id)))
    }

    /// Imports the request body as one export file named `name` (its extension tells CSV from XLSX), optionally of
    /// format `kind`. 201 when imported, 200 when the same file was imported before, 422 when it did not validate.
    /// The role is checked before a byte of the body is read; the body streams to a private file, never to memory.
    func upload(_ request: Request, _ context: ServerContext) async throws -> Response {
        // Refused before its body is read: the body is then not received at all.
        let checked: (user: AccessContext, id: StoreID, name: String, options: ImportOptions)
        do {
            checked = try await checkUpload(request, context)
        } catch {
            context.refuseBody(of: request)
            throw error
        }
        let staging = self.staging, limit = maxUploadBytes, uploadTimeout = self.uploadTimeout, clock = self.clock
        let imported = try await gate.run { () async throws -> ImportReport in
            let file = try await staging.stage(request.body, name: checked.name, limit: limit, timeout: uploadTimeout)
            defer { staging.remove(file) }
            return try await ImportService(checked.user, clock: clock).importFile(file, store: checked.id, options: checked.options)
        }
        guard let result = imported else {
            context.refuseBody(of: request)
            throw ServiceError(.unavailable, "\(gate.capacity) uploads are being imported already; try again in a few seconds.")
        }
        let status: HTTPResponse.Status = switch result.status {
        case .imported: .created
        case .alreadyImported, .checked: .ok
        case .rejected: .unprocessableContent
        }
        return Self.raw(status, JSONValue.object([("files", .array([ImportReportJSON.object(result, chinese: Self.language(request) == .zh)]))]).rendered() + "\n")
    }

    /// What an upload may do, from its head alone: the user's role on the store, the file's name, the size it
    /// declares and the import's options.
    private func checkUpload(_ request: Request, _ context: ServerContext) async throws
        -> (user: AccessContext, id: StoreID, name: String, options: ImportOptions) {
        let user = try await signIn(request)
        let id = try storeID(context)
        let store = try await user.store(id)
        guard user.policy.permits(.write, on: store) else {
            throw ServiceError(.forbidden, "\(user.user.id) may read store \(id) but not import into it: that needs the operator role.")
        }
        guard let name = request.uri.queryParameters.get("name"), Self.isPlainFileName(name) else {
            throw ServiceError(.invalidInput, "Give the file's name with ?name=, e.g. ?name=ExportOrderList.csv (its extension tells CSV from XLSX).")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxUploadBytes {
            throw UploadTooLarge(limit: maxUploadBytes)
        }
        var options = ImportOptions(kind: request.uri.queryParameters.get("kind"), date: try day(request, "date"))
        options.allowRoundedIDs = request.uri.queryParameters.get("allow_rounded_ids") == "true"
        return (user, id, name, options)
    }

    /// A name without folders, hidden-file dots or control characters, short enough for any file system.
    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 200 && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\")
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    // MARK: helpers

    func signIn(_ request: Request) async throws -> AccessContext {
        if request.headers[.authorization] == nil, let cookie = request.cookies[WebController.sessionCookie]?.value {
            let (session, context) = try await access.session(id: cookie)
            if request.method != .get && request.method != .head {
                guard let token = request.headers[.init("X-CSRF-Token")!], WebController.same(token, session.csrfToken) else {
                    throw ServiceError(.forbidden, "A call made with the workbench's session must send its CSRF token as X-CSRF-Token.")
                }
            }
            return context
        }
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw ServiceError(.unauthorized, "Send the user's token as `Authorization: Bearer TOKEN`.")
        }
        return try await access.authenticate(token: String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces))
    }

    func storeID(_ context: ServerContext) throws -> StoreID {
        guard let text = context.parameters.get("store"), let id = StoreID(text) else {
            throw ServiceError(.notFound, "There is no such store.")
        }
        return id
    }

    func day(_ request: Request, _ name: String) throws -> Day? {
        guard let text = request.uri.queryParameters.get(name) else { return nil }
        guard let day = Day(iso: text) else { throw ServiceError(.invalidInput, "\(name)=\(text) is not a day: use YYYY-MM-DD.") }
        return day
    }

    static func language(_ request: Request) -> Language {
        if let lang = request.uri.queryParameters.get("lang") { return lang.hasPrefix("zh") ? .zh : .en }
        guard let accept = request.headers[.acceptLanguage] else { return .en }
        return Language.from(locale: accept.split(separator: ",").first.map(String.init) ?? accept)
    }

    static func json(_ status: HTTPResponse.Status, _ value: JSONValue) -> Response {
        raw(status, value.rendered() + "\n")
    }

    static func raw(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
