import StoreOpsCore
import StoreOpsReports
import StoreOpsStorage

/// Weekly, monthly and period reports (周报, 月报) from the master table, the targets and their day spreading.
public struct PeriodReportService: Sendable {
    let storage: any StoreOpsStore
    let clock: @Sendable () -> Instant

    public init(storage: any StoreOpsStore, clock: @escaping @Sendable () -> Instant) {
        self.storage = storage
        self.clock = clock
    }

    /// The service as `context`'s user: every read and write limited to what their grants reach.
    public init(_ context: AccessContext, clock: @escaping @Sendable () -> Instant) {
        self.init(storage: context.storage, clock: clock)
    }

    /// The last whole ISO week up to yesterday in the store's time zone, as `2026-W48`.
    public func lastWeek(of store: StoreID) async throws -> String {
        let yesterday = try await storage.requireStore(store).timeZone.yesterday(now: clock())
        let sunday = yesterday.weekday == 7 ? yesterday : yesterday.adding(days: -yesterday.weekday)
        return Target(store: store, period: .week, start: sunday.adding(days: -6), end: sunday, gmv: Money(minor: 0, currency: .cny))
            .periodName
    }

    /// The last whole month up to yesterday in the store's time zone, as `2026-11`.
    public func lastMonth(of store: StoreID) async throws -> String {
        let yesterday = try await storage.requireStore(store).timeZone.yesterday(now: clock())
        let last = yesterday.adding(days: 1).month != yesterday.month ? yesterday : yesterday.startOfMonth.adding(days: -1)
        return String(last.iso.prefix(7))
    }

    /// The ISO week `2026-W48`.
    public func week(store id: StoreID, _ text: String) async throws -> PeriodReport {
        guard let (_, start, end) = TargetService.period(text), start.weekday == 1, start.distance(to: end) == 6 else {
            throw ServiceError(.invalidInput, "--week \"\(text)\" is not an ISO week: write it like 2026-W48.")
        }
        let lastYear = DayRange(start.adding(days: -364), end.adding(days: -364))!
        return try await report(store: id, kind: .week, label: text, days: DayRange(start, end)!, lastYear: lastYear)
    }

    /// The month `2026-11`.
    public func month(store id: StoreID, _ text: String) async throws -> PeriodReport {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (2000...2100).contains(year),
            let start = Day(year: year, month: month, day: 1),
            let lastYearStart = Day(year: year - 1, month: month, day: 1)
        else {
            throw ServiceError(.invalidInput, "--month \"\(text)\" is not a month: write it like 2026-11.")
        }
        let days = DayRange(start, start.adding(days: Day.daysIn(year: year, month: month) - 1))!
        let lastYear = DayRange(
            lastYearStart, lastYearStart.adding(days: Day.daysIn(year: year - 1, month: month) - 1))!
        let before = start.adding(days: -1)
        let previous = DayRange(Day(year: before.year, month: before.month, day: 1)!, before)!
        return try await report(
            store: id, kind: .month, label: text, days: days, previous: previous, lastYear: lastYear)
    }

    /// The last whole month up to yesterday of the client's first store, `2026-11`; invalid input when it has none.
    public func lastMonth(of client: Client) async throws -> String {
        guard let store = try await storage.stores().filter({ $0.client == client.id }).min(by: { $0.id.rawValue < $1.id.rawValue }) else {
            throw ServiceError(.invalidInput, "Client \(client.id) has no stores yet.")
        }
        return try await lastMonth(of: store.id)
    }

    /// The report of a client's stores over `period` (`week:` `2026-W48`, `month:` `2026-11`, or a range), two stores at a
    /// time.
    public func client(_ client: Client, week: String? = nil, month: String? = nil, days: DayRange? = nil) async throws
        -> ClientPeriodReport {
        guard week != nil || month != nil || days != nil else {
            throw ServiceError(.invalidInput, "Give a week, a month or a range of days.")
        }
        let stores = try await storage.stores().filter { $0.client == client.id }
        var reports: [PeriodReport] = []
        try await withThrowingTaskGroup(of: PeriodReport.self) { group in
            var pending = stores[...]
            func next() {
                guard let store = pending.popFirst() else { return }
                group.addTask {
                    if let week { return try await self.week(store: store.id, week) }
                    if let month { return try await self.month(store: store.id, month) }
                    return try await self.period(store: store.id, days: days!)
                }
            }
            for _ in 0..<2 { next() }
            while let report = try await group.next() {
                reports.append(report)
                next()
            }
        }
        let label = week ?? month ?? days.map { "\($0.first.iso)~\($0.last.iso)" } ?? ""
        return ClientPeriodReport(client: client, label: label, reports: reports)
    }

