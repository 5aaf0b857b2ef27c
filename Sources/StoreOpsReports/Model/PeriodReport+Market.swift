import StoreOpsCore

extension PeriodReport {
    /// The reviews written in the period against the period before, and the items with the most bad ones.
    public struct ReviewSummary: Hashable, Sendable {
        public let total: Int64
        public let good: Int64
        public let neutral: Int64
        public let bad: Int64
        /// Bad reviews the store has replied to.
        public let badReplied: Int64
        public let previousTotal: Int64
        public let previousBad: Int64
        /// Up to five items by bad reviews in the period.
        public let worstItems: [ReviewItemLine]

        public init(reviews: [Review], previous: [Review], titles: [String: String]) {
            func count(_ rows: [Review], _ sentiment: ReviewSentiment) -> Int64 {
                Int64(rows.filter { $0.sentiment == sentiment }.count)
            }
            total = Int64(reviews.count)
            good = count(reviews, .good)
            neutral = count(reviews, .neutral)
            bad = count(reviews, .bad)
            badReplied = Int64(reviews.filter { $0.sentiment == .bad && $0.replied }.count)
            previousTotal = Int64(previous.count)
            previousBad = count(previous, .bad)
            let byItem = Dictionary(grouping: reviews.filter { $0.sentiment == .bad }, by: \.productID)
            worstItems = byItem.map {
                ReviewItemLine(productID: $0.key, title: titles[$0.key], bad: Int64($0.value.count))
            }
            .sorted { $0.bad != $1.bad ? $0.bad > $1.bad : $0.productID < $1.productID }
            .prefix(5).map { $0 }
        }

        /// Bad (1-2 stars) / all reviews.
        public var badShare: Ratio { Ratio(bad, total) }
        /// The period before's; nil when it had no reviews.
        public var previousBadShare: Ratio? { previousTotal > 0 ? Ratio(previousBad, previousTotal) : nil }
    }

    /// An item's bad reviews in the period.
    public struct ReviewItemLine: Hashable, Sendable {
        public let productID: String
        public let title: String?
        public let bad: Int64
    }

    /// A SKU that was out of stock on some of the period's days, with the sales it likely lost: its units a day on the
    /// period's other days (days without a snapshot count as in stock) times the days out, at its mean price (domain
    /// guide §10).
    public struct StockOutLine: Hashable, Sendable {
        public let skuID: String
        public let title: String?
        /// Days of the period whose stock snapshot shows none on hand.
        public let daysOut: Int
        /// The period's other days (not seen out of stock).
        public let daysInStock: Int
        /// Units sold in the period.
        public let units: Int64
        /// Units sold a day in stock x days out, rounded; nil without a day in stock or a sale to learn the rate from.
        public let lostUnits: Int64?
        /// Lost units x the period's mean price; nil when unknown.
        public let lostRevenue: Money?

        /// `days` is the period's length.
        public init(skuID: String, title: String?, daysOut: Int, days: Int, units: Int64, revenue: Money) {
            self.skuID = skuID
            self.title = title
            self.daysOut = daysOut
            let daysInStock = max(0, days - daysOut)
            self.daysInStock = daysInStock
            self.units = units
            if daysInStock > 0, units > 0, let scaled = units.times(Int64(daysOut)) {
                let lost = Money.divideRounded(scaled, by: Int64(daysInStock))
                lostUnits = lost
                lostRevenue = revenue.minor.times(lost).map {
                    Money(minor: Money.divideRounded($0, by: units), currency: revenue.currency)
                }
            } else {
                lostUnits = nil
                lostRevenue = nil
            }
        }
    }

    /// A competitor item whose price or monthly sales moved over the period: its first and last snapshot in it.
    public struct CompetitorMove: Hashable, Sendable {
        public let competitor: String
        public let itemID: String
        public let title: String
        public let firstDay: Day
        public let lastDay: Day
        /// The price a buyer pays (the promotion price when there is one).
        public let priceBefore: Money
        public let priceAfter: Money
        public let salesBefore: Int
        public let salesAfter: Int

        public init(competitor: String, first: CompetitorSnapshot, last: CompetitorSnapshot) {
            self.competitor = competitor
            itemID = first.itemID
            title = last.title
            firstDay = first.day
            lastDay = last.day
            priceBefore = first.promoPrice ?? first.price
            priceAfter = last.promoPrice ?? last.price
            salesBefore = first.monthlySales
            salesAfter = last.monthlySales
        }

