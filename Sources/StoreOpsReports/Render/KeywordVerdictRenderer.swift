import StoreOpsCore

/// The ads page's keyword table (关键词建议): every paid-search keyword of the check window with its figures, ROAS
/// against the break-even ROAS, and the recommended action with its reason; the ones to act on first, then by spend.
public enum KeywordVerdictRenderer {
    /// At most this many keywords are listed (the rest are counted in the note).
    public static let limit = 300

    /// The table, nil when the window has no keywords.
    public static func table(_ report: CheckReport, language l: Language) -> ReportTable? {
        guard !report.keywords.isEmpty else { return nil }
        let order = Dictionary(uniqueKeysWithValues: KeywordVerdict.Action.allCases.enumerated().map { ($1, $0) })
        let sorted = report.keywords.sorted {
            (order[$0.action]!, -$0.spend.minor, $0.keyword) < (order[$1.action]!, -$1.spend.minor, $1.keyword)
        }
        let zh = l == .zh
        let rows = sorted.prefix(limit).map { v -> [String] in
            [v.keyword, v.campaign, String(v.impressions), String(v.clicks), v.spend.groupedString, String(v.orders),
             v.revenue.groupedString, v.roas.decimalString(digits: 2) ?? "—", v.breakEven?.decimalString(digits: 2) ?? "—",
             v.averageRank.map(String.init) ?? "—", v.action.label(zh: zh), (zh ? v.reasonZh : v.reasonEn) ?? ""]
        }
        let header = [l.pick("关键词", "Keyword"), l.pick("推广计划", "Campaign"), l.pick("展现", "Impressions"),
                      l.pick("点击", "Clicks"), l.pick("花费", "Spend"), l.pick("成交笔数", "Orders"),
                      l.pick("成交金额", "Revenue"), l.pick("投产比", "ROAS"), l.pick("保本投产比", "Break-even ROAS"),
                      l.pick("平均排名", "Avg. rank"), l.pick("建议", "Action"), l.pick("原因", "Why")]
        let window = report.keywordWindow.map { "\($0.first.iso) ~ \($0.last.iso)" } ?? report.day.iso
        var note = l.pick("\(window)，金额单位 \(report.store.currency.code)；点击少于阈值的只观察；保本投产比 = 1 ÷ 商品毛利率。",
                          "\(window), money in \(report.store.currency.code); keywords under the click threshold are only "
                              + "watched; break-even ROAS = 1 ÷ the item's gross margin rate.")
        if sorted.count > limit {
            note += l.pick(" 只列出前 \(limit) 个（共 \(sorted.count) 个）。", " The first \(limit) of \(sorted.count) are listed.")
        }
        return ReportTable(title: l.pick("关键词建议", "Keywords and what to do"), header: header, rows: Array(rows), note: note)
    }
}