    /// Any run of days (up to three years).
    public func period(store id: StoreID, days: DayRange) async throws -> PeriodReport {
        guard days.count <= 1_100 else {
            throw ServiceError(.invalidInput, "A period report covers three years at most.")
        }
        return try await report(
            store: id, kind: .period, label: "\(days.first.iso)~\(days.last.iso)", days: days,
            lastYear: DayRange(days.first.adding(days: -364), days.last.adding(days: -364))!)
    }

    /// The report of `days` against `previous` (default: as many days just before) and `lastYear`.
    func report(
        store id: StoreID, kind: PeriodReport.Kind, label: String, days: DayRange, previous: DayRange? = nil,
        lastYear: DayRange
    ) async throws -> PeriodReport {
        let store = try await storage.requireStore(id)
        let previous = previous ?? DayRange(days.first.adding(days: -days.count), days.first.adding(days: -1))!
        async let rows = storage.masterTable(store: id, days: DayRange(previous.first, days.last)!, customers: true)
        async let yearRows = storage.masterTable(store: id, days: lastYear, customers: true)
        let (all, year) = try await (rows, yearRows)
        let totals = PeriodTotals(days: days, rows: all, currency: store.currency)
        var report = PeriodReport(
            store: store, kind: kind, label: label, totals: totals,
            previous: PeriodTotals(days: previous, rows: all, currency: store.currency),
            lastYear: PeriodTotals(days: lastYear, rows: year, currency: store.currency),
            daily: all.filter { days.contains($0.day) })
        report.targetGMV = try await target(of: store, days: days)
        try await addSections(to: &report, previous: previous)
        let next =
            kind == .month
            ? PeriodReportService.month(after: days)
            : DayRange(days.last.adding(days: 1), days.last.adding(days: days.count))!
        report.nextTarget = try await target(of: store, days: next).map { PeriodReport.NextTarget(days: next, gmv: $0) }
        let tasks = try await storage.read(OpsTask.self, store: id, days: nil)
        report.tasks = PeriodReport.TaskSummary(tasks: tasks, days: days, zone: store.timeZone)
        report.findings = PeriodReport.FindingKindLine.lines(tasks: tasks, days: days, zone: store.timeZone)
        report.keywordActions = try await keywordActions(of: store, tasks: tasks, days: days)
        return report
    }

    /// The keyword tasks closed in `days`, each with the keyword's ads the seven days before and after its closing day.
    func keywordActions(of store: Store, tasks: [OpsTask], days: DayRange) async throws -> [PeriodReport.KeywordActionLine] {
        let kinds: Set<CheckKind> = [.keywordDelete, .keywordLowerBid, .keywordRaiseBid]
        let zone = store.timeZone
        let closed = tasks.compactMap { task -> (OpsTask, CheckKind, Day)? in
            guard let kind = TaskPlanner.check(of: task), kinds.contains(kind), let at = task.closedAt,
                  days.contains(zone.day(of: at)) else { return nil }
            return (task, kind, zone.day(of: at))
        }
        // The finding's subject is the keyword.
        func keyword(_ task: OpsTask) -> String { TaskPlanner.subject(of: task) ?? task.title }
        guard !closed.isEmpty else { return [] }
        let yesterday = zone.yesterday(now: clock())
        let wide = DayRange(days.first.adding(days: -7), max(days.first, min(days.last.adding(days: 7), yesterday)))!
        let ads = Dictionary(grouping: try await storage.read(AdStat.self, store: store.id, days: wide), by: \.keyword)
        return closed.sorted { ($0.2, $0.0.id) < ($1.2, $1.0.id) }.map { task, kind, day in
            let rows = ads[keyword(task)] ?? []
            let before = DayRange(day.adding(days: -7), day.adding(days: -1))!
            let after = DayRange(day.adding(days: 1), day.adding(days: 7))!
            return PeriodReport.KeywordActionLine(
                action: kind, keyword: keyword(task), closedOn: day, recovered: task.recovered,
                before: rows.filter { before.contains($0.day) }, after: rows.filter { after.contains($0.day) && $0.day <= yesterday },
                currency: store.currency)
        }
    }

