import Foundation
import Hummingbird
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices
import StoreOpsStorage

/// The JSON API under `/api/v1`, for agency users with a bearer token (`Authorization: Bearer sto_...`). Every call
/// signs the user in and works through their `AccessContext`, so they reach only the stores their grants cover;
/// a store outside them answers 404 exactly like a store that does not exist.
struct APIController: Sendable {
    let access: AccessService
    let clock: @Sendable () -> Instant
    /// The largest upload `POST .../imports` accepts.
    let maxUploadBytes: Int

    func addRoutes(to router: Router<BasicRequestContext>) {
        let api = router.group("api/v1")
        api.get("me") { request, _ in try await respond { try await me(request) } }
        api.get("stores") { request, _ in try await respond { try await stores(request) } }
        api.get("stores/:store/table") { request, context in try await respond { try await table(request, context) } }
        api.get("stores/:store/report") { request, context in try await respond { try await report(request, context) } }
        api.get("stores/:store/imports") { request, context in try await respond { try await ledger(request, context) } }
        api.post("stores/:store/imports") { request, context in try await respond { try await upload(request, context) } }
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
        let stores = try await user.storage.stores()
        return Self.json(.ok, .object([("stores", .array(stores.map { store in
            .object([("id", .string(store.id.rawValue)), ("name", .string(store.name)), ("platform", .string(store.platform.rawValue)),
                     ("currency", .string(store.currency.code)), ("time_zone", .string(store.timeZone.identifier)),
                     ("client", store.client.map { .string($0.rawValue) } ?? .null),
                     ("role", user.policy.role(on: store).map { .string($0.rawValue) } ?? .null)])
        }))]))
    }

    /// The master table of `from`..`to` (default: the 30 days up to yesterday).
    func table(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let user = try await signIn(request)
        let id = try storeID(context)
        let service = ReportService(storage: user.storage, clock: clock)
        let store = try await user.storage.requireStore(id)
        let last = try day(request, "to") ?? service.yesterday(of: store)
        let first = try day(request, "from") ?? last.adding(days: -29)
        guard let days = DayRange(first, last) else {
            throw ServiceError(.invalidInput, "from \(first.iso) is after to \(last.iso).")
        }
        let (owner, rows) = try await service.masterTable(store: id, days: days)
        return Self.raw(.ok, MasterTableJSON.render(store: owner, rows: rows))
    }

    /// The daily report (`date`, default yesterday; `lang` zh or en, default from Accept-Language).
    func report(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let user = try await signIn(request)
        let report = try await BriefingService(storage: user.storage, clock: clock).briefing(store: try storeID(context), day: try day(request, "date"))
        return Self.raw(.ok, DailyReportJSONRenderer(language: Self.language(request)).render(report))
    }

    /// The store's import ledger.
    func ledger(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let user = try await signIn(request)
        let id = try storeID(context)
        _ = try await user.storage.requireStore(id)
        return Self.raw(.ok, ImportReportJSON.ledger(try await user.storage.importRecords(store: id)))
    }

    /// Imports the request body as one export file named `name` (its extension tells CSV from XLSX), optionally of
    /// format `kind`. 201 when imported, 200 when the same file was imported before, 422 when it did not validate.
    func upload(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let user = try await signIn(request)
        let id = try storeID(context)
        _ = try await user.storage.requireStore(id)
        guard let name = request.uri.queryParameters.get("name"), !name.isEmpty,
              !name.contains("/"), !name.contains("\\"), !name.hasPrefix(".") else {
            throw ServiceError(.invalidInput, "Give the file's name with ?name=, e.g. ?name=ExportOrderList.csv (its extension tells CSV from XLSX).")
        }
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: maxUploadBytes) } catch {
            throw ServiceError(.invalidInput, "The upload is larger than \(maxUploadBytes / 1_048_576) MB; import big exports with `storeops import`.")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("storeops-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(body.readableBytesView).write(to: file)
        var options = ImportOptions(kind: request.uri.queryParameters.get("kind"), date: try day(request, "date"))
        options.allowRoundedIDs = request.uri.queryParameters.get("allow_rounded_ids") == "true"
        let result = try await ImportService(storage: user.storage, clock: clock).importFile(file, store: id, options: options)
        let status: HTTPResponse.Status = switch result.status {
        case .imported: .created
        case .alreadyImported, .checked: .ok
        case .rejected: .unprocessableContent
        }
        return Self.raw(status, JSONValue.object([("files", .array([ImportReportJSON.object(result, chinese: Self.language(request) == .zh)]))]).rendered() + "\n")
    }

    // MARK: helpers

    func signIn(_ request: Request) async throws -> AccessContext {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw ServiceError(.unauthorized, "Send the user's token as `Authorization: Bearer TOKEN`.")
        }
        return try await access.authenticate(token: String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces))
    }

    func storeID(_ context: BasicRequestContext) throws -> StoreID {
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

    /// Runs an endpoint, answering its failures as `{"error": {"code", "message"}}` with the fitting status.
    func respond(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as ServiceError {
            let status: HTTPResponse.Status = switch error.code {
            case .invalidInput: .badRequest
            case .notFound: .notFound
            case .conflict: .conflict
            case .unauthorized: .unauthorized
            case .forbidden: .forbidden
            }
            var response = Self.error(status, error.code.rawValue, error.message)
            if error.code == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"storeops\"" }
            return response
        } catch let error as StorageError {
            switch error.code {
            // Outside the user's scope looks the same as missing.
            case .unknownStore, .forbidden: return Self.error(.notFound, "not_found", error.message)
            case .unavailable: return Self.error(.serviceUnavailable, "unavailable", error.message)
            default: return Self.error(.internalServerError, "storage", error.message)
            }
        }
    }

    static func error(_ status: HTTPResponse.Status, _ code: String, _ message: String) -> Response {
        json(status, .object([("error", .object([("code", .string(code)), ("message", .string(message))]))]))
    }

    static func json(_ status: HTTPResponse.Status, _ value: JSONValue) -> Response {
        raw(status, value.rendered() + "\n")
    }

    static func raw(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
