import StoreOpsCore
import StoreOpsImport
import StoreOpsReports
import StoreOpsServices

/// Import results for people.
enum ImportReportText {
    static func render(_ r: ImportReport, language l: Language) -> String {
        var lines: [String] = []
        switch r.status {
        case .imported:
            lines.append(l.pick("✔ \(r.file): 已导入 (\(r.formatTitle ?? r.kind ?? ""))", "✔ \(r.file): imported (\(r.formatTitle ?? r.kind ?? ""))"))
        case .checked:
            lines.append(l.pick("✔ \(r.file): 检查通过, 未写入 (--dry-run) (\(r.formatTitle ?? ""))", "✔ \(r.file): checked, nothing written (--dry-run) (\(r.formatTitle ?? ""))"))
        case .alreadyImported:
            let when = r.previous.map { $0.importedAt.iso } ?? ""
            lines.append(l.pick("= \(r.file): 此文件已于 \(when) 导入 (\(r.kind ?? "")), 无变化", "= \(r.file): already imported on \(when) as \(r.kind ?? ""); nothing changed"))
            return lines.joined(separator: "\n") + "\n"
        case .rejected:
            lines.append(l.pick("✘ \(r.file): 有 \(r.errorCount) 个错误, 未写入任何数据", "✘ \(r.file): \(r.errorCount) error(s); nothing was written"))
        }
        if r.status == .checked {
            lines.append(l.pick("  读取 \(r.rowsRead) 行, 将导入 \(r.rowsImported) 行, 将拒绝 \(r.rowsRejected) 行",
                                "  rows read \(r.rowsRead), would import \(r.rowsImported), would reject \(r.rowsRejected)"))
        } else if r.status != .rejected || r.rowsRead > 0 {
            lines.append(l.pick("  读取 \(r.rowsRead) 行, 导入 \(r.rowsImported) 行, 拒绝 \(r.rowsRejected) 行", "  rows read \(r.rowsRead), imported \(r.rowsImported), rejected \(r.rowsRejected)"))
        }
        if !r.counts.isEmpty && r.status != .rejected {
            lines.append("  " + r.counts.keys.sorted().map { "\($0) \(r.counts[$0]!)" }.joined(separator: ", "))
        }
        if let first = r.firstDay, let last = r.lastDay, r.status != .rejected {
            lines.append(l.pick("  涉及 \(r.daysTouched) 天: \(first.iso) 至 \(last.iso)", "  \(r.daysTouched) days touched: \(first.iso) to \(last.iso)"))
        }
        if let rejects = r.rejectsFile { lines.append(l.pick("  被拒绝的行已写入 \(rejects)", "  rejected rows written to \(rejects)")) }
        for d in r.diagnostics.prefix(20) { lines.append("  " + d.description(chinese: l == .zh)) }
        if r.diagnostics.count > 20 || r.errorCount > r.diagnostics.count {
            lines.append(l.pick("  … 共 \(max(r.errorCount, r.diagnostics.count)) 个问题, 用 --format json 查看", "  … \(max(r.errorCount, r.diagnostics.count)) problems in all; see --format json"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func ledger(_ records: [ImportRecord], language l: Language) -> String {
        guard !records.isEmpty else { return l.pick("还没有导入过文件。\n", "No files imported yet.\n") }
        let header = [l.pick("导入时间", "Imported at"), l.pick("文件", "File"), l.pick("类型", "Kind"), l.pick("导入行数", "Rows"), l.pick("日期范围", "Days"),
                      l.pick("导入人", "By"), "SHA-256"]
        let rows = records.map { r in
            [r.importedAt.iso, r.fileName, r.kind, "\(r.rowsImported)/\(r.rowsRead)", [r.firstDay?.iso, r.lastDay?.iso].compactMap { $0 }.joined(separator: "…"),
             r.importedBy?.rawValue ?? "—", String(r.sha256.prefix(12))]
        }
        return TextTable.render(header: header, rows: rows)
    }
}
