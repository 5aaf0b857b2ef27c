import StoreOpsCore
import StoreOpsReports
import StoreOpsStorage

/// The morning briefing of a day: the master-table row with its comparisons, the day against the plan, why sales
/// moved, the checks' findings and the open tasks.
public struct BriefingService: Sendable {
    let storage: any StoreOpsStore
    let reports: ReportService
    let clock: @Sendable () -> Instant

    public init(storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant) {
        self.storage = storage
        self.clock = clock
        self.reports = ReportService(storage: storage, clock: clock)
    }

    /// The service as `context`'s user: every read and write limited to what their grants reach.
    public init(_ context: AccessContext, clock: @escaping @Sendable () -> Instant) {
        self.init(storage: context.storage, clock: clock)
    }

    /// The briefing of `day` (default: yesterday in the store's time zone). Its parts run concurrently, each read on
    /// its own connection, so the briefing takes both cores; the why reuses the checks' facts (the day's lines, stock,
    /// catalog, unit costs and ads) and the report's master table when its days lie inside it.
    public func briefing(store id: StoreID, day: Day? = nil, baseline: WhyAnalysis.Baseline = .lastWeek) async throws -> DailyReport {
        let store = try await storage.requireStore(id)
        let day = day ?? reports.yesterday(of: store)
        let baseDays = baseline.days(for: day)
        let tableDays = DailyReport.daysNeeded(for: day)
        let whyDays = DayRange(min(baseDays.first!, day), max(baseDays.last!, day))!
        let ownTable = whyDays.first < tableDays.first || whyDays.last > tableDays.last

        async let checked = CheckService(storage: storage, clock: clock).facts(store: store, day: day)
        async let table = storage.masterTable(store: id, days: tableDays, customers: true)
        async let whyTable = ownTable ? storage.masterTable(store: id, days: whyDays) : []
        async let sources = storage.read(TrafficSourceDay.self, store: id, days: whyDays)
        async let baseLines = storage.read(OrderLine.self, store: id, days: DayRange(baseDays.first!, baseDays.last!)!)
        async let target = PlanService(storage: storage, clock: clock).pacing(store: store, day: day)
        async let openTasks = TaskService(storage: storage, clock: clock).list(store: id, status: .open)
        async let activities = storage.read(Activity.self, store: id, days: DayRange(day: day))

        var report = try ReportService.dailyReport(store: store, day: day, table: try await table)
        let (settings, facts) = try await checked
        report.checks = CheckService.report(facts, settings: settings)
        report.why = why(baseline: baseline, baseDays: baseDays, rows: ownTable ? try await whyTable : report.history,
                         sources: try await sources, baseLines: try await baseLines, facts: facts)
        report.target = try await target
        report.openTasks = try await openTasks
        report.activities = try await activities.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        return report
    }

