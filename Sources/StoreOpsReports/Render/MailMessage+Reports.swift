import Foundation
import StoreOpsCore

extension MailMessage {
    /// The daily briefing as an e-mail: the chat message's text, the whole briefing as HTML (the link to the
    /// workbench on top), and the day's master-table rows (with the day before and a week before) as a workbook.
    public static func daily(_ report: DailyReport, language l: Language, base: String?) throws -> MailMessage {
        let digest = ChatDigest.daily(report, language: l, base: base)
        let html = ReportPage.render(title: digest.title, language: l,
                                     body: linkParagraph(digest) + DailyReportHTMLRenderer(language: l).body(report))
        let rows = [report.row, report.previousDay, report.lastWeek]
        let workbook = try MasterTableXLSX.render(store: report.store, rows: rows)
        return MailMessage(subject: digest.title, text: ChatMessageRenderer.plainText(digest), html: html,
                           attachments: [.xlsx("storeops-\(report.store.id.rawValue)-\(report.day.iso).xlsx",
                                               workbook)])
    }

    /// A week's or a month's report as an e-mail: the chat message's text, the whole report as HTML, its workbook.
    public static func period(_ report: PeriodReport, language l: Language, base: String?) throws -> MailMessage {
        let digest = ChatDigest.period(report, language: l, base: base)
        let html = ReportPage.render(title: digest.title, language: l,
                                     body: linkParagraph(digest) + PeriodReportHTMLRenderer(language: l).body(report))
        return MailMessage(subject: digest.title, text: ChatMessageRenderer.plainText(digest), html: html,
                           attachments: [.xlsx("storeops-\(report.store.id.rawValue)-\(report.label).xlsx",
                                               try PeriodReportRenderer.xlsx(report))])
    }

    /// A digest alone (an alert) as an e-mail: its text, and the same as a short HTML page.
    public static func digest(_ digest: ChatDigest) -> MailMessage {
        let e = SVGChart.escape
        let l = digest.language
        var body = "<header><h1>\(e(digest.title))</h1></header>" + linkParagraph(digest)
            + "<p>\(e(digest.summary))</p>"
        if !digest.figures.isEmpty { body += "<ul>" + digest.figures.map { "<li>\(e($0))</li>" }.joined() + "</ul>" }
        if !digest.findings.isEmpty {
            body += "<h2>\(e(l.pick("需要处理", "To act on")))</h2><ul>"
                + digest.findings.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
        }
        return MailMessage(subject: digest.title, text: ChatMessageRenderer.plainText(digest),
                           html: ReportPage.render(title: digest.title, language: l, body: body))
    }

    static func linkParagraph(_ digest: ChatDigest) -> String {
        guard let link = digest.link else { return "" }
        let e = SVGChart.escape
        return "<p class=\"meta\"><a href=\"\(e(link))\">\(e(ChatMessageRenderer.linkText(digest)))</a></p>"
    }
}
