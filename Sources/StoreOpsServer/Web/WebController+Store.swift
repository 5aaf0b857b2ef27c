import Foundation
import Hummingbird
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// The pages of one store besides the briefing: the master table and its downloads, the checks and task board
/// with their actions, and the imports.
extension WebController {
    /// The master table of `from`..`to` (default: the 30 days up to yesterday).
    func table(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (session, user) = try await signedIn(request)
        let (store, days) = try await range(request, context, user)
        let l = Self.language(request)
        let content = try await cache.value("table.\(l.rawValue)", store: store.id, detail: "\(days.first.iso)/\(days.last.iso)",
                                            as: user) {
            MasterTablePage(language: l).content(store: store, days: days, rows: try await masterTable(store, days, user))
        }
        let page = WebPage(title: "\(store.name) · \(l.pick("总表", "Master table"))", language: l, user: (user.user.name, session.csrfToken),
                           path: StoreNav.table.path(store.id))
        return html(.ok, page.render(content), request: request)
    }

    /// The same rows as a file: CSV or XLSX.
    func tableFile(_ request: Request, _ context: ServerContext, xlsx: Bool) async throws -> Response {
        let (_, user) = try await signedIn(request)
        let (store, days) = try await range(request, context, user)
        let rows = try await masterTable(store, days, user)
        let name = "\(store.id.rawValue)-\(days.first.iso)-\(days.last.iso).\(xlsx ? "xlsx" : "csv")"
        let (type, bytes): (String, ByteBuffer) = xlsx
            ? ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ByteBuffer(bytes: try MasterTableXLSX.render(store: store, rows: rows)))
            : ("text/csv; charset=utf-8", ByteBuffer(string: MasterTableCSVRenderer().render(store: store, rows: rows)))
        return Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                        body: ResponseBody(byteBuffer: bytes))
    }

    /// The day's checks (run now, not recorded) and the task board.
    func checks(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (session, user) = try await signedIn(request)
        let store = try await requireStore(context, user)
        let report = try await CheckService(user, clock: clock).run(store: store.id, day: try day(request))
        let tasks = try await TaskService(user, clock: clock).list(store: store.id)
        let l = Self.language(request)
        let page = WebPage(title: "\(store.name) · \(l.pick("检查与任务", "Checks & tasks"))", language: l,
                           user: (user.user.name, session.csrfToken), path: StoreNav.checks.path(store.id))
        let content = ChecksPage(language: l, csrf: session.csrfToken, canWrite: user.policy.permits(.write, on: store))
            .content(report, tasks: tasks)
        return html(.ok, page.render(content), request: request)
    }

    /// Records the day's findings as tasks, then shows the checks again.
    func syncTasks(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (store, user, form) = try await action(request, context)
        let date = try form["date"].map { text in
            guard let day = Day(iso: text) else { throw ServiceError(.invalidInput, "date=\(text) is not a day: use YYYY-MM-DD.") }
            return day
        }
        _ = try await CheckService(user, clock: clock).run(store: store.id, day: date, recordTasks: true)
        return WebRedirect(location: StoreNav.checks.path(store.id) + (date.map { "?date=\($0.iso)" } ?? "")).response
    }

    /// Closes, reopens or assigns a task, then shows the board again.
    func taskAction(_ request: Request, _ context: ServerContext, _ verb: String) async throws -> Response {
        let (store, user, form) = try await action(request, context)
        guard let task = context.parameters.get("task"), !task.isEmpty else { throw ServiceError(.notFound, "There is no such task.") }
        let tasks = TaskService(user, clock: clock)
        switch verb {
        case "close": try await tasks.close(store: store.id, task: task)
        case "reopen": try await tasks.reopen(store: store.id, task: task)
        default: try await tasks.assign(store: store.id, task: task, to: form["to"] ?? "")
        }
        return WebRedirect(location: StoreNav.checks.path(store.id)).response
    }

    /// The week's (`week=2026-W48`) or month's (`month=2026-11`) report, by default the last whole one, with a picker.
    func periodReport(_ request: Request, _ context: ServerContext, _ kind: StoreNav) async throws -> Response {
        let (session, user) = try await signedIn(request)
        let store = try await requireStore(context, user)
        let service = PeriodReportService(user, clock: clock)
        let l = Self.language(request), e = WebPage.escape
        let (name, input) = kind == .weekly ? ("week", "week") : ("month", "month")
        var period = request.uri.queryParameters.get(name) ?? ""
        if period.isEmpty { period = try await kind == .weekly ? service.lastWeek(of: store.id) : service.lastMonth(of: store.id) }
        let report = try await kind == .weekly ? service.week(store: store.id, period) : service.month(store: store.id, period)
        let picker = "<form class=\"daypicker\" method=\"get\" action=\"\(e(kind.path(store.id)))\"><label>\(e(kind.label(l))) "
            + "<input type=\"\(input)\" name=\"\(name)\" value=\"\(e(period))\"></label> "
            + "<button type=\"submit\">\(e(l.pick("查看", "Show")))</button></form>"
        let body = StoreNav.render(store, current: kind, language: l) + picker + PeriodReportHTMLRenderer(language: l).body(report)
        let page = WebPage(title: "\(store.name) · \(report.label)", language: l, user: (user.user.name, session.csrfToken),
                           path: kind.path(store.id))
        return html(.ok, page.render(body), request: request)
    }

    /// A page about one part of the store: the day's findings of its checks and its tables of the last 30 days, kept
    /// rendered while the store's data does not change.
    func topic(_ request: Request, _ context: ServerContext, _ page: StoreNav) async throws -> Response {
        let (session, user) = try await signedIn(request)
        let store = try await requireStore(context, user)
        let l = Self.language(request)
        let day = try day(request) ?? store.timeZone.yesterday(now: clock())
        let clock = self.clock
        let content = try await cache.value("\(page.rawValue).\(l.rawValue)", store: store.id, detail: day.iso, as: user) {
            async let checks = CheckService(user, clock: clock).run(store: store.id, day: day)
            let period = try await PeriodReportService(user, clock: clock).period(
                store: store.id, days: DayRange(day.adding(days: -29), day)!)
            return TopicPage(language: l, page: page).content(checks: try await checks, period: period)
        }
        let wrapper = WebPage(title: "\(store.name) · \(page.label(l))", language: l, user: (user.user.name, session.csrfToken),
                              path: page.path(store.id))
        return html(.ok, wrapper.render(content), request: request)
    }

    /// The year plan (`year`, default yesterday's) or the staff KPIs (`month`, default yesterday's) as tables, with a
    /// picker.
    func rhythm(_ request: Request, _ context: ServerContext, _ page: StoreNav) async throws -> Response {
        let (session, user) = try await signedIn(request)
        let store = try await requireStore(context, user)
        let l = Self.language(request), e = WebPage.escape
        let yesterday = store.timeZone.yesterday(now: clock())
        let query = request.uri.queryParameters
        var picker = "<form class=\"daypicker\" method=\"get\" action=\"\(e(page.path(store.id)))\">"
        let tables: [ReportTable]
        if page == .plan {
            let text = query.get("year") ?? String(yesterday.year)
            guard let year = Int(text), (2000...2100).contains(year) else { throw ServiceError(.invalidInput, "year=\(text) is not a year.") }
            let plan = try await PlanService(user, clock: clock).plan(store: store.id, year: year)
            tables = PlanRenderer.tables(plan, weeks: false, language: l)
            picker += "<label>\(e(l.pick("年份", "Year"))) <input type=\"number\" name=\"year\" min=\"2000\" max=\"2100\" value=\"\(year)\"></label> "
        } else {
            let month = query.get("month").flatMap { $0.isEmpty ? nil : $0 } ?? String(yesterday.iso.prefix(7))
            let report = try await KPIService(user, clock: clock).kpi(store: store.id, month: month)
            tables = KPIRenderer.tables(report, language: l)
            picker += "<label>\(e(l.pick("月份", "Month"))) <input type=\"month\" name=\"month\" value=\"\(e(month))\"></label> "
        }
        picker += "<button type=\"submit\">\(e(l.pick("查看", "Show")))</button></form>"
        let empty = page == .plan
            ? l.pick("这一年还没有计划：在命令行用 storeops plan set 制定。", "No plan for this year yet: make one with storeops plan set.")
            : l.pick("还没有人员或目标：用 storeops person add 和 storeops goal set 添加。", "No people or goals yet: add them with storeops person add and storeops goal set.")
        let body = StoreNav.render(store, current: page, language: l) + "<h1>\(e(page.label(l)))</h1>" + picker
            + (tables.isEmpty ? "<p class=\"muted\">\(e(empty))</p>" : ReportTable.html(tables))
        let wrapper = WebPage(title: "\(store.name) · \(page.label(l))", language: l, user: (user.user.name, session.csrfToken),
                              path: page.path(store.id))
        return html(.ok, wrapper.render(body), request: request)
    }

    /// The upload form and the import ledger.
    func imports(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (session, user) = try await signedIn(request)
        let store = try await requireStore(context, user)
        let ledger = try await ImportService(user, clock: clock).ledger(store: store.id)
        let l = Self.language(request)
        let page = WebPage(title: "\(store.name) · \(l.pick("导入", "Imports"))", language: l, user: (user.user.name, session.csrfToken),
                           path: StoreNav.imports.path(store.id))
        let content = ImportsPage(language: l, csrf: session.csrfToken, canWrite: user.policy.permits(.write, on: store))
            .content(store: store, ledger: ledger)
        return html(.ok, page.render(content), request: request)
    }

    // MARK: helpers

    /// The master table of `days`, kept while the store's data does not change.
    func masterTable(_ store: Store, _ days: DayRange, _ user: AccessContext) async throws -> [MasterTableRow] {
        let clock = self.clock
        return try await cache.value("table", store: store.id, detail: "\(days.first.iso)/\(days.last.iso)", as: user) {
            try await ReportService(user, clock: clock).masterTable(store: store.id, days: days).rows
        }
    }

    /// The store of the path, if the user can read it (else 404, as for a store that does not exist).
    func requireStore(_ context: ServerContext, _ user: AccessContext) async throws -> Store {
        guard let text = context.parameters.get("store"), let id = StoreID(text) else { throw ServiceError(.notFound, "There is no such store.") }
        return try await user.store(id)
    }

    /// The store and `from`..`to` of a master-table request (default: the 30 days up to yesterday; at most 400 days).
    func range(_ request: Request, _ context: ServerContext, _ user: AccessContext) async throws -> (Store, DayRange) {
        let store = try await requireStore(context, user)
        let query = request.uri.queryParameters
        func parse(_ name: String) throws -> Day? {
            guard let text = query.get(name), !text.isEmpty else { return nil }
            guard let day = Day(iso: text) else { throw ServiceError(.invalidInput, "\(name)=\(text) is not a day: use YYYY-MM-DD.") }
            return day
        }
        let last = try parse("to") ?? store.timeZone.yesterday(now: clock())
        let first = try parse("from") ?? last.adding(days: -29)
        guard let days = DayRange(first, last) else { throw ServiceError(.invalidInput, "from \(first.iso) is after to \(last.iso).") }
        guard days.count <= 400 else { throw ServiceError(.invalidInput, "Show at most 400 days at once; download longer ranges with storeops table.") }
        return (store, days)
    }

    /// A posted action on a store: the session, its CSRF token and the operator role, checked before anything else.
    func action(_ request: Request, _ context: ServerContext) async throws -> (Store, AccessContext, WebForm) {
        let form = try await WebForm.read(request)
        let (session, user) = try await signedIn(request)
        try requireToken(form, session)
        let store = try await requireStore(context, user)
        guard user.policy.permits(.write, on: store) else {
            throw ServiceError(.forbidden, "\(user.user.id) may read store \(store.id) but not change it: that needs the operator role.")
        }
        return (store, user, form)
    }
}
