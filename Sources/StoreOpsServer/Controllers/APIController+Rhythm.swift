import Foundation
import Hummingbird
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// The operating rhythm's reports under `/api/v1`: weekly, monthly and period reports, the year plan, staff KPIs and
/// activity reviews, each the JSON of its `storeops` command.
extension APIController {
    /// The report of the ISO week `week` (default: the last whole week up to yesterday).
    func weeklyReport(_ request: Request, _ context: ServerContext) async throws -> Response {
        let user = try await signIn(request)
        let id = try storeID(context)
        let service = PeriodReportService(user, clock: clock)
        var week = request.uri.queryParameters.get("week") ?? ""
        if week.isEmpty { week = try await service.lastWeek(of: id) }
        return Self.raw(.ok, PeriodReportRenderer.json(try await service.week(store: id, week)))
    }

    /// The report of the month `month` (default: the last whole month up to yesterday).
    func monthlyReport(_ request: Request, _ context: ServerContext) async throws -> Response {
        let user = try await signIn(request)
        let id = try storeID(context)
        let service = PeriodReportService(user, clock: clock)
        var month = request.uri.queryParameters.get("month") ?? ""
        if month.isEmpty { month = try await service.lastMonth(of: id) }
        return Self.raw(.ok, PeriodReportRenderer.json(try await service.month(store: id, month)))
    }

    /// The report of `from`..`to` (default: the 30 days up to yesterday).
    func periodReport(_ request: Request, _ context: ServerContext) async throws -> Response {
        let user = try await signIn(request)
        let id = try storeID(context)
        let yesterday = try await yesterday(of: id, user)
        let last = try day(request, "to") ?? yesterday
        let first = try day(request, "from") ?? last.adding(days: -29)
        guard let days = DayRange(first, last) else {
            throw ServiceError(.invalidInput, "from \(first.iso) is after to \(last.iso).")
        }
        return Self.raw(
            .ok,
            PeriodReportRenderer.json(
                try await PeriodReportService(user, clock: clock).period(store: id, days: days)))
    }

    /// The report of a client's stores together and each one, as `storeops report ... --client C --format json`:
    /// over `week`, `month` or `from`..`to` (default: the last whole month). Only for users who may read the whole
    /// client (a grant on it or its workspace); for anyone else the client does not exist.
    func clientReport(_ request: Request, _ context: ServerContext) async throws -> Response {
        let user = try await signIn(request)
        let client = try await access.client(context.parameters.get("client") ?? "", as: user)
        let service = PeriodReportService(user, clock: clock)
        let query = request.uri.queryParameters
        let week = query.get("week"), from = try day(request, "from"), to = try day(request, "to")
        var month = query.get("month")
        let given = [week != nil, month != nil, from != nil || to != nil].filter { $0 }.count
        guard given <= 1 else { throw ServiceError(.invalidInput, "Give one of week=2026-W48, month=2026-11, or from and to.") }
        var days: DayRange?
        if from != nil || to != nil {
            guard let from, let to else { throw ServiceError(.invalidInput, "from and to go together.") }
            guard let range = DayRange(from, to) else { throw ServiceError(.invalidInput, "from \(from.iso) is after to \(to.iso).") }
            days = range
        }
        if given == 0 { month = try await service.lastMonth(of: client) }
        let report = try await service.client(client, week: week, month: month, days: days)
        return Self.raw(.ok, ClientPeriodReportRenderer.json(report))
    }

    /// The plan of `year` (default: yesterday's), with the days of `month` (1-12) when given.
    func plan(_ request: Request, _ context: ServerContext) async throws -> Response {
        let user = try await signIn(request)
        let id = try storeID(context)
        let query = request.uri.queryParameters
        let yesterday = try await yesterday(of: id, user)
        let year =
            try query.get("year").map { text in
                guard let year = Int(text), (2000...2100).contains(year) else {
                    throw ServiceError(.invalidInput, "year=\(text) is not a year.")
                }
                return year
            } ?? yesterday.year
        let month = try query.get("month").map { text in
            guard let month = Int(text), (1...12).contains(month) else {
                throw ServiceError(.invalidInput, "month=\(text) is not 1 to 12.")
            }
            return month
        }
        return Self.raw(
            .ok,
            PlanRenderer.json(
                try await PlanService(user, clock: clock).plan(store: id, year: year, month: month)))
    }

    /// The staff KPIs of `month` (default: yesterday's month), of everyone or `person`.
    func kpi(_ request: Request, _ context: ServerContext) async throws -> Response {
        let user = try await signIn(request)
        let id = try storeID(context)
        let query = request.uri.queryParameters
        let yesterday = try await yesterday(of: id, user)
        let month = query.get("month") ?? String(yesterday.iso.prefix(7))
        let report = try await KPIService(user, clock: clock).kpi(
            store: id, month: month, person: query.get("person"))
        return Self.raw(.ok, KPIRenderer.json(report))
    }

    /// The review of one activity, by its id (percent-encoded in the path).
    func activityReview(_ request: Request, _ context: ServerContext) async throws -> Response {
        let user = try await signIn(request)
        let id = try storeID(context)
        guard let activity = context.parameters.get("activity")?.removingPercentEncoding, !activity.isEmpty else {
            throw ServiceError(.notFound, "There is no such activity.")
        }
        let review = try await ActivityService(user, clock: clock).review(
            store: id, activity: activity)
        return Self.raw(.ok, ActivityReviewRenderer.json(review))
    }

    private func yesterday(of id: StoreID, _ user: AccessContext) async throws -> Day {
        try await user.store(id).timeZone.yesterday(now: clock())
    }
}
