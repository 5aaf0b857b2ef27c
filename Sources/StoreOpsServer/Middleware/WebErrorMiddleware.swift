import Hummingbird
import Logging
import StoreOpsReports
import StoreOpsServices

/// Answers the web pages' failures as pages: a redirect goes out as such, a missing session sends the browser to
/// sign in, and every other failure is an HTML page with the status the API would give and its message (a store
/// outside the user's grants is "not found", like one that does not exist).
struct WebErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let redirect as WebRedirect {
            return redirect.response
        } catch {
            let api = APIErrorMiddleware<Context>.response(for: error, requestID: APIErrorMiddleware<Context>.newRequestID(), request: request,
                                                           logger: context.logger)
            return page(status: api.status, request: request)
        }
    }

    func page(status: HTTPResponse.Status, request: Request) -> Response {
        let l = WebController.language(request), e = WebPage.escape
        let message: String = switch status.code {
        case 400: l.pick("请求有误，请检查输入。", "The request is not valid; check what was entered.")
        case 403: l.pick("你的角色不能执行此操作，或表单已过期（请刷新后重试）。", "Your role does not allow this, or the form expired (reload and try again).")
        case 404: l.pick("没有这个页面或店铺，或你没有查看它的权限。", "There is no such page or store, or you may not see it.")
        case 503: l.pick("服务器暂时不可用，请稍后再试。", "The server cannot answer now; try again shortly.")
        default: l.pick("服务器出错了，请稍后再试；日志里有详情。", "Something failed in the server; the log has the details.")
        }
        let body = "<h1>\(status.code)</h1><p class=\"error\">\(e(message))</p><p><a href=\"/overview\">\(e(l.pick("返回总览", "Back to the overview")))</a></p>"
        let html = WebPage(title: String(status.code), language: l, user: nil, path: request.uri.path).render(body)
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
