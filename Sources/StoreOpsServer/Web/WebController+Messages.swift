import Hummingbird
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// The messages page of a store and its forms: the schedule's time, chat channels added and removed, a test send.
extension WebController {
    func messages(_ request: Request, _ context: ServerContext, error: String? = nil, results: [NotifyResult] = []) async throws -> Response {
        let (session, user) = try await signedIn(request)
        let store = try await requireStore(context, user)
        let l = Self.language(request)
        let notify = NotifyService(user, services: services), schedules = ScheduleService(user, services: services)
        var model = MessagesPage.Model(schedule: try await schedules.schedule(store: store.id), runs: try await schedules.runs(store: store.id),
                                       channels: [], deliveries: [], results: results, error: error)
        do {
            model.channels = try await notify.channels(store: store.id)
        } catch let problem as ServiceError where problem.code == .invalidInput {
            model.channelsProblem = problem.message
        }
        let today = store.timeZone.day(of: clock())
        model.deliveries = try await notify.deliveries(store: store.id, through: today)
        let page = WebPage(title: "\(store.name) · \(l.pick("消息与定时", "Messages"))", language: l, user: (user.user.name, session.csrfToken),
                           path: StoreNav.messages.path(store.id))
        let content = MessagesPage(language: l, csrf: session.csrfToken, canWrite: user.policy.permits(.write, on: store)).content(store: store, model)
        return html(error == nil ? .ok : .badRequest, page.render(content), request: request)
    }

    /// Which form of the messages page was posted.
    enum MessagesForm {
        case addChannel, removeChannel, test, schedule, removeSchedule
    }

    /// One form (operators, with the session's CSRF token); a value the services refuse is shown with the page.
    func saveMessages(_ request: Request, _ context: ServerContext, _ form: MessagesForm) async throws -> Response {
        let (store, user, fields) = try await action(request, context)
        let notify = NotifyService(user, services: services), schedules = ScheduleService(user, services: services)
        do {
            switch form {
            case .addChannel:
                guard let kind = NotifyChannel.Kind(rawValue: fields["channel"] ?? "") else {
                    throw ServiceError(.invalidInput, "Choose the app: DingTalk, WeCom, Feishu, Slack or e-mail. "
                        + "请选择应用：钉钉、企业微信、飞书、Slack 或邮件。")
                }
                try await notify.add(store: store.id, id: fields["name"] ?? "", kind: kind, url: fields["url"] ?? "",
                                     secret: fields["secret"], keyword: fields["keyword"],
                                     language: Language(rawValue: fields["lang"] ?? "") ?? .zh)
            case .removeChannel:
                try await notify.remove(store: store.id, id: fields["name"] ?? "")
            case .test:
                let (_, results) = try await notify.sendBriefing(store: store.id, base: services.baseURL, once: false)
                return try await messages(request, context, results: results)
            case .schedule:
                try await schedules.set(store: store.id, at: fields["at"] ?? "", alerts: fields["alerts"] == "on")
            case .removeSchedule:
                try await schedules.remove(store: store.id)
            }
        } catch let error as ServiceError where error.code == .invalidInput {
            return try await messages(request, context, error: error.message)
        }
        return WebRedirect(location: StoreNav.messages.path(store.id)).response
    }
}
