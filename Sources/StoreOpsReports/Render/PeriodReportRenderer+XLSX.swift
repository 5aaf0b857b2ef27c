import Foundation
import StoreOpsCore

extension PeriodReportRenderer {
    /// The report as a workbook: `period` (every figure beside the period before and last year, under its key),
    /// `days` (the period's master-table rows) and, when the period has them, `campaigns`, `agents`, `refund_reasons`,
    /// `items`, `keyword_actions`, `stock_outs` and `competitor_moves`. Typed cells; unknown figures are empty.
    public static func xlsx(_ report: PeriodReport) throws -> Data {
        var writer = XLSXWriter(sheetName: "period")
        writer.row(["field", "period", "previous", "last_year", "missing_from"].map { .text($0) })
        for field in MasterField.allCases {
            writer.row([
                .text(field.key), report.totals[field].xlsx, report.previous[field].xlsx, report.lastYear[field].xlsx,
                report.totals.firstDayMissing[field].map { .day($0) } ?? .empty,
            ])
        }
        writer.addSheet(named: "days")
        writer.row((["day"] + MasterField.allCases.map(\.key)).map { .text($0) })
        for row in report.daily { writer.row([.day(row.day)] + MasterField.allCases.map { row[$0].xlsx }) }
        if !report.campaigns.isEmpty {
            writer.addSheet(named: "campaigns")
            writer.row(["channel", "campaign", "spend", "revenue", "roas", "orders", "clicks"].map { .text($0) })
            for c in report.campaigns {
                writer.row([
                    .text(c.channel.rawValue), .text(c.campaign), .money(c.spend.decimalString),
                    .money(c.revenue.decimalString),
                    c.roas.flatMap { $0.decimalString(digits: 4) }.map { .rate($0) } ?? .empty, .integer(c.orders),
                    .integer(c.clicks),
                ])
            }
        }
        if !report.agents.isEmpty {
            writer.addSheet(named: "agents")
            writer.row(["agent", "inquirers", "paid", "inquiry_conversion", "paid_amount"].map { .text($0) })
            for a in report.agents {
                writer.row([
                    .text(a.agent), .integer(a.inquirers), .integer(a.paid),
                    a.conversion.flatMap { $0.decimalString(digits: 4) }.map { .rate($0) } ?? .empty,
                    .money(a.paidAmount.decimalString),
                ])
            }
        }
        if let reasons = report.returnReasons, !reasons.lines.isEmpty {
            writer.addSheet(named: "refund_reasons")
            writer.row(["reason", "refunds", "amount", "cumulative_share"].map { .text($0) })
            for line in reasons.lines {
                writer.row([
                    .text(line.reason), .integer(line.count), .money(line.amount.decimalString),
                    line.cumulativeShare.decimalString(digits: 4).map { .rate($0) } ?? .empty,
                ])
            }
        }
        if !report.topItems.isEmpty || !report.fallingItems.isEmpty {
            writer.addSheet(named: "items")
            writer.row(["list", "item", "title", "units", "revenue", "previous_revenue"].map { .text($0) })
            for (list, items) in [("top", report.topItems), ("falling", report.fallingItems)] {
                for i in items {
                    writer.row([
                        .text(list), .text(i.productID), i.title.map { .text($0) } ?? .empty, .integer(i.units),
                        .money(i.revenue.decimalString), i.previousRevenue.map { .money($0.decimalString) } ?? .empty,
                    ])
                }
            }
        }
        if !report.keywordActions.isEmpty {
            writer.addSheet(named: "keyword_actions")
            writer.row(
                [
                    "action", "keyword", "closed_on", "recovered", "spend_before", "revenue_before", "spend_after",
                    "revenue_after",
                ].map { .text($0) })
            for a in report.keywordActions {
                let money = { (m: Money?) -> XLSXWriter.Cell in m.map { .money($0.decimalString) } ?? .empty }
                writer.row([
                    .text(a.action.rawValue), .text(a.keyword), .day(a.closedOn),
                    a.recovered.map { .text($0 ? "yes" : "no") } ?? .empty,
                    money(a.spendBefore), money(a.revenueBefore), money(a.spendAfter), money(a.revenueAfter),
                ])
            }
        }
        if !report.stockOuts.isEmpty {
            writer.addSheet(named: "stock_outs")
            writer.row(["sku", "days_out", "days_in_stock", "units", "lost_units", "lost_sales"].map { .text($0) })
            for o in report.stockOuts {
                writer.row([
                    .text(o.skuID), .integer(Int64(o.daysOut)), .integer(Int64(o.daysInStock)), .integer(o.units),
                    o.lostUnits.map { .integer($0) } ?? .empty,
                    o.lostRevenue.map { .money($0.decimalString) } ?? .empty,
                ])
            }
        }
        if !report.competitorMoves.isEmpty {
            writer.addSheet(named: "competitor_moves")
            writer.row(
                [
                    "competitor", "item", "title", "from", "to", "price_before", "price_after", "monthly_sales_before",
                    "monthly_sales_after",
                ].map { .text($0) })
            for m in report.competitorMoves {
                writer.row([
                    .text(m.competitor), .text(m.itemID), .text(m.title), .day(m.firstDay), .day(m.lastDay),
                    .money(m.priceBefore.decimalString), .money(m.priceAfter.decimalString),
                    .integer(Int64(m.salesBefore)),
                    .integer(Int64(m.salesAfter)),
                ])
            }
        }
        return try writer.data()
    }
}
