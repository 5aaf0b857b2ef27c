import Hummingbird
import Logging
import StoreOpsReports
import StoreOpsServices

/// Wraps every request: gives it a request id (`X-Request-ID`, also in the log), answers every failure as an RFC 9457
/// problem (`application/problem+json`: type, title, status, detail, with `code` and `request_id`; the earlier
/// `{"error": {"code", "message", "request_id"}}` kept beside them) with the fitting status, logs unexpected ones
/// with the id, and marks every response as private and typed (`Cache-Control: no-store`,
/// `X-Content-Type-Options: nosniff`): answers hold store data and tokens' reach.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let id = Self.newRequestID()
        var logger = context.logger
        logger[metadataKey: "request_id"] = .string(id)
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = Self.response(for: error, requestID: id, request: request, logger: logger)
        }
        response.headers[.cacheControl] = "no-store"
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("X-Request-ID")!] = id
        // One line per request (the path without its query), at info; failures of the server at warning.
        let elapsed = ContinuousClock.now - started
        let ms = elapsed.components.seconds * 1_000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        logger.log(level: response.status.code >= 500 ? .warning : .info,
                   "\(request.method) \(request.uri.path) \(response.status.code) \(ms) ms")
        return response
    }

    /// The JSON error for `error`; anything but a known failure is logged in full and answered without detail.
    static func response(for error: any Error, requestID: String, request: Request, logger: Logger) -> Response {
        func answer(_ status: HTTPResponse.Status, _ code: String, _ message: String) -> Response {
            var response = APIController.json(status, .object([
                ("type", .string("about:blank")), ("title", .string(status.reasonPhrase)), ("status", .int(Int64(status.code))),
                ("detail", .string(message)), ("code", .string(code)), ("request_id", .string(requestID)),
                ("error", .object([("code", .string(code)), ("message", .string(message)), ("request_id", .string(requestID))])),
            ]))
            response.headers[.contentType] = "application/problem+json; charset=utf-8"
            return response
        }
        if let error = ServiceError.classify(error) {
            let status: HTTPResponse.Status = switch error.code {
            case .invalidInput: .badRequest
            case .notFound: .notFound
            case .conflict: .conflict
            case .unauthorized: .unauthorized
            case .forbidden: .forbidden
            case .tooLarge: .contentTooLarge
            case .unavailable: .serviceUnavailable
            case .tooManyRequests: .tooManyRequests
            case .outOfRange: .unprocessableContent
            case .storage: .internalServerError
            }
            if error.code == .storage {
                logger.error("storage error on \(request.method) \(request.uri.path): \(error.message)")
                return answer(status, "storage", "The database failed (request \(requestID)); the server log has the details.")
            }
            if error.code == .unavailable { logger.warning("unavailable: \(error.message)") }
            var response = answer(status, error.code.rawValue, error.message)
            if error.code == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"storeops\"" }
            if error.code == .unavailable || error.code == .tooManyRequests { response.headers[.retryAfter] = "5" }
            return response
        }
        switch error {
        case let error as UploadTimedOut:
            return answer(.requestTimeout, "timeout", "The upload took longer than \(error.timeout.components.seconds) seconds to "
                + "arrive; import big exports with `storeops import`, or from a faster connection.")
        case let error as UploadTooLarge:
            return answer(.contentTooLarge, "too_large",
                          "The upload is larger than \(error.limit >> 20) MB; import big exports with `storeops import`.")
        case let error as HTTPResponseError:
            let message = (error as? HTTPError)?.body ?? error.status.reasonPhrase
            return answer(error.status, error.status == .notFound ? "not_found" : "http_\(error.status.code)", message)
        default:
            logger.error("unexpected error on \(request.method) \(request.uri.path): \(String(reflecting: error))")
            return answer(.internalServerError, "internal", "Something failed inside the server (request \(requestID)); the server log "
                + "has the details.")
        }
    }

    static func newRequestID() -> String {
        var generator = SystemRandomNumberGenerator()
        let hex = String(generator.next() as UInt64, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