        /// (after - before) / before; nil for a price of zero.
        public var priceChange: Ratio? {
            priceBefore.minor > 0 ? Ratio(priceAfter.minor - priceBefore.minor, priceBefore.minor) : nil
        }
    }
}

extension PeriodReport {
    /// A keyword task (delete, lower or raise the bid) closed in the period, and what followed: the keyword's ads in the
    /// seven days before the day it was closed against the seven days after (up to the report's last known day), and
    /// the checks' verdict (recovered: its finding did not come back within seven days).
    public struct KeywordActionLine: Hashable, Sendable {
        public let action: CheckKind
        public let keyword: String
        public let closedOn: Day
        /// Nil until seven days have passed or the finding came back.
        public let recovered: Bool?
        public let spendBefore: Money?
        public let revenueBefore: Money?
        public let spendAfter: Money?
        public let revenueAfter: Money?

        public init(
            action: CheckKind, keyword: String, closedOn: Day, recovered: Bool?, before: [AdStat], after: [AdStat],
            currency: Currency
        ) {
            self.action = action
            self.keyword = keyword
            self.closedOn = closedOn
            self.recovered = recovered
            func sum(_ rows: [AdStat], _ value: (AdStat) -> Int64) -> Money? {
                guard !rows.isEmpty, let total = Int64(exactly: rows.reduce(Int128(0)) { $0 + Int128(value($1)) })
                else { return nil }
                return Money(minor: total, currency: currency)
            }
            spendBefore = sum(before) { $0.spend.minor }
            revenueBefore = sum(before) { $0.revenue.minor }
            spendAfter = sum(after) { $0.spend.minor }
            revenueAfter = sum(after) { $0.revenue.minor }
        }

        /// Revenue / spend before and after; nil without spend.
        public var roasBefore: Ratio? { ratio(revenueBefore, spendBefore) }
        public var roasAfter: Ratio? { ratio(revenueAfter, spendAfter) }

        func ratio(_ revenue: Money?, _ spend: Money?) -> Ratio? {
            guard let revenue, let spend, spend.minor > 0 else { return nil }
            return Ratio(revenue.minor, spend.minor)
        }
    }
}

extension PeriodReport {
    /// The findings of the period that became tasks, by check: how many, and how many of those are closed.
    public struct FindingKindLine: Hashable, Sendable {
        public let kind: CheckKind
        public let tasks: Int
        public let closed: Int

        /// The tasks made in `days` (store time) counted by the check of their finding, most first.
        public static func lines(tasks: [OpsTask], days: DayRange, zone: StoreTimeZone) -> [FindingKindLine] {
            var counts: [CheckKind: (tasks: Int, closed: Int)] = [:]
            for task in tasks where days.contains(zone.day(of: task.createdAt)) {
                guard let kind = TaskPlanner.check(of: task) else { continue }
                var line = counts[kind] ?? (0, 0)
                line.tasks += 1
                if task.status == .done { line.closed += 1 }
                counts[kind] = line
            }
            return counts.map { FindingKindLine(kind: $0.key, tasks: $0.value.tasks, closed: $0.value.closed) }
                .sorted { ($0.tasks, $1.kind.rawValue) > ($1.tasks, $0.kind.rawValue) }
        }
    }
}

extension PeriodReport {
    /// An item with the roles it played in the period and the figures behind them.
    public struct ItemRoleLine: Hashable, Sendable {
        public let productID: String
        public let title: String?
        public let roles: [ItemRole]
        public let revenue: Money
        /// Nil when the period before has no order data.
        public let previousRevenue: Money?
        public let visitors: Int64?
        public let buyers: Int64?
        public let grossProfit: Money?

        public init(figures f: ItemRole.Figures, title: String?, roles: [ItemRole], currency: Currency) {
            productID = f.productID
            self.title = title
            self.roles = roles
            revenue = Money(minor: f.revenue, currency: currency)
            previousRevenue = f.previousRevenue.map { Money(minor: $0, currency: currency) }
            visitors = f.visitors
            buyers = f.buyers
            grossProfit = f.grossProfit.map { Money(minor: $0, currency: currency) }
        }

        /// Buyers / visitors of the item.
        public var conversion: Ratio? {
            guard let visitors, let buyers, visitors > 0 else { return nil }
            return Ratio(buyers, visitors)
        }
    }
}
