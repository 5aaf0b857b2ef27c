import StoreOpsCore

/// Rows that go in or out together (one row, or all rows of one order) with what they became.
struct CompletedUnit {
    var records: [RawRecord]
    var diagnostics: [Diagnostic]
    var facts: FactBatch

    var rejected: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Turns mapped rows into facts. Rows are added in file order; a builder may hold rows back until it knows
/// their unit is complete (an order's rows), and hands back every completed unit.
protocol FactBuilder {
    mutating func add(_ row: FieldReader) -> [CompletedUnit]
    mutating func finish() -> [CompletedUnit]
}

/// A builder whose every row is its own unit.
struct RowBuilder: FactBuilder {
    let build: (inout FieldReader, inout FactBatch) -> Void

    mutating func add(_ row: FieldReader) -> [CompletedUnit] {
        var reader = row
        var facts = FactBatch()
        build(&reader, &facts)
        return [CompletedUnit(records: [row.record], diagnostics: reader.diagnostics, facts: reader.hasErrors ? FactBatch() : facts)]
    }

    mutating func finish() -> [CompletedUnit] { [] }
}

extension ImportTarget {
    /// A builder for this target's rows.
    func builder(mapping: FormatMapping) -> any FactBuilder {
        switch self {
        case .orders, .transactions: return OrdersBuilder(adjacent: mapping.groupsAreAdjacent, returnsAsNegativeLines: mapping.returnsAsNegativeLines)
        case .orderLines: return OrderLinesBuilder()
        case .products: return ProductsBuilder()
        case .refunds: return RowBuilder(build: RowBuilders.refund)
        case .trafficDays: return RowBuilder(build: RowBuilders.trafficDay)
        case .trafficSources: return RowBuilder(build: RowBuilders.trafficSource)
        case .adStats:
            let channel = AdChannel(rawValue: mapping.channel ?? "other") ?? .other
            return RowBuilder { RowBuilders.adStat(&$0, &$1, channel: channel) }
        case .serviceAgents: return RowBuilder(build: RowBuilders.serviceAgent)
        case .itemTraffic: return ItemTrafficBuilder()
        case .stock: return StockBuilder()
        case .reviews: return RowBuilder(build: RowBuilders.review)
        case .scores: return RowBuilder(build: RowBuilders.score)
        case .tracking: return TrackingBuilder()
        case .adBudgets:
            let channel = AdChannel(rawValue: mapping.channel ?? "other") ?? .other
            return RowBuilder { RowBuilders.adBudget(&$0, &$1, channel: channel) }
        case .competitors: return RowBuilder(build: RowBuilders.competitor)
        case .competitorSnapshots: return RowBuilder(build: RowBuilders.competitorSnapshot)
        case .keywordRanks: return RowBuilder(build: RowBuilders.keywordRank)
        case .skuSettings: return SKUSettingsBuilder()
        case .activities: return RowBuilder(build: RowBuilders.activity)
        case .affiliate: return AffiliateBuilder()
        case .liveSessions: return RowBuilder(build: RowBuilders.liveSession)
        case .complaints: return RowBuilder(build: RowBuilders.complaint)
        case .purchaseOrders: return RowBuilder(build: RowBuilders.purchaseOrder)
        }
    }
}
