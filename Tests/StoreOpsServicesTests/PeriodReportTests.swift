import Foundation
import StoreOpsCore
import StoreOpsImport
import StoreOpsReports
import StoreOpsServices
import StoreOpsTesting
import Testing

@Suite("Period reports on the demo store")
struct PeriodReportTests {
    static let end = Day(iso: "2026-03-31")!

    @Test("a week and a month: totals are the sums of the daily rows, the why's parts add up, golden text and JSON")
    func weekAndMonth() async throws {
        let storage = try await TestBackend.makeStore()
        try await DemoService(storage: storage, clock: { Instant(seconds: 0) }).build(DemoScenario(seed: 42, end: Self.end, days: 60))
        let service = PeriodReportService(storage: storage, clock: { Instant(year: 2026, month: 4, day: 1, hour: 1)! })
        let week = try await service.week(store: "demo", "2026-W13")
        #expect(week.totals.days == DayRange(Day(iso: "2026-03-23")!, Day(iso: "2026-03-29")!))
        #expect(week.previous.days == DayRange(Day(iso: "2026-03-16")!, Day(iso: "2026-03-22")!))
        let month = try await service.month(store: "demo", "2026-03")
        #expect(month.previous.days == DayRange(Day(iso: "2026-02-01")!, Day(iso: "2026-02-28")!))
        for report in [week, month] {
            let rows = try await storage.masterTable(store: "demo", days: report.totals.days, customers: true)
            for field in PeriodTotals.additiveFields where report.totals[field].hasData {
                var sum: Int64 = 0
                for row in rows {
                    switch row[field] {
                    case .money(let m): sum += m.minor
                    case .count(let c): sum += c
                    case .score(let s): sum += Int64(s)
                    default: Issue.record("\(field.key) on \(row.day.iso) has no value but the period has one")
                    }
                }
                let total: Int64? = switch report.totals[field] {
                case .money(let m): m.minor
                case .count(let c): c
                case .score(let s): Int64(s)
                default: nil
                }
                #expect(total == sum, "\(field.key)")
            }
            // The campaigns add up to the period's ad spend; the items' lines are those of the period's paid orders.
            let spend = report.campaigns.reduce(Int64(0)) { $0 + $1.spend.minor }
            #expect(report.totals[.adSpendTotal] == .money(Money(minor: spend, currency: .cny)))
            #expect(!report.agents.isEmpty && report.agents.first!.conversion!.value! >= report.agents.last!.conversion!.value!)
            #expect(report.topItems.count == 5 && report.returnReasons?.lines.contains { $0.reason.isEmpty } == false)
            let why = try #require(report.why)
            #expect(why.visitors + why.conversion + why.aov == why.change)
            #expect(report.attainment != nil && report.targetGMV != nil)
        }
        // The demo starts on 2026-01-31: last year is unknown, and said so.
        #expect(week.lastYear[.gmv] == .noData)
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        try Golden.check(PeriodReportRenderer.text(week, language: .zh), "demo-week-zh.txt", directory: golden)
        try Golden.check(PeriodReportRenderer.text(week, language: .en), "demo-week-en.txt", directory: golden)
        try Golden.check(PeriodReportRenderer.json(week), "demo-week.json", directory: golden)
        try Golden.check(PeriodReportHTMLRenderer(language: .zh).render(month), "demo-month-zh.html", directory: golden)
        try Golden.check(PeriodReportHTMLRenderer(language: .en).render(week), "demo-week-en.html", directory: golden)

        // The workbook read back by the import layer: one row a day on `days`, adding up to the period's GMV.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("storeops-period-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try PeriodReportRenderer.xlsx(month).write(to: file)
        let sheets = try XLSXReader(url: file).sheetNames()
        #expect(sheets.starts(with: ["period", "days", "campaigns", "agents", "refund_reasons", "items"]), "\(sheets)")
        var cells: [[String]] = []
        try XLSXReader(url: file, sheet: "days").forEachRecord { cells.append($0.cells) }
        let column = try #require(cells.first?.firstIndex(of: "gmv"))
        #expect(cells.count == 1 + 31)
        let amounts = cells.dropFirst().map { Money.parseMinor($0[column], digits: 2) }
        #expect(!amounts.contains(nil), "every day's GMV is an amount")
        let gmv = amounts.compactMap { $0 }.reduce(Int64(0)) { $0.plus($1) ?? .max }
        #expect(month.totals[.gmv] == .money(Money(minor: gmv, currency: .cny)))
    }

