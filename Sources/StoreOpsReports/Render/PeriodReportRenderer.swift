import StoreOpsCore

/// A period report (周报, 月报) as text, JSON or CSV: the period's figures beside the period before and the same days a
/// year earlier with their changes, per-day means of the additive figures, the target, why GMV moved, and the best and
/// worst days. Unknown figures are "—" / null / empty, with the first day that lacks them.
public enum PeriodReportRenderer {
    public static func text(_ report: PeriodReport, language l: Language) -> String {
        var lines = [title(report, l), l.pick("金额单位: ", "Money in ") + report.store.currency.code, ""]
        let summary = summaryLines(report, l)
        lines += summary
        if !summary.isEmpty { lines.append("") }
        let figures = figureTable(report, l)
        lines.append(TextTable.render(header: figures.header, rows: figures.rows).trimmingTrailingNewline)
        if let note = missingNote(report, l) { lines += ["", note] }
        for table in sectionTables(report, l) {
            lines += ["", table.title, TextTable.render(header: table.header, rows: table.rows).trimmingTrailingNewline]
        }
        if let note = lastYearNote(report, l) { lines.append(note) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A titled table of a report section.
    struct Table {
        let topic: PeriodReportTopic
        let title: String
        let header: [String]
        let rows: [[String]]
    }

    /// The report's kind, store, label and days.
    static func title(_ report: PeriodReport, _ l: Language) -> String {
        let t = report.totals
        let kind =
            switch report.kind {
            case .week: l.pick("【周报】", "Weekly report · ")
            case .month: l.pick("【月报】", "Monthly report · ")
            case .period: l.pick("【期间报表】", "Period report · ")
            }
        return kind + "\(report.store.name) (\(report.store.id)) · \(report.label) (\(t.days.first.iso) ~ \(t.days.last.iso), "
            + l.pick("\(t.days.count) 天)", "\(t.days.count) days)")
    }

    /// The target, the why, the best and worst days, the next period's target and the tasks, one line each.
    static func summaryLines(_ report: PeriodReport, _ l: Language) -> [String] {
        var lines: [String] = []
        let store = report.store
        if let target = report.targetGMV {
            let attained = report.attainment?.percentString ?? "—"
            lines.append(
                l.pick(
                    "目标 \(target.groupedString)，完成 \(attained)", "Target \(target.groupedString), attained \(attained)")
            )
        }
        if let why = report.why {
            let m = { (minor: Int64) in
                (minor > 0 ? "+" : "") + Money(minor: minor, currency: store.currency).groupedString
            }
            lines.append(
                l.pick(
                    "比上期支付金额 \(m(why.change)) = 访客 \(m(why.visitors)) + 转化率 \(m(why.conversion)) + 客单价 \(m(why.aov))",
                    "GMV against the period before \(m(why.change)) = visitors \(m(why.visitors)) + conversion "
                        + "\(m(why.conversion)) + AOV \(m(why.aov))"))
        }
        if let (best, worst) = report.bestAndWorstDays {
            lines.append(
                l.pick(
                    "最好的一天 \(best.day.iso) \(best[.gmv].display(.gmv, language: l))，最差的一天 \(worst.day.iso) "
                        + worst[.gmv].display(.gmv, language: l),
                    "Best day \(best.day.iso) \(best[.gmv].display(.gmv, language: l)), worst day \(worst.day.iso) "
                        + worst[.gmv].display(.gmv, language: l)))
        }
        if let next = report.nextTarget {
            let range = "\(next.days.first.iso) ~ \(next.days.last.iso)"
            lines.append(
                l.pick(
                    "下期（\(range)）目标 \(next.gmv.groupedString)，每天需 \(next.perDay.groupedString)",
                    "Next period (\(range)): target \(next.gmv.groupedString), \(next.perDay.groupedString) a day"))
        }
        if let t = report.tasks {
            lines.append(
                l.pick(
                    "任务：本期新建 \(t.created)，按时完成 \(t.closedOnTime)，逾期完成 \(t.closedLate)；期末未完成 \(t.open)"
                        + "（已逾期 \(t.overdue)）",
                    "Tasks: \(t.created) made, \(t.closedOnTime) closed on time, \(t.closedLate) closed late; \(t.open) "
                        + "open at the end (\(t.overdue) overdue)"))
        }
        return lines
    }

    /// Every shown figure beside the period before and last year, with per-day means and changes.
    static func figureTable(_ report: PeriodReport, _ l: Language) -> (header: [String], rows: [[String]]) {
        let t = report.totals
        let header = [
            l.pick("指标", "Figure"), l.pick("本期", "Period"), l.pick("日均", "Per day"), l.pick("上期", "Before"),
            l.pick("环比", "Change"), l.pick("去年同期", "Last year"), l.pick("同比", "Change"),
        ]
        let rows = report.shownFields.map { field -> [String] in
            let now = t[field]
            let before = report.previous[field]
            let year = report.lastYear[field]
            let perDay =
                t.dailyMean(field).map { mean -> String in
                    if case .rate(let r) = mean, r.denominator > 0 {
                        // A count per day, to a tenth, grouped like the counts.
                        let tenths = (r.numerator * 10 * 2 + r.denominator) / (r.denominator * 2)
                        return Money(minor: tenths / 10, currency: Currency("JPY")).groupedString + ".\(tenths % 10)"
                    }
                    return mean.display(field, language: l)
                } ?? ""
            return [
                field.label(l), shown(now, field, l), perDay, shown(before, field, l), now.changeText(from: before),
                shown(year, field, l),
                now.changeText(from: year),
            ]
        }
        return (header, rows)
    }

    /// The figures the period lacks, with the first day that lacks each; nil when none.
    static func missingNote(_ report: PeriodReport, _ l: Language) -> String? {
        let missing = report.shownFields.compactMap { field in report.totals.firstDayMissing[field].map { (field, $0) } }
        guard !missing.isEmpty else { return nil }
        return l.pick("本期无数据（从该日起缺）：", "No data for the period (missing from):") + " "
            + missing.map { "\($0.0.label(l)) \($0.1.iso)" }.joined(separator: l.pick("，", ", "))
    }

    /// Said when last year has no complete order data for the same days.
    static func lastYearNote(_ report: PeriodReport, _ l: Language) -> String? {
        let y = report.lastYear.days
        guard !report.lastYear[.gmv].hasData else { return nil }
        return l.pick("去年同期（\(y.first.iso) ~ \(y.last.iso)）没有完整的订单数据。",
                      "Last year (\(y.first.iso) to \(y.last.iso)) has no complete order data.")
    }

    /// The ads, service, after-sales, item, review, stock and competitor sections, each only when the period has its
    /// data, each with its topic (the workbench shows a topic's tables on its own page).
    static func sectionTables(_ report: PeriodReport, _ l: Language) -> [Table] {
        var tables: [Table] = []
        func table(_ topic: PeriodReportTopic, _ title: String, _ header: [String], _ rows: [[String]]) {
            guard !rows.isEmpty else { return }
            tables.append(Table(topic: topic, title: title, header: header, rows: rows))
        }
        let breakEven: Ratio? = if case .rate(let r) = report.totals[.breakEvenROAS], r.isDefined { r } else { nil }
        table(
            .ads,
            l.pick("推广计划（花费最多的 10 个）", "Campaigns (the 10 that spent most)"),
            [
                l.pick("渠道", "Channel"), l.pick("计划", "Campaign"), l.pick("花费", "Spend"), l.pick("成交金额", "Revenue"),
                l.pick("投产比", "ROAS"), l.pick("成交笔数", "Orders"),
            ],
            report.campaigns.prefix(10).map { c in
                var losing = false
                if let roas = c.roas?.value, let line = breakEven?.value { losing = roas < line }
                return [
                    l.pick(c.channel.chineseName, c.channel.englishName), c.campaign, c.spend.groupedString,
                    c.revenue.groupedString,
                    (c.roas?.decimalString(digits: 2) ?? "—") + (losing ? l.pick(" 低于保本", " below break-even") : ""),
                    String(c.orders),
                ]
            })
        table(
            .service,
            l.pick("客服（询单转化率从高到低）", "Customer service (by inquiry conversion)"),
            [
                l.pick("客服", "Agent"), l.pick("询单人数", "Inquirers"), l.pick("付款人数", "Paid"),
                l.pick("询单转化率", "Conversion"),
                l.pick("付款金额", "Paid amount"),
            ],
            report.agents.map {
                [
                    $0.agent, String($0.inquirers), String($0.paid), $0.conversion?.percentString ?? "—",
                    $0.paidAmount.groupedString,
                ]
            })
        if let reasons = report.returnReasons {
            table(
                .afterSales,
                l.pick("退款原因（本期申请，帕累托）", "Refunds by reason (requested in the period, Pareto)"),
                [
                    l.pick("原因", "Reason"), l.pick("笔数", "Refunds"), l.pick("金额", "Amount"),
                    l.pick("累计占比", "Cumulative"),
                ],
                reasons.lines.map {
                    [
                        $0.reason.isEmpty ? "—" : $0.reason, String($0.count), $0.amount.groupedString,
                        $0.cumulativeShare.percentString,
                    ]
                })
        }
        let item = { (i: PeriodReport.ItemLine) -> [String] in
            let change = i.change.map { ($0 > 0 ? "+" : "") + Money(minor: $0, currency: i.revenue.currency).groupedString } ?? "—"
            return [BriefingNarrative.short(i.title ?? i.productID), String(i.units), i.revenue.groupedString, change]
        }
        let itemHeader = [
            l.pick("商品", "Item"), l.pick("件数", "Units"), l.pick("销售额", "Revenue"), l.pick("比上期", "Against before"),
        ]
        table(.items, l.pick("销售额最高的商品", "Items that sold most"), itemHeader, report.topItems.map(item))
        table(.items, l.pick("下滑最多的商品", "Items that fell most"), itemHeader, report.fallingItems.map(item))
        table(
            .items,
            l.pick("商品角色（引流：访客前 20%；利润：毛利前 20%；转化：转化率≥店铺 1.5 倍；潜力：销售额≥上期 1.5 倍）",
                   "Item roles (traffic: top 20 % by visitors; profit: top 20 % by gross profit; converter: 1.5x the store's "
                       + "conversion; rising: 1.5x the period before)"),
            [l.pick("商品", "Item"), l.pick("角色", "Roles"), l.pick("销售额", "Revenue"), l.pick("上期", "Before"),
             l.pick("访客", "Visitors"), l.pick("转化率", "Conversion"), l.pick("毛利", "Gross profit")],
            report.itemRoles.map { r in
                [BriefingNarrative.short(r.title ?? r.productID), r.roles.map { $0.label(l) }.joined(separator: l.pick("、", ", ")),
                 r.revenue.groupedString, r.previousRevenue?.groupedString ?? "—",
                 r.visitors.map { MetricValue.count($0).display(.visitors, language: l) } ?? "—",
                 r.conversion?.percentString ?? "—", r.grossProfit?.groupedString ?? "—"]
            })
        table(
            .findings,
            l.pick("本期发现（转成任务的，按检查项）", "Findings of the period (made into tasks, by check)"),
            [l.pick("检查项", "Check"), l.pick("任务", "Tasks"), l.pick("已完成", "Closed")],
            report.findings.map { [$0.kind.label(l), String($0.tasks), String($0.closed)] })
        table(
            .ads,
            l.pick("关键词调整及效果（完成前后各 7 天）", "Keyword actions and what followed (7 days before and after)"),
            [l.pick("动作", "Action"), l.pick("关键词", "Keyword"), l.pick("完成日", "Closed"), l.pick("之前花费", "Spend before"),
             l.pick("之前投产比", "ROAS before"), l.pick("之后花费", "Spend after"), l.pick("之后投产比", "ROAS after"),
             l.pick("结论", "Verdict")],
            report.keywordActions.map { a in
                let verdict = a.recovered.map { $0 ? l.pick("已恢复", "recovered") : l.pick("问题复现", "came back") } ?? l.pick("待观察", "too early")
                return [a.action.label(l), a.keyword, a.closedOn.iso, a.spendBefore?.groupedString ?? "—",
                        a.roasBefore?.decimalString(digits: 2) ?? "—", a.spendAfter?.groupedString ?? "—",
                        a.roasAfter?.decimalString(digits: 2) ?? "—", verdict]
            })
        if let r = report.reviews {
            let before = { (value: Int64) in r.previousTotal > 0 ? String(value) : "—" }
            table(
                .reviews,
                l.pick("评价（本期写下的）", "Reviews (written in the period)"),
                [l.pick("指标", "Figure"), l.pick("本期", "Period"), l.pick("上期", "Before")],
                [[l.pick("评价数", "Reviews"), String(r.total), before(r.previousTotal)],
                 [l.pick("好评 / 中评", "Good / neutral"), "\(r.good) / \(r.neutral)", ""],
                 [l.pick("差评", "Bad"), String(r.bad), before(r.previousBad)],
                 [l.pick("差评率", "Bad share"), r.badShare.percentString, r.previousBadShare?.percentString ?? "—"],
                 [l.pick("差评已回复", "Bad, replied"), String(r.badReplied), ""]])
            table(
                .reviews,
                l.pick("差评最多的商品", "Items with most bad reviews"), [l.pick("商品", "Item"), l.pick("差评", "Bad")],
                r.worstItems.map { [BriefingNarrative.short($0.title ?? $0.productID), String($0.bad)] })
        }
        if let known = report.stockKnownDays {
            table(
                .stock,
                l.pick("缺货（\(known) 天有库存快照；少卖按有货日的日均件数估计）",
                       "Stock-outs (stock known on \(known) days; lost sales from the units a day in stock)"),
                [l.pick("SKU", "SKU"), l.pick("商品", "Item"), l.pick("缺货天数", "Days out"), l.pick("有货天数", "Days in stock"),
                 l.pick("本期件数", "Units"), l.pick("估计少卖件数", "Lost units"), l.pick("估计少卖金额", "Lost sales")],
                report.stockOuts.map { o in
                    [o.skuID, BriefingNarrative.short(o.title ?? ""), String(o.daysOut), String(o.daysInStock), String(o.units),
                     o.lostUnits.map(String.init) ?? "—", o.lostRevenue?.groupedString ?? "—"]
                })
        }
        table(
            .competitors,
            l.pick("竞品变化（本期第一次与最后一次记录）", "Competitors' moves (first and last record of the period)"),
            [l.pick("竞品", "Competitor"), l.pick("商品", "Item"), l.pick("价格", "Price"), l.pick("变化", "Change"),
             l.pick("月销", "Monthly sales")],
            report.competitorMoves.map { m in
                let change = m.priceChange.map { Ratio($0.numerator * 100, $0.denominator).decimalString(digits: 1).map { v in
                    (v.hasPrefix("-") || v == "0.0" ? "" : "+") + v + "%" } ?? "—" } ?? "—"
                return [m.competitor, BriefingNarrative.short(m.title), "\(m.priceBefore.groupedString) → \(m.priceAfter.groupedString)",
                        change, "\(m.salesBefore) → \(m.salesAfter)"]
            })
        return tables
    }

    public static func json(_ report: PeriodReport) -> String { jsonValue(report).rendered() + "\n" }

    /// The report as a JSON value (what `json` renders), for reports that hold period reports.
    public static func jsonValue(_ report: PeriodReport) -> JSONValue {
        func figures(_ t: PeriodTotals) -> JSONValue {
            .object([
                ("from", .string(t.days.first.iso)), ("to", .string(t.days.last.iso)),
                ("figures", .object(MasterField.allCases.map { ($0.key, t[$0].json) })),
            ])
        }
        let why =
            report.why.map { w -> JSONValue in
                let m = { (minor: Int64) in
                    JSONValue.string(Money(minor: minor, currency: report.store.currency).decimalString)
                }
                return .object([
                    ("gmv_change", m(w.change)), ("visitors", m(w.visitors)), ("conversion", m(w.conversion)),
                    ("aov", m(w.aov)),
                ])
            } ?? .null
        let days =
            report.bestAndWorstDays.map { d -> JSONValue in
                .object([
                    ("best", .object([("day", .string(d.best.day.iso)), ("gmv", d.best[.gmv].json)])),
                    ("worst", .object([("day", .string(d.worst.day.iso)), ("gmv", d.worst[.gmv].json)])),
                ])
            } ?? .null
        return JSONValue.object([
            ("store", .string(report.store.id.rawValue)), ("kind", .string(report.kind.rawValue)),
            ("label", .string(report.label)),
            ("currency", .string(report.store.currency.code)),
            ("period", figures(report.totals)), ("previous", figures(report.previous)),
            ("last_year", figures(report.lastYear)),
            (
                "missing_from",
                .object(
                    report.totals.firstDayMissing.sorted { $0.key.key < $1.key.key }.map {
                        ($0.key.key, .string($0.value.iso))
                    })
            ),
            ("target_gmv", report.targetGMV.map { .string($0.decimalString) } ?? .null),
            ("attainment", report.attainment.flatMap { $0.decimalString(digits: 4) }.map { .number($0) } ?? .null),
            ("why", why), ("days", days),
            (
                "next_target",
                report.nextTarget.map { n in
                    .object([
                        ("from", .string(n.days.first.iso)), ("to", .string(n.days.last.iso)),
                        ("gmv", .string(n.gmv.decimalString)),
                        ("per_day", .string(n.perDay.decimalString)),
                    ])
                } ?? .null
            ),
            ("item_roles", .array(report.itemRoles.map { r in
                .object([
                    ("item", .string(r.productID)), ("roles", .array(r.roles.map { .string($0.rawValue) })),
                    ("revenue", .string(r.revenue.decimalString)), ("previous_revenue", r.previousRevenue.map { .string($0.decimalString) } ?? .null),
                    ("visitors", r.visitors.map { .int($0) } ?? .null), ("buyers", r.buyers.map { .int($0) } ?? .null),
                    ("gross_profit", r.grossProfit.map { .string($0.decimalString) } ?? .null),
                ])
            })),
            ("findings", .array(report.findings.map {
                .object([("check", .string($0.kind.rawValue)), ("tasks", .int(Int64($0.tasks))), ("closed", .int(Int64($0.closed)))])
            })),
            ("keyword_actions", .array(report.keywordActions.map { a in
                let money = { (m: Money?) in m.map { JSONValue.string($0.decimalString) } ?? .null }
                let rate = { (r: Ratio?) in r.flatMap { $0.decimalString(digits: 4) }.map { JSONValue.number($0) } ?? .null }
                return .object([
                    ("action", .string(a.action.rawValue)), ("keyword", .string(a.keyword)), ("closed_on", .string(a.closedOn.iso)),
                    ("recovered", a.recovered.map { .bool($0) } ?? .null), ("spend_before", money(a.spendBefore)),
                    ("roas_before", rate(a.roasBefore)), ("spend_after", money(a.spendAfter)), ("roas_after", rate(a.roasAfter)),
                ])
            })),
            ("reviews", report.reviews.map { r in
                .object([
                    ("total", .int(r.total)), ("good", .int(r.good)), ("neutral", .int(r.neutral)), ("bad", .int(r.bad)),
                    ("bad_replied", .int(r.badReplied)), ("bad_share", r.badShare.decimalString(digits: 4).map { .number($0) } ?? .null),
                    ("previous_total", .int(r.previousTotal)), ("previous_bad", .int(r.previousBad)),
                    ("previous_bad_share", r.previousBadShare.flatMap { $0.decimalString(digits: 4) }.map { .number($0) } ?? .null),
                    ("worst_items", .array(r.worstItems.map { .object([("item", .string($0.productID)), ("bad", .int($0.bad))]) })),
                ])
            } ?? .null),
            ("stock_known_days", report.stockKnownDays.map { .int(Int64($0)) } ?? .null),
            ("stock_outs", .array(report.stockOuts.map { o in
                .object([
                    ("sku", .string(o.skuID)), ("days_out", .int(Int64(o.daysOut))), ("days_in_stock", .int(Int64(o.daysInStock))),
                    ("units", .int(o.units)), ("lost_units", o.lostUnits.map { .int($0) } ?? .null),
                    ("lost_sales", o.lostRevenue.map { .string($0.decimalString) } ?? .null),
                ])
            })),
            ("competitor_moves", .array(report.competitorMoves.map { m in
                .object([
                    ("competitor", .string(m.competitor)), ("item", .string(m.itemID)), ("from", .string(m.firstDay.iso)),
                    ("to", .string(m.lastDay.iso)), ("price_before", .string(m.priceBefore.decimalString)),
                    ("price_after", .string(m.priceAfter.decimalString)),
                    ("price_change", m.priceChange.flatMap { $0.decimalString(digits: 4) }.map { .number($0) } ?? .null),
                    ("monthly_sales_before", .int(Int64(m.salesBefore))), ("monthly_sales_after", .int(Int64(m.salesAfter))),
                ])
            })),
            (
                "tasks",
                report.tasks.map { t in
                    .object([
                        ("created", .int(Int64(t.created))), ("closed_on_time", .int(Int64(t.closedOnTime))),
                        ("closed_late", .int(Int64(t.closedLate))), ("open", .int(Int64(t.open))),
                        ("overdue", .int(Int64(t.overdue))),
                    ])
                } ?? .null
            ),
            (
                "campaigns",
                .array(
                    report.campaigns.map { c in
                        .object([
                            ("channel", .string(c.channel.rawValue)), ("campaign", .string(c.campaign)),
                            ("spend", .string(c.spend.decimalString)),
                            ("revenue", .string(c.revenue.decimalString)), ("roas", rate(c.roas)),
                            ("orders", .int(c.orders)),
                            ("clicks", .int(c.clicks)),
                        ])
                    })
            ),
            (
                "agents",
                .array(
                    report.agents.map { a in
                        .object([
                            ("agent", .string(a.agent)), ("inquirers", .int(a.inquirers)), ("paid", .int(a.paid)),
                            ("conversion", rate(a.conversion)), ("paid_amount", .string(a.paidAmount.decimalString)),
                        ])
                    })
            ),
            (
                "return_reasons",
                report.returnReasons.map { reasons in
                    .array(
                        reasons.lines.map { line in
                            .object([
                                ("reason", .string(line.reason)), ("count", .int(line.count)),
                                ("amount", .string(line.amount.decimalString)),
                                ("cumulative_share", rate(line.cumulativeShare)),
                            ])
                        })
                } ?? .null
            ),
            ("top_items", .array(report.topItems.map(itemJSON))),
            ("falling_items", .array(report.fallingItems.map(itemJSON))),
        ])
    }

    private static func rate(_ r: Ratio?) -> JSONValue {
        r.flatMap { $0.decimalString(digits: 4) }.map { .number($0) } ?? .null
    }

    private static func itemJSON(_ i: PeriodReport.ItemLine) -> JSONValue {
        .object([
            ("product", .string(i.productID)), ("title", i.title.map { .string($0) } ?? .null),
            ("units", .int(i.units)),
            ("revenue", .string(i.revenue.decimalString)),
            ("previous_revenue", i.previousRevenue.map { .string($0.decimalString) } ?? .null),
        ])
    }

    /// One row per figure: the period, the period before, last year.
    public static func csv(_ report: PeriodReport) -> String {
        var writer = CSVWriter()
        writer.header(["field", "period", "previous", "last_year"])
        for field in MasterField.allCases {
            writer.row([
                .text(field.key), .number(report.totals[field].csv), .number(report.previous[field].csv),
                .number(report.lastYear[field].csv),
            ])
        }
        return writer.output
    }

    private static func shown(_ value: MetricValue, _ field: MasterField, _ l: Language) -> String {
        value.hasData ? value.display(field, language: l) : "—"
    }
}

extension String {
    var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
