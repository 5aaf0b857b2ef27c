import StoreOpsCore
import StoreOpsReports

/// The master table (总表) of a date range: a line per day, the fields in their groups, unknown figures as "—",
/// with the range picker and the CSV and XLSX downloads of the same rows.
struct MasterTablePage {
    let language: Language

    func content(store: Store, days: DayRange, rows: [MasterTableRow]) -> String {
        let l = language, e = WebPage.escape
        let query = "from=\(days.first.iso)&to=\(days.last.iso)"
        let base = "/stores/\(store.id.rawValue)/table"
        var html = StoreNav.render(store, current: .table, language: l)
        html += "<h1>\(e(l.pick("总表", "Master table")))</h1>"
        html += "<form class=\"daypicker\" method=\"get\" action=\"\(e(base))\">"
            + "<label>\(e(l.pick("从", "From"))) <input type=\"date\" name=\"from\" value=\"\(days.first.iso)\"></label> "
            + "<label>\(e(l.pick("到", "To"))) <input type=\"date\" name=\"to\" value=\"\(days.last.iso)\"></label> "
            + "<button type=\"submit\">\(e(l.pick("查看", "Show")))</button> "
            + "<a href=\"\(e(base)).csv?\(query)\" download>CSV</a> · <a href=\"\(e(base)).xlsx?\(query)\" download>XLSX</a></form>"
        html += "<p class=\"muted\">\(e(l.pick("金额单位", "Money in"))) \(store.currency.code)；"
            + "\(e(l.pick("“—”表示缺少数据，不是 0。", "“—” means no data, not 0.")))</p>"
        let fields = MasterField.allCases
        var groups: [(MasterFieldGroup, Int)] = []
        for field in fields {
            if let last = groups.last, last.0 == field.group { groups[groups.count - 1].1 += 1 } else { groups.append((field.group, 1)) }
        }
        html += "<div class=\"scroll\"><table class=\"master wide\"><thead><tr><th rowspan=\"2\">\(e(l.pick("日期", "Day")))</th>"
            + groups.map { "<th class=\"group\" colspan=\"\($0.1)\">\(e($0.0.label(l)))</th>" }.joined() + "</tr><tr>"
            + fields.map { "<th>\(e($0.label(l)))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            html += "<tr><th>\(row.day.iso)</th>" + fields.map { field in
                let value = row[field]
                return "<td>\(e(value.hasData ? value.display(field, language: l) : "—"))</td>"
            }.joined() + "</tr>"
        }
        return html + "</tbody></table></div>"
    }
}
