/// What a table of a period report is about: the workbench shows each topic's tables on that part's own page.
public enum PeriodReportTopic: String, Sendable, CaseIterable {
    case ads, service, afterSales, items, findings, reviews, stock, competitors
}
