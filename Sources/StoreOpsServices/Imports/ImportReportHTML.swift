import StoreOpsCore
import StoreOpsImport
import StoreOpsReports

/// One file's import result as an HTML section, as the imports page's script shows it from the JSON: what became of
/// the file, its rows, and its diagnostics with line, column, value, problem and fix (the first 200).
public enum ImportReportHTML {
    public static func section(_ r: ImportReport, language l: Language) -> String {
        let e = SVGChart.escape
        let status = switch r.status {
        case .imported: l.pick("已导入", "imported")
        case .alreadyImported: l.pick("此前已导入", "imported before")
        case .rejected: l.pick("未导入（有错误）", "not imported (errors)")
        case .checked: l.pick("已检查", "checked")
        }
        var html = "<section class=\"result\"><h3>\(e(r.file))</h3>"
        html += "<p\(r.status == .rejected ? " class=\"error\"" : "")>\(e(status)) · "
            + e(l.pick("读取 \(r.rowsRead) 行，导入 \(r.rowsImported) 行", "read \(r.rowsRead) rows, imported \(r.rowsImported)")) + "</p>"
        guard !r.diagnostics.isEmpty else { return html + "</section>" }
        let header = [l.pick("行", "Line"), l.pick("列", "Column"), l.pick("值", "Value"), l.pick("问题", "Problem"), l.pick("怎么改", "Fix")]
        html += "<div class=\"scroll\"><table><thead><tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
        for d in r.diagnostics.prefix(200) {
            let text = d.text(chinese: l == .zh)
            let cells = [d.line.map(String.init) ?? "—", d.column ?? "—", d.value ?? "—", text.message, text.hint]
            html += "<tr>" + cells.map { "<td>\(e($0))</td>" }.joined() + "</tr>"
        }
        if r.diagnostics.count > 200 {
            html += "<tr><td colspan=\"5\">" + e(l.pick("另有 \(r.diagnostics.count - 200) 条未列出。", "\(r.diagnostics.count - 200) more not listed.")) + "</td></tr>"
        }
        return html + "</tbody></table></div></section>"
    }
}
