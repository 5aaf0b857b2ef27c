import StoreOpsCore
import StoreOpsReports

/// The pages of one store, as the links above each of them.
enum StoreNav: String, CaseIterable {
    case briefing, table, checks, ads, products, service, aftersales, reviews, competitors, weekly, monthly, plan, kpi, activities
    case imports, messages, settings

    func label(_ l: Language) -> String {
        switch self {
        case .briefing: l.pick("日报", "Briefing")
        case .table: l.pick("总表", "Master table")
        case .checks: l.pick("检查与任务", "Checks & tasks")
        case .ads: l.pick("推广", "Ads")
        case .products: l.pick("商品与库存", "Products & stock")
        case .service: l.pick("客服", "Service")
        case .aftersales: l.pick("售后", "After-sales")
        case .reviews: l.pick("评价与评分", "Reviews & scores")
        case .competitors: l.pick("竞品", "Competitors")
        case .weekly: l.pick("周报", "Weekly")
        case .monthly: l.pick("月报", "Monthly")
        case .plan: l.pick("年度计划", "Plan")
        case .kpi: l.pick("绩效", "KPIs")
        case .activities: l.pick("活动", "Activities")
        case .imports: l.pick("导入", "Imports")
        case .messages: l.pick("消息与定时", "Messages")
        case .settings: l.pick("设置", "Settings")
        }
    }

    /// For a page about one part of the store: the checks' sections and the period report's tables it shows.
    var topic: (sections: Set<CheckSection>, tables: Set<PeriodReportTopic>)? {
        switch self {
        case .ads: ([.ads], [.ads])
        case .products: ([.stock, .listings, .pageHealth], [.items, .stock])
        case .service: ([.service], [.service])
        case .aftersales: ([.afterSales, .logistics], [.afterSales])
        case .reviews: ([.reviews], [.reviews])
        case .competitors: ([.competitors], [.competitors])
        case .briefing, .table, .checks, .weekly, .monthly, .plan, .kpi, .activities, .imports, .messages, .settings: nil
        }
    }

    func path(_ store: StoreID) -> String { "/stores/\(store.rawValue)/\(rawValue)" }

    /// The store's name and its pages' links, the current one marked.
    static func render(_ store: Store, current: StoreNav, language l: Language) -> String {
        let e = WebPage.escape
        let links = allCases.map { page in
            page == current ? "<a class=\"current\" aria-current=\"page\" href=\"\(e(page.path(store.id)))\">\(e(page.label(l)))</a>"
                : "<a href=\"\(e(page.path(store.id)))\">\(e(page.label(l)))</a>"
        }
        return "<nav class=\"store\"><strong>\(e(store.name))</strong> <span class=\"muted\">\(e(store.id.rawValue))</span> "
            + links.joined(separator: " ") + "</nav>"
    }
}
