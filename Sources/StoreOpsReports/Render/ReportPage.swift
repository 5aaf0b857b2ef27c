/// The self-contained, printable HTML page every report renders into: one stylesheet, no scripts, no external files.
public enum ReportPage {
    /// The page of `body` (HTML), titled `title` (plain text).
    static func render(title: String, language l: Language, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(l == .zh ? "zh-CN" : "en")"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(SVGChart.escape(title))</title>
        <style>
        \(style)
        </style></head>
        <body>
        \(body)
        </body></html>

        """
    }

    /// The reports' stylesheet (also served to the web workbench as a file).
    public static let style = """
        body{font-family:-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:24px auto;max-width:900px;color:#1f2328;padding:0 12px}
        h1{font-size:22px;margin:0}h2{font-size:16px;margin:20px 0 8px}.meta{color:#59636e;margin:4px 0 12px}
        .narrative{background:#f6f8fa;border-left:4px solid #0969da;padding:8px 14px;line-height:1.6}
        table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}th,td{padding:4px 8px;border-bottom:1px solid #d8dee4;text-align:right}
        th:first-child{text-align:left}.master tr.group th{text-align:left;background:#f6f8fa}.kv th{text-align:left;color:#59636e;font-weight:normal}
        figure{margin:12px 0}svg{max-width:100%;height:auto}svg .title{font-size:13px;fill:#1f2328}svg .axis{font-size:11px;fill:#59636e}
        svg .value{font-size:10px;fill:#1f2328}svg .bar{fill:#54aeff}svg .marker{stroke:#cf222e;stroke-width:2}svg .up{fill:#2da44e}svg .down{fill:#cf222e}
        svg .zero{stroke:#8c959f}.warning{color:#9a6700}.checks li{margin:2px 0}.checks .critical{color:#cf222e}.checks .muted{color:#59636e}
        @media print{body{margin:0}.charts figure{break-inside:avoid}}
        """
}