    /// The decomposition of the day's GMV change against the baseline days (`baseline.days(for:)`),
    /// from the master `rows` of the days, their traffic `sources`, the lines of the orders paid on the base days and
    /// the day's facts as the checks read them.
    func why(baseline: WhyAnalysis.Baseline, baseDays: [Day], rows table: [MasterTableRow], sources: [TrafficSourceDay],
             baseLines: [OrderLine], facts: CheckInput) -> WhyAnalysis? {
        let (store, day) = (facts.store, facts.day)
        let rows = Dictionary(table.map { ($0.day, $0) }, uniquingKeysWith: { first, _ in first })
        func side(_ days: [Day]) -> GMVDecomposition.Side? {
            var gmv: Int64 = 0, visitors: Int64 = 0, buyers: Int64 = 0
            for d in days {
                guard let row = rows[d], case .money(let g) = row[.gmv], case .count(let v) = row[.visitors], case .count(let b) = row[.buyers],
                      let g = gmv.plus(g.minor), let v = visitors.plus(v), let b = buyers.plus(b) else { return nil }
                (gmv, visitors, buyers) = (g, v, b)
            }
            let n = Int64(days.count)
            return GMVDecomposition.Side(gmv: Money.divideRounded(gmv, by: n), visitors: Money.divideRounded(visitors, by: n), buyers: Money.divideRounded(buyers, by: n))
        }
        guard let after = side([day]), let before = side(baseDays) else { return nil }
        let n = Int64(baseDays.count)

        // Traffic sources.
        // Changes that cannot be counted in Int64 leave their source or item out rather than show a wrong figure.
        var visitorsChange: [String: Int64] = [:], gmvChange: [String: Int64] = [:], uncounted = Set<String>()
        for s in sources {
            let current = s.day == day, base = baseDays.contains(s.day)
            guard current || base else { continue }
            let visitors = current ? Int64(s.visitors).times(n) : -Int64(s.visitors)
            let gmv = current ? s.gmv.minor.times(n) : s.gmv.minor.times(-1)
            visitorsChange.add(visitors, to: s.source, unknown: &uncounted)
            gmvChange.add(gmv, to: s.source, unknown: &uncounted)
        }
        let bySource = visitorsChange.compactMap { source, visitors in
            gmvChange[source].map { WhyAnalysis.SourceChange(source: source, visitorsChange: Money.divideRounded(visitors, by: n),
                                                             gmvChange: Money.divideRounded($0, by: n)) }
        }
            .sorted { abs($0.visitorsChange) != abs($1.visitorsChange) ? abs($0.visitorsChange) > abs($1.visitorsChange) : $0.source < $1.source }

        // Items: line value of paid orders per product, the day's against the base days'.
        var items: [String: Int64] = [:], uncountedItems = Set<String>()
        var titles: [String: String] = [:]
        for (lines, isCurrent) in [(facts.linesOfDay, true), (baseLines, false)] {
            for line in lines {
                guard let product = line.productID ?? line.skuID else { continue }
                let value = line.unitPrice.minor.times(Int64(line.quantity))
                items.add(value.flatMap { isCurrent ? $0.times(n) : $0.times(-1) }, to: product, unknown: &uncountedItems)
                titles[product] = titles[product] ?? line.title
            }
        }
        let productOfSKU = Dictionary(facts.skus.map { ($0.id, $0.productID) }, uniquingKeysWith: { a, _ in a })
        let soldOut = Set(facts.stock.filter { $0.onHand <= 0 }.compactMap { productOfSKU[$0.skuID] })
        let productTitles = Dictionary(facts.products.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let moved = items.map { WhyAnalysis.ItemChange(productID: $0.key, title: productTitles[$0.key] ?? titles[$0.key] ?? $0.key,
                                                       gmvChange: Money.divideRounded($0.value, by: n), soldOut: soldOut.contains($0.key)) }
        let falls = moved.filter { $0.gmvChange < 0 }.sorted { $0.gmvChange != $1.gmvChange ? $0.gmvChange < $1.gmvChange : $0.productID < $1.productID }.prefix(5)
        let rises = moved.filter { $0.gmvChange > 0 }.sorted { $0.gmvChange != $1.gmvChange ? $0.gmvChange > $1.gmvChange : $0.productID < $1.productID }.prefix(5)

        // Ads.
        func ads(_ days: [Day]) -> AdTotals? {
            var total = AdTotals.zero(store.currency)
            for d in days {
                guard let row = rows[d], case .money(let spend) = row[.adSpendTotal] else { return nil }
                total.spend += spend
                if case .rate(let r) = row[.roas] { total.revenue += Money(minor: r.numerator, currency: store.currency) }
            }
            return total
        }
        let adsAfter = ads([day]), adsBefore = ads(baseDays)
        var analysis = WhyAnalysis(day: day, baseline: baseline, before: before, after: after, bySource: bySource, byItem: Array(falls) + Array(rises),
                           adSpendChange: adsAfter.flatMap { a in adsBefore.map { b in a.spend.minor - Money.divideRounded(b.spend.minor, by: n) } },
                           roasBefore: adsBefore?.roas, roasAfter: adsAfter?.roas)
        analysis.margins = margins(facts: facts, titles: productTitles)
        return analysis
    }

    /// The day's ten best-selling items (from the day's order lines): revenue, the cost of their units (unit cost
    /// effective that day) and their ads' ROAS, for break-even ROAS per item.
    func margins(facts: CheckInput, titles: [String: String]) -> [WhyAnalysis.ItemMargin] {
        var revenue: [String: Int64] = [:], cogs: [String: Int64] = [:], costed: [String: Bool] = [:], uncounted = Set<String>()
        for line in facts.linesOfDay {
            guard let product = line.productID ?? line.skuID else { continue }
            revenue.add(line.unitPrice.minor.times(Int64(line.quantity)), to: product, unknown: &uncounted)
            if let sku = line.skuID, let unit = facts.unitCosts[sku] {
                cogs.add(unit.minor.times(Int64(line.quantity)), to: product, unknown: &uncounted)
                costed[product] = costed[product] ?? true
            } else {
                costed[product] = false
            }
        }
        revenue = revenue.filter { !uncounted.contains($0.key) }
        var adTotals: [String: AdTotals] = [:]
        for stat in facts.adStats where stat.day == facts.day && !stat.productID.isEmpty {
            adTotals[stat.productID, default: .zero(facts.store.currency)] = adTotals[stat.productID, default: .zero(facts.store.currency)]
                + AdTotals(spend: stat.spend, revenue: stat.revenue)
        }
        return revenue.filter { costed[$0.key] == true }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(10)
            .map { WhyAnalysis.ItemMargin(productID: $0.key, title: titles[$0.key] ?? $0.key, revenue: $0.value, cogs: cogs[$0.key] ?? 0,
                                          adROAS: adTotals[$0.key].map(\.roas)) }
    }
}
