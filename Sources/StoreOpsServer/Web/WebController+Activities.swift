import Foundation
import Hummingbird
import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// The activities of a store (活动) and each one's review (活动复盘).
extension WebController {
    /// Every activity of the store, latest first, each linking to its review.
    func activities(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (session, user) = try await signedIn(request)
        let store = try await requireStore(context, user)
        let l = Self.language(request), e = WebPage.escape
        let list = try await ActivityService(user, clock: clock).list(store: store.id, days: nil).reversed()
        var body = StoreNav.render(store, current: .activities, language: l) + "<h1>\(e(l.pick("活动", "Activities")))</h1>"
        if list.isEmpty {
            body += "<p class=\"muted\">\(e(l.pick("还没有活动：导入 activities 表或用 storeops activity add 添加。", "No activities yet: import an activities sheet or add one with storeops activity add.")))</p>"
        } else {
            body += "<div class=\"scroll\"><table class=\"ledger\"><thead><tr>" + [l.pick("活动", "Activity"), l.pick("类型", "Kind"),
                l.pick("日期", "Days"), l.pick("状态", "Status"), l.pick("目标", "Goal"), l.pick("费用", "Cost")].map { "<th>\(e($0))</th>" }.joined()
                + "</tr></thead><tbody>"
            for a in list {
                let link = StoreNav.activities.path(store.id) + "/" + (a.id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                body += "<tr><td><a href=\"\(e(link))\">\(e(a.name))</a></td><td>\(e(a.kind.label(l)))</td><td>\(a.start.iso) – \(a.end.iso)</td>"
                    + "<td>\(e(a.status.label(l)))</td><td>\(e(a.gmvGoal?.groupedString ?? "—"))</td><td>\(e(a.cost?.groupedString ?? "—"))</td></tr>"
            }
            body += "</tbody></table></div>"
        }
        let page = WebPage(title: "\(store.name) · \(l.pick("活动", "Activities"))", language: l, user: (user.user.name, session.csrfToken),
                           path: StoreNav.activities.path(store.id))
        return html(.ok, page.render(body), request: request)
    }

    /// One activity's review: the days before, during and after it side by side, its goal, the items that sold.
    func activityReview(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (session, user) = try await signedIn(request)
        let store = try await requireStore(context, user)
        guard let id = context.parameters.get("activity")?.removingPercentEncoding, !id.isEmpty else {
            throw ServiceError(.notFound, "There is no such activity.")
        }
        let l = Self.language(request), e = WebPage.escape
        let review = try await ActivityService(user, clock: clock).review(store: store.id, activity: id)
        let a = review.activity
        var body = StoreNav.render(store, current: .activities, language: l)
        body += "<h1>\(e(l.pick("活动复盘", "Activity review"))) · \(e(a.name))</h1>"
            + "<p class=\"meta\">\(e(a.kind.label(l))) · \(a.start.iso) – \(a.end.iso) · \(e(a.status.label(l))) · "
            + "\(e(l.pick("金额单位", "Money in"))) \(e(store.currency.code)) · \(e(l.pick("统计到", "counted up to"))) \(review.lastDay.iso)</p>"
        let notes = ActivityReviewRenderer.notes(review, language: l)
        if !notes.isEmpty { body += "<ul>" + notes.map { "<li>\(e($0))</li>" }.joined() + "</ul>" }
        body += ReportTable.html(ActivityReviewRenderer.tables(review, language: l))
        let page = WebPage(title: "\(store.name) · \(a.name)", language: l, user: (user.user.name, session.csrfToken),
                           path: StoreNav.activities.path(store.id) + "/" + (id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        return html(.ok, page.render(body), request: request)
    }
}
