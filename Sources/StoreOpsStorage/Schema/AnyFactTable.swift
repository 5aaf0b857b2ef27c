import StoreOpsCore

/// A fact table with its row type erased, so that a backend can walk every table of a batch in one loop.
public struct AnyFactTable: Sendable {
    public let name: String
    public let upsertSQL: String
    /// Every column, `store_id` first.
    public let columnNames: [String]
    /// Positions of the natural key's columns (after `store_id`) in the encoded values.
    public let keyPositions: [Int]
    /// The upsert of every row of a staging table with the same columns.
    public let upsertFromSQL: @Sendable (String) -> String
    /// The batch's rows of this table, encoded, each with the store it belongs to.
    public let encodedRows: @Sendable (FactBatch) -> [(store: StoreID, values: [SQLValue])]

    public init<Row>(_ table: FactTable<Row>) {
        name = table.name
        upsertSQL = table.upsertSQL
        columnNames = ["store_id"] + table.columns
        keyPositions = table.key.compactMap { table.columns.firstIndex(of: $0) }
        upsertFromSQL = { table.upsertSQL(from: $0) }
        encodedRows = { batch in table.rows(batch).map { (table.store($0), table.encode($0)) } }
    }

    /// Every fact table, in an order that writes parents before children.
    public static let all: [AnyFactTable] = [
        AnyFactTable(Product.table), AnyFactTable(SKU.table), AnyFactTable(SKUCost.table), AnyFactTable(Order.table),
        AnyFactTable(OrderLine.table), AnyFactTable(Refund.table), AnyFactTable(Shipment.table), AnyFactTable(LogisticsEvent.table),
        AnyFactTable(Complaint.table), AnyFactTable(AffiliateCommission.table), AnyFactTable(LiveSession.table),
        AnyFactTable(TrafficDay.table), AnyFactTable(TrafficSourceDay.table), AnyFactTable(ItemTrafficDay.table),
        AnyFactTable(AdStat.table), AnyFactTable(AdBudgetDay.table), AnyFactTable(Review.table), AnyFactTable(DSRScore.table),
        AnyFactTable(InventorySnapshot.table), AnyFactTable(PurchaseOrder.table), AnyFactTable(SKUSetting.table),
        AnyFactTable(Competitor.table),
        AnyFactTable(CompetitorItem.table), AnyFactTable(CompetitorSnapshot.table), AnyFactTable(KeywordRank.table),
        AnyFactTable(ServiceAgentDay.table), AnyFactTable(Target.table), AnyFactTable(Activity.table), AnyFactTable(OpsTask.table),
        AnyFactTable(CheckSetting.table), AnyFactTable(Person.table), AnyFactTable(PersonGoal.table), AnyFactTable(KPIRule.table),
    ]

    /// Tables holding per-store rows that `removeFacts` clears: the facts and the aggregates.
    public static let factAndAggregateTableNames: [String] = all.map(\.name) + ["daily_sales", "daily_shipping", "daily_refunds", "daily_ads", "daily_sku_sales"]
}