    @Test("a keyword task closed in the month: the keyword's ads the seven days before and after; the month's findings by check")
    func keywordActions() async throws {
        let storage = try await TestBackend.makeStore()
        try await DemoService(storage: storage, clock: { Instant(seconds: 0) }).build(DemoScenario(seed: 42, end: Self.end, days: 60))
        let at = { (iso: String) in { @Sendable () -> Instant in
            let d = Day(iso: iso)!
            return Instant(year: d.year, month: d.month, day: d.dayOfMonth, hour: 1)!
        } }
        _ = try await CheckService(storage: storage, clock: at("2026-03-21")).run(store: "demo", day: Day(iso: "2026-03-20")!, recordTasks: true)
        let tasks = try await TaskService(storage: storage, clock: at("2026-03-21")).list(store: "demo", status: .open)
        let task = try #require(tasks.first { $0.findingKey?.hasPrefix("keyword_") == true })
        let keyword = String(task.findingKey!.drop { $0 != ":" }.dropFirst())
        try await TaskService(storage: storage, clock: at("2026-03-22")).close(store: "demo", task: task.id)

        let month = try await PeriodReportService(storage: storage, clock: { Instant(year: 2026, month: 4, day: 1, hour: 1)! })
            .month(store: "demo", "2026-03")
        let line = try #require(month.keywordActions.first)
        #expect(month.keywordActions.count == 1 && line.keyword == keyword && line.closedOn == Day(iso: "2026-03-22")!)
        let ads = try await storage.read(AdStat.self, store: "demo", days: DayRange(Day(iso: "2026-03-15")!, Day(iso: "2026-03-29")!))
            .filter { $0.keyword == keyword }
        func spend(_ from: String, _ to: String) -> Int64 {
            let days = DayRange(Day(iso: from)!, Day(iso: to)!)!
            return ads.filter { days.contains($0.day) }.reduce(0) { $0 + $1.spend.minor }
        }
        #expect(line.spendBefore?.minor == spend("2026-03-15", "2026-03-21"))
        #expect(line.spendAfter?.minor == spend("2026-03-23", "2026-03-29"))
        #expect(line.recovered == nil)
        // The findings of the month: every task the checks made on 03-21, by check, the closed one among them.
        #expect(month.findings.reduce(0) { $0 + $1.tasks } == tasks.count)
        #expect(month.findings.reduce(0) { $0 + $1.closed } == 1)
        #expect(month.findings.first { $0.kind == line.action }?.closed == 1)
        #expect(PeriodReportRenderer.text(month, language: .zh).contains("关键词调整及效果"))
    }
}

/// A period at the start of a store's history: the period before it has no order data.
@Suite("Period report without a period before")
struct PeriodReportFirstPeriodTests {
    @Test("items' revenue before is unknown (null, —), none is falling or rising, not compared with zero")
    func firstPeriod() async throws {
        let storage = try await TestBackend.makeStore()
        try await storage.saveStore(Fixtures.store)
        try await storage.write(Fixtures.batch(), to: Fixtures.storeID)
        let report = try await PeriodReportService(storage: storage, clock: { Fixtures.at(Fixtures.d1, 9) })
            .period(store: Fixtures.storeID, days: DayRange(Fixtures.d0, Fixtures.d1)!)
        #expect(!report.previous[.gmv].hasData)
        #expect(!report.topItems.isEmpty && report.topItems.allSatisfy { $0.previousRevenue == nil && $0.change == nil })
        #expect(report.fallingItems.isEmpty)
        #expect(report.itemRoles.allSatisfy { !$0.roles.contains(.rising) && $0.previousRevenue == nil })
        let json = PeriodReportRenderer.json(report)
        #expect(json.contains("\"previous_revenue\": null") && !json.contains("\"previous_revenue\": \"0.00\""))
        #expect(PeriodReportRenderer.text(report, language: .en).contains("—"))
    }
}