    /// The sum of the day targets of `days`, from the targets of the months (weeks, quarters, years) covering them.
    func target(of store: Store, days: DayRange) async throws -> Money? {
        let plans = PlanService(storage: storage, clock: clock)
        var total: Int64 = 0
        var day = days.first
        while day <= days.last {
            guard let plan = try await plans.dayPlan(store: store, covering: day) else { return nil }
            var next = day
            while next <= days.last, let target = plan.days[next] {
                let (sum, overflow) = total.addingReportingOverflow(target)
                if overflow { return nil }
                total = sum
                next = next.adding(days: 1)
            }
            guard next > day else { return nil }
            day = next
        }
        return Money(minor: total, currency: store.currency)
    }

    /// Ads by campaign, agents, refund reasons and items of the period. Sums are taken in 128 bits; a line whose total
    /// does not fit an amount is left out rather than shown wrong.
    func addSections(to report: inout PeriodReport, previous: DayRange) async throws {
        let id = report.store.id
        let days = report.totals.days
        let currency = report.store.currency
        let money = { (minor: Int128) in Int64(exactly: minor).map { Money(minor: $0, currency: currency) } }
        async let adRows = storage.read(AdStat.self, store: id, days: days)
        async let agentRows = storage.read(ServiceAgentDay.self, store: id, days: days)
        // Refunds requested in the period, completed then or up to 90 days later, or still open.
        async let refundRows = storage.read(
            Refund.self, store: id, days: DayRange(days.first, days.last.adding(days: 90))!)
        async let sales = storage.skuSales(store: id, days: days)
        async let earlier = storage.skuSales(store: id, days: previous)
        async let products = storage.read(Product.self, store: id, days: nil)
        async let reviewRows = storage.read(Review.self, store: id, days: DayRange(previous.first, days.last))
        async let stockRows = storage.read(InventorySnapshot.self, store: id, days: days)
        async let skuRows = storage.read(SKU.self, store: id, days: nil)
        async let snapshotRows = storage.read(CompetitorSnapshot.self, store: id, days: days)
        async let competitorRows = storage.read(Competitor.self, store: id, days: nil)
        async let itemTrafficRows = storage.read(ItemTrafficDay.self, store: id, days: days)
        async let costRows = storage.read(SKUCost.self, store: id, days: nil)

        var campaigns:
            [String: (channel: AdChannel, name: String, spend: Int128, revenue: Int128, orders: Int128, clicks: Int128)] =
                [:]
        for row in try await adRows {
            let key = row.channel.rawValue + "|" + row.campaign
            var line = campaigns[key] ?? (row.channel, row.campaign, 0, 0, 0, 0)
            line.spend += Int128(row.spend.minor)
            line.revenue += Int128(row.revenue.minor)
            line.orders += Int128(row.orders)
            line.clicks += Int128(row.clicks)
            campaigns[key] = line
        }
        report.campaigns = campaigns.values.compactMap { c in
            guard let spend = money(c.spend), let revenue = money(c.revenue), let orders = Int64(exactly: c.orders),
                let clicks = Int64(exactly: c.clicks)
            else { return nil }
            return PeriodReport.CampaignLine(
                channel: c.channel, campaign: c.name, spend: spend, revenue: revenue, orders: orders,
                clicks: clicks)
        }.sorted { ($0.spend.minor, $1.campaign) > ($1.spend.minor, $0.campaign) }

        var agents: [String: (inquirers: Int128, paid: Int128, amount: Int128)] = [:]
        for row in try await agentRows {
            var line = agents[row.agent] ?? (0, 0, 0)
            line.inquirers += Int128(row.inquirers)
            line.paid += Int128(row.paid)
            line.amount += Int128(row.paidAmount.minor)
            agents[row.agent] = line
        }
        report.agents = agents.compactMap { agent, a in
            guard let inquirers = Int64(exactly: a.inquirers), let paid = Int64(exactly: a.paid),
                let amount = money(a.amount)
            else {
                return nil
            }
            return PeriodReport.AgentLine(agent: agent, inquirers: inquirers, paid: paid, paidAmount: amount)
        }.sorted { a, b in
            let (x, y) = (a.conversion?.value ?? -1, b.conversion?.value ?? -1)
            return x != y ? x > y : a.agent < b.agent
        }

        let refunds = try await refundRows
        if !refunds.isEmpty {
            report.returnReasons = ReturnReasons(
                refunds: refunds, first: days.first, last: days.last, zone: report.store.timeZone,
                currency: currency)
        }

        let now = try await sales.totalsByItem()
        let before = try await earlier.totalsByItem()
        // The period before says nothing when it has no order data (before the store's history): unknown, not 0.
        let beforeKnown = report.previous[.gmv].hasData
        let titles = Dictionary(try await products.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let lines = Set(now.keys).union(before.keys).compactMap { item -> PeriodReport.ItemLine? in
            guard let units = Int64(exactly: now[item]?.units ?? 0), let revenue = money(now[item]?.revenue ?? 0),
                let previous = money(before[item]?.revenue ?? 0)
            else { return nil }
            return PeriodReport.ItemLine(
                productID: item, title: titles[item], units: units, revenue: revenue, previousRevenue: beforeKnown ? previous : nil)
        }
        report.topItems = Array(
            lines.filter { $0.revenue.minor > 0 }
                .sorted { ($0.revenue.minor, $1.productID) > ($1.revenue.minor, $0.productID) }.prefix(5))
        report.fallingItems = Array(
            lines.filter { ($0.change ?? 0) < 0 }.sorted { ($0.change ?? 0, $0.productID) < ($1.change ?? 0, $1.productID) }.prefix(5))

        let reviews = try await reviewRows
        let inPeriod = reviews.filter { days.contains($0.day) }
        if !inPeriod.isEmpty {
            report.reviews = PeriodReport.ReviewSummary(
                reviews: inPeriod, previous: reviews.filter { previous.contains($0.day) }, titles: titles)
        }
        let skus = try await skuRows
        let skuTitles = Dictionary(skus.map { ($0.id, titles[$0.productID] ?? $0.productID) }, uniquingKeysWith: { a, _ in a })
        addStockOuts(to: &report, snapshots: try await stockRows, sales: try await sales.totalsBySKU(), titles: skuTitles)
        addCompetitorMoves(to: &report, snapshots: try await snapshotRows, competitors: try await competitorRows)
        addItemRoles(to: &report, now: now, before: before, skuSales: try await sales, costs: try await costRows,
                     traffic: try await itemTrafficRows, titles: titles)
    }

    /// The roles the items played (traffic, profit, converter, rising) from their sales, traffic and unit costs.
    func addItemRoles(to report: inout PeriodReport, now: [String: (units: Int128, revenue: Int128)],
                      before: [String: (units: Int128, revenue: Int128)], skuSales: [SKUSales], costs: [SKUCost],
                      traffic: [ItemTrafficDay], titles: [String: String]) {
        let last = report.totals.days.last
        var unitCost: [String: Int64] = [:]
        for cost in costs where cost.effectiveFrom <= last { unitCost[cost.skuID] = cost.unitCost.minor }  // by key: latest wins
        // Gross profit per item from its SKUs' lines; unknown when a line has no SKU or a SKU no unit cost.
        var profit: [String: Int128] = [:], costless = Set<String>()
        for sale in skuSales {
            let item = sale.productID ?? sale.skuID ?? ""  // as `totalsByItem` keys it
            guard let sku = sale.skuID, let cost = unitCost[sku] else {
                costless.insert(item)
                continue
            }
            profit[item, default: 0] += Int128(sale.revenue.minor) - Int128(sale.units) * Int128(cost)
        }
        var wide: [String: (visitors: Int128, buyers: Int128)] = [:]
        for row in traffic {
            wide[row.productID, default: (0, 0)].visitors += Int128(row.visitors)
            wide[row.productID, default: (0, 0)].buyers += Int128(row.buyers)
        }
        // A sum past Int64 leaves the item's traffic unknown rather than wrong.
        let visits = wide.compactMapValues { v -> (visitors: Int64, buyers: Int64)? in
            guard let visitors = Int64(exactly: v.visitors), let buyers = Int64(exactly: v.buyers) else { return nil }
            return (visitors, buyers)
        }
        // Visitors are known only when item traffic covers every day of the period, and then for the items it lists.
        let hasTraffic = Set(traffic.map(\.day)).count == report.totals.days.count
        let items = Set(now.keys).union(visits.keys).compactMap { item -> ItemRole.Figures? in
            guard let revenue = Int64(exactly: now[item]?.revenue ?? 0), let previous = Int64(exactly: before[item]?.revenue ?? 0)
            else { return nil }
            let gross = costless.contains(item) ? nil : profit[item].flatMap { Int64(exactly: $0) }
            return ItemRole.Figures(productID: item, revenue: revenue, previousRevenue: report.previous[.gmv].hasData ? previous : nil,
                                    visitors: hasTraffic ? visits[item]?.visitors : nil,
                                    buyers: hasTraffic ? visits[item]?.buyers : nil, grossProfit: revenue > 0 ? gross : nil)
        }
        let conversion: Ratio? = if case .rate(let r) = report.totals[.conversionRate] { r } else { nil }
        let roles = ItemRole.assign(items, storeConversion: conversion)
        report.itemRoles = items.compactMap { f in
            roles[f.productID].map { PeriodReport.ItemRoleLine(figures: f, title: titles[f.productID], roles: $0, currency: report.store.currency) }
        }
        .sorted { ($0.revenue.minor, $1.productID) > ($1.revenue.minor, $0.productID) }
        .prefix(20).map { $0 }
    }

    /// The SKUs out of stock on some days of the period and the sales they likely lost, from the stock snapshots.
    func addStockOuts(to report: inout PeriodReport, snapshots: [InventorySnapshot],
                      sales: [String: (units: Int128, revenue: Int128)], titles: [String: String]) {
        guard !snapshots.isEmpty else { return }
        report.stockKnownDays = Set(snapshots.map(\.day)).count
        let bySKU = Dictionary(grouping: snapshots, by: \.skuID)
        let currency = report.store.currency
        report.stockOuts = bySKU.compactMap { sku, rows -> PeriodReport.StockOutLine? in
            let out = Set(rows.filter { $0.onHand <= 0 }.map(\.day)).count
            guard out > 0 else { return nil }
            let sold = sales[sku] ?? (0, 0)
            guard let units = Int64(exactly: sold.units), let revenue = Int64(exactly: sold.revenue) else { return nil }
            return PeriodReport.StockOutLine(
                skuID: sku, title: titles[sku], daysOut: out, days: report.totals.days.count,
                units: units, revenue: Money(minor: revenue, currency: currency))
        }
        .sorted { a, b in
            let (x, y) = (a.lostRevenue?.minor ?? -1, b.lostRevenue?.minor ?? -1)
            return x != y ? x > y : (a.daysOut, b.skuID) > (b.daysOut, a.skuID)
        }
        .prefix(10).map { $0 }
    }

    /// The competitor items whose price changed, or whose monthly sales moved by a tenth or more, between their first and
    /// last snapshot of the period.
    func addCompetitorMoves(to report: inout PeriodReport, snapshots: [CompetitorSnapshot], competitors: [Competitor]) {
        let names = Dictionary(competitors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let byItem = Dictionary(grouping: snapshots) { "\($0.competitorID)\u{1F}\($0.itemID)" }
        report.competitorMoves = byItem.values.compactMap { rows -> PeriodReport.CompetitorMove? in
            let sorted = rows.sorted { $0.day < $1.day }
            guard let first = sorted.first, let last = sorted.last, first.day < last.day else { return nil }
            let move = PeriodReport.CompetitorMove(competitor: names[first.competitorID] ?? first.competitorID, first: first, last: last)
            // Monthly sales always drift: a move is a price change, or sales that moved by a tenth or more.
            let salesMoved = abs(move.salesAfter - move.salesBefore) * 10 >= max(1, move.salesBefore)
            guard move.priceBefore != move.priceAfter || salesMoved else { return nil }
            return move
        }
        .sorted { a, b in
            let (x, y) = (abs(a.priceChange?.value ?? 0), abs(b.priceChange?.value ?? 0))
            if x != y { return x > y }
            let (u, v) = (abs(a.salesAfter - a.salesBefore), abs(b.salesAfter - b.salesBefore))
            return u != v ? u > v : (a.competitor, a.itemID) < (b.competitor, b.itemID)
        }
        .prefix(10).map { $0 }
    }

    /// The calendar month after the one `days` ends in.
    static func month(after days: DayRange) -> DayRange {
        let next = days.last.adding(days: 1)
        let first = Day(year: next.year, month: next.month, day: 1)!
        return DayRange(first, first.adding(days: Day.daysIn(year: first.year, month: first.month) - 1))!
    }
}
