/// One versioned schema change, written in SQL that SQLite and PostgreSQL both accept (TEXT, BIGINT, no
/// backend-specific types). Backends may add their own statements (indexes, policies) per version.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let statements: [String]

    public init(version: Int, name: String, statements: [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }

    /// Every migration, in order. Append; never edit a released one.
    public static let all: [Migration] = [.v1Foundation, .v2Imports, .v3Shipping, .v4Agencies, .v5ShipmentsByOrder, .v6CheckSettings, .v7SKUSales, .v8PurchaseOrdersByReceipt,
                                           .v9UnknownBuyersAndUnits, .v10UserStatusAndImporter, .v11ParcelsBeforeTracking,
                                           .v12SKUSettings, .v13Staff, .v14WebSessions, .v15StoreRevisions,
                                           .v16OrdersByBuyer, .v17Notify, .v18Schedules, .v19KeptReports]

    /// The tables without a store id: the agency directory, small and read by every request (reference tables on a
    /// cluster sharded by store, see docs/scaling.md). Every other table is keyed by store id first.
    public static let referenceTables: Set<String> = ["workspaces", "clients", "users", "grants", "web_sessions"]
}
