/// One titled table of a report, for renderers that lay reports out as tables (text and the workbench's HTML).
public struct ReportTable: Sendable, Hashable {
    public let title: String
    public let header: [String]
    public let rows: [[String]]
    /// A line under the title (the figures' unit, a caveat).
    public let note: String?

    public init(title: String, header: [String], rows: [[String]], note: String? = nil) {
        self.title = title
        self.header = header
        self.rows = rows
        self.note = note
    }

    /// The tables as HTML sections, every cell escaped; the first column as row headings.
    public static func html(_ tables: [ReportTable]) -> String {
        let e = SVGChart.escape
        return tables.map { table in
            var html = "<section><h2>\(e(table.title))</h2>"
            if let note = table.note { html += "<p class=\"meta\">\(e(note))</p>" }
            html += "<div class=\"scroll\"><table><thead><tr>" + table.header.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
            for row in table.rows {
                html += "<tr>" + row.enumerated().map { $0.offset == 0 ? "<th>\(e($0.element))</th>" : "<td>\(e($0.element))</td>" }.joined()
                    + "</tr>"
            }
            return html + "</tbody></table></div></section>"
        }.joined()
    }
}
