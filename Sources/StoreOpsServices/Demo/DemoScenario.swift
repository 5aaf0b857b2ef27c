import StoreOpsCore

/// What the demo store looks like and which problems it carries. The default demo has every problem a
/// morning check should find; `clean` has none of them, so that checks can be tested both ways.
public struct DemoScenario: Sendable {
    public var seed: UInt64
    /// The last day of data ("yesterday" for the briefing).
    public var end: Day
    /// Days of history, ending on `end`.
    public var days: Int
    /// Whether the injected problems are left out.
    public var clean: Bool
    public var storeID: StoreID

    public init(seed: UInt64 = 42, end: Day, days: Int = 180, clean: Bool = false, storeID: StoreID = "demo") {
        self.seed = seed
        self.end = end
        self.days = days
        self.clean = clean
        self.storeID = storeID
    }

    /// The first day of data.
    public var start: Day { end.adding(days: -(days - 1)) }
    /// The three-day sales event, 45 days before the end (or in the middle of a short history).
    public var eventStart: Day { end.adding(days: -min(45, max(3, days / 2))) }
    public var eventDays: DayRange { DayRange(eventStart, eventStart.adding(days: 2))! }
}

/// The problems the default demo injects, for tests and documentation (the clean demo has none of them).
public struct DemoInjections: Sendable, Hashable {
    /// The traffic source whose visitors fall on the last day (against the same weekday a week earlier).
    public var fallingSource: String
    /// The hero SKU that runs out of stock before the last day, and its product.
    public var soldOutSKU: String
    public var soldOutProduct: String
    /// 直通车 keywords that lose money (ROAS well under break-even).
    public var losingKeywords: [String]
    /// The agent whose inquiry conversion is under 50 %.
    public var weakAgent: String
    /// The competitor item that cut its price on the last day, and its store.
    public var priceCutCompetitor: String
    public var priceCutItem: String
    /// Bad reviews posted on top items in the last two days.
    public var badReviewIDs: [String]
    /// Shipments with no tracking update for over 72 h, lost or returned.
    public var stalledShipments: [String]
    public var lostShipments: [String]
    public var returnedShipments: [String]
    /// Paid orders not shipped within 48 h.
    public var lateOrders: [String]
    /// The SKU with a quality problem (refund rate far above the store's).
    public var qualityProblemSKU: String
    /// The open complaint (late shipment, a penalty point) and the refund request past its 48 h deadline.
    public var openComplaint: String
    public var overdueRefund: String
    /// The search-ads campaign whose budget ran out mid-afternoon on the last day.
    public var exhaustedCampaign: String
    /// Most orders hold a single item, so store AOV stays close to the hero items' (page health, on Mondays).
    public var weakCrossSelling: Bool
}
