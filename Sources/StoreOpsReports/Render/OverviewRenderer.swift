import StoreOpsCore

/// The agency overview as a text table or JSON, one line per store in the order of attention.
public enum OverviewRenderer {
    public static func text(_ lines: [StoreOverview], language l: Language) -> String {
        guard !lines.isEmpty else { return l.pick("没有可查看的店铺。\n", "No stores to show.\n") }
        let header = [l.pick("店铺", "Store"), l.pick("日期", "Day"), l.pick("支付金额", "GMV"), l.pick("日目标", "Day target"),
                      l.pick("月累计", "Month"), l.pick("净利", "Net profit"), l.pick("近14天", "14 days"),
                      l.pick("严重/警告/提示", "Crit/warn/info"), l.pick("涉及金额", "At stake"), l.pick("未运行", "Not run")]
        let rows = lines.map { line -> [String] in
            let trend = Sparkline.render(line.trend.map { $0.magnitude })
            return [
                "\(line.store.name) (\(line.store.id))", line.day.iso, shown(line.gmv, .gmv, l),
                line.dayAttainment?.percentString ?? "—", line.mtdAttainment.map { $0.percentString } ?? "—",
                shown(line.netProfit, .netProfit, l), trend, "\(line.critical)/\(line.warnings)/\(line.infos)",
                line.atStake?.groupedString ?? "—", line.notRun == 0 ? "" : String(line.notRun),
            ]
        }
        return TextTable.render(header: header, rows: rows)
    }

    public static func json(_ lines: [StoreOverview]) -> String {
        func rate(_ r: Ratio?) -> JSONValue { r.flatMap { $0.decimalString(digits: 4) }.map { .number($0) } ?? .null }
        return JSONValue.object([("stores", .array(lines.map { line in
            .object([
                ("id", .string(line.store.id.rawValue)), ("name", .string(line.store.name)),
                ("currency", .string(line.store.currency.code)), ("client", line.store.client.map { .string($0.rawValue) } ?? .null),
                ("day", .string(line.day.iso)), ("gmv", line.gmv.json), ("net_profit", line.netProfit.json),
                ("day_attainment", rate(line.dayAttainment)), ("mtd_attainment", rate(line.mtdAttainment)),
                ("trend", .array(line.trend.map(\.json))),
                ("findings", .object([("critical", .int(Int64(line.critical))), ("warning", .int(Int64(line.warnings))),
                                      ("info", .int(Int64(line.infos)))])),
                ("at_stake", line.atStake.map { .string($0.decimalString) } ?? .null), ("not_run", .int(Int64(line.notRun))),
            ])
        }))]).rendered() + "\n"
    }

    private static func shown(_ value: MetricValue, _ field: MasterField, _ l: Language) -> String {
        value.hasData ? value.display(field, language: l) : "—"
    }
}
