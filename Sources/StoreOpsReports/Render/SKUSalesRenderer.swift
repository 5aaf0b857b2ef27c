import StoreOpsCore

/// The SKU ranking as a text table, CSV (one row per SKU and product) or JSON.
public enum SKUSalesRenderer {
    public static func text(_ report: SKUSalesReport, language l: Language) -> String {
        let title = l.pick("\(report.store.name) 商品排行 \(report.days.first.iso) 至 \(report.days.last.iso)",
                           "\(report.store.name) SKU ranking \(report.days.first.iso) to \(report.days.last.iso)") + "\n"
        guard !report.rows.isEmpty else { return title + l.pick("这些天没有已付款订单的商品明细。\n", "No lines of paid orders on these days.\n") }
        let rows = report.rows.enumerated().map { index, row -> [String] in
            [String(index + 1), row.skuID ?? "—", row.productID ?? "—", String(row.units), row.revenue.groupedString, report.share(row).percentString]
        }
        let total = ["", l.pick("合计", "Total"), "", String(report.totalUnits), report.totalRevenue.groupedString, ""]
        return title + TextTable.render(header: ["#", l.pick("商家编码", "SKU"), l.pick("商品", "Product"), l.pick("件数", "Units"),
                                                 l.pick("销售额", "Revenue"), l.pick("占比", "Share")], rows: rows + [total])
    }

    public static func csv(_ report: SKUSalesReport) -> String {
        var writer = CSVWriter()
        writer.header(["sku", "product", "units", "revenue", "share"])
        for row in report.rows {
            writer.row([.text(row.skuID ?? ""), .text(row.productID ?? ""), .number(String(row.units)), .number(row.revenue.decimalString),
                        .number(report.share(row).decimalString(digits: 4) ?? "")])
        }
        return writer.output
    }

    public static func json(_ report: SKUSalesReport) -> String {
        JSONValue.object([
            ("store", .string(report.store.id.rawValue)), ("from", .string(report.days.first.iso)), ("to", .string(report.days.last.iso)),
            ("currency", .string(report.store.currency.code)), ("units", .int(Int64(report.totalUnits))),
            ("revenue", .string(report.totalRevenue.decimalString)),
            ("skus", .array(report.rows.map { row in
                .object([("sku", row.skuID.map { .string($0) } ?? .null), ("product", row.productID.map { .string($0) } ?? .null),
                         ("units", .int(Int64(row.units))), ("revenue", .string(row.revenue.decimalString)),
                         ("share", report.share(row).decimalString(digits: 4).map { .string($0) } ?? .null)])
            })),
        ]).rendered() + "\n"
    }
}
