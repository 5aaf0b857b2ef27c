import StoreOpsCore

/// What a chat message says about a day: short enough for a phone's screen in a group. The day's narrative (against
/// the plan, why sales moved), the headline figures, the most urgent findings with their money at stake, how many
/// more there are, and where the whole briefing is.
public struct ChatDigest: Hashable, Sendable {
    public var title: String
    public var summary: String
    /// `label: value` lines (no data shown as such).
    public var figures: [String]
    /// The findings listed, most urgent first.
    public var findings: [String]
    /// How many findings are not listed.
    public var more: Int
    /// The workbench page of the day, when the server's address is known.
    public var link: String?
    /// The language it is written in.
    public var language: Language

    public init(title: String, summary: String, figures: [String], findings: [String], more: Int, link: String?,
                language: Language) {
        self.title = title
        self.summary = summary
        self.figures = figures
        self.findings = findings
        self.more = more
        self.link = link
        self.language = language
    }

    /// The most findings a message lists.
    public static let listed = 5

    /// The digest of a daily briefing; `base` is the workbench's address (`https://ops.example.com`), if any.
    public static func daily(_ report: DailyReport, language l: Language, base: String?) -> ChatDigest {
        let store = report.store
        let title = l.pick("\(store.name) · \(report.day.iso) 日报", "\(store.name) · daily briefing \(report.day.iso)")
        var summary = BriefingNarrative.text(target: report.target, why: report.why, currency: store.currency, language: l)
        if summary.isEmpty {
            summary = l.pick("当天没有可比较的计划或前期数据。", "No plan or earlier days to compare the day with.")
        }
        let fields: [MasterField] = [.gmv, .visitors, .conversionRate, .aov, .paidOrders]
        let figures = fields.map { field in "\(field.label(l)): \(report.row[field].display(field, language: l))" }
        let findings = (report.checks?.findings ?? []).sorted {
            ($0.severity, $0.atStake?.minor ?? -1) > ($1.severity, $1.atStake?.minor ?? -1)
        }
        let lines = findings.prefix(listed).map { f -> String in
            let stake = f.atStake.map { l.pick(" · 涉及 \($0.groupedString)", " · \($0.groupedString) at stake") } ?? ""
            return "[\(f.severity.label(l))] \(f.check.label(l)) · \(f.subject)\(stake)"
        }
        let link = Self.link(base, "stores/\(store.id.rawValue)/briefing?date=\(report.day.iso)")
        return ChatDigest(title: title, summary: summary, figures: figures, findings: Array(lines),
                          more: max(0, findings.count - listed), link: link, language: l)
    }

    /// The workbench page `path` (`stores/…`) under `base`, when the workbench's address is known.
    static func link(_ base: String?, _ path: String) -> String? {
        base.map { (($0.hasSuffix("/") ? String($0.dropLast()) : $0)) + "/" + path }
    }
}
