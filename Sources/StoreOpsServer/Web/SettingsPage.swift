import StoreOpsCore
import StoreOpsReports
import StoreOpsServices

/// A store's settings: its targets (a month's, quarter's, week's or year's GMV with profit and ad budget), the cost
/// settings behind profit, and the check thresholds with their defaults. Operators change them through forms that
/// carry the session's CSRF token; viewers read them.
struct SettingsPage {
    let language: Language
    let csrf: String
    let canWrite: Bool

    func content(store: Store, targets: [Target], costs: CostSettings?, thresholds: [SettingsService.Entry], error: String?) -> String {
        let l = language, e = WebPage.escape
        let base = "/stores/\(store.id.rawValue)/settings"
        var html = StoreNav.render(store, current: .settings, language: l)
        html += "<h1>\(e(l.pick("设置", "Settings")))</h1>"
        if let error { html += "<p class=\"error\" role=\"alert\">\(e(error))</p>" }
        let disabled = canWrite ? "" : " disabled"
        func field(_ name: String, _ label: String, _ value: String, placeholder: String = "") -> String {
            "<label>\(e(label)) <input name=\"\(name)\" value=\"\(e(value))\" placeholder=\"\(e(placeholder))\"\(disabled)></label> "
        }
        // Targets.
        html += "<section><h2>\(e(l.pick("目标", "Targets"))) (\(e(store.currency.code)))</h2>"
        if canWrite {
            html += "<form class=\"settings\" method=\"post\" action=\"\(e(base))/target\">\(WebPage.csrfField(csrf))"
                + field("period", l.pick("期间", "Period"), "", placeholder: "2026-12, 2026-Q4, 2026-W50, 2026")
                + field("gmv", l.pick("支付金额", "GMV"), "") + field("profit", l.pick("净利", "Net profit"), "")
                + field("ad_budget", l.pick("推广预算", "Ad budget"), "")
                + "<button type=\"submit\">\(e(l.pick("保存目标", "Save target")))</button></form>"
        }
        let shown = targets.filter { $0.period != .day }.sorted { ($0.start, $0.period.rawValue) > ($1.start, $1.period.rawValue) }.prefix(24)
        if shown.isEmpty {
            html += "<p class=\"muted\">\(e(l.pick("还没有目标。", "No targets yet.")))</p>"
        } else {
            html += "<table class=\"kv\"><thead><tr><th>\(e(l.pick("期间", "Period")))</th><th>\(e(l.pick("支付金额", "GMV")))</th>"
                + "<th>\(e(l.pick("净利", "Net profit")))</th><th>\(e(l.pick("推广预算", "Ad budget")))</th></tr></thead><tbody>"
            for t in shown {
                html += "<tr><th>\(e(t.periodName))</th><td>\(e(t.gmv.groupedString))</td><td>\(e(t.profit?.groupedString ?? "—"))</td>"
                    + "<td>\(e(t.adBudget?.groupedString ?? "—"))</td></tr>"
            }
            html += "</tbody></table>"
        }
        html += "</section>"
        // Costs.
        func percent(_ ppm: Int64?) -> String { ppm.map { Money.decimalString(minor: $0, digits: 4) } ?? "" }
        html += "<section><h2>\(e(l.pick("成本设置（算利润用）", "Costs (behind profit)")))</h2>"
        if costs == nil { html += "<p class=\"muted\">\(e(l.pick("还没有成本设置：利润显示为“—”。", "No cost settings yet: profit shows as “—”.")))</p>" }
        html += "<form class=\"settings\" method=\"post\" action=\"\(e(base))/costs\">\(WebPage.csrfField(csrf))"
            + field("commission", l.pick("平台佣金 %", "Commission %"), percent(costs?.commissionPPM))
            + field("payment_fee", l.pick("支付手续费 %", "Payment fee %"), percent(costs?.paymentFeePPM))
            + field("shipping_per_order", l.pick("每单运费", "Shipping per order"), costs?.shippingPerOrder?.decimalString ?? "")
            + field("other_daily_cost", l.pick("每日其他费用", "Other daily cost"), costs?.otherDailyCost?.decimalString ?? "")
            + "<label class=\"wide\">\(e(l.pick("运费价目表（每行 地区:最大克重:运费，* 表示任意；从上往下第一条适用的生效；都不适用的订单按每单运费）", "Shipping price list (one REGION:MAX_GRAMS:COST per line, * for any; the first that fits applies; orders none fits cost the shipping per order)")))"
            + "<textarea name=\"shipping_rules\" rows=\"4\" placeholder=\"浙江省:1000:4.00&#10;*:*:8.00\"\(disabled)>"
            + e((costs?.shippingRules ?? []).map(\.written).joined(separator: "\n")) + "</textarea></label> "
            + (canWrite ? "<button type=\"submit\">\(e(l.pick("保存成本", "Save costs")))</button>" : "") + "</form></section>"
        // Thresholds.
        html += "<section><h2>\(e(l.pick("检查阈值", "Check thresholds")))</h2>"
            + "<form class=\"settings\" method=\"post\" action=\"\(e(base))/checks\">\(WebPage.csrfField(csrf))"
            + "<div class=\"scroll\"><table class=\"kv\"><thead><tr><th>\(e(l.pick("名称", "Name")))</th><th>\(e(l.pick("值", "Value")))</th>"
            + "<th>\(e(l.pick("默认", "Default")))</th></tr></thead><tbody>"
        for entry in thresholds {
            let name = entry.name.rawValue
            html += "<tr><th><label for=\"t-\(e(name))\">\(e(name))</label>\(entry.isOverridden ? " *" : "")</th>"
                + "<td><input id=\"t-\(e(name))\" name=\"\(e(name))\" value=\"\(e(entry.value))\"\(disabled)></td>"
                + "<td class=\"muted\">\(e(entry.defaultValue))</td></tr>"
        }
        html += "</tbody></table></div>"
        if canWrite {
            html += "<p class=\"muted\">\(e(l.pick("比例可写 1.5、70% 或 1/3；写 default 恢复默认。", "Ratios take 1.5, 70% or 1/3; default restores the default.")))</p>"
                + "<button type=\"submit\">\(e(l.pick("保存阈值", "Save thresholds")))</button>"
        }
        return html + "</form></section>"
    }
}
