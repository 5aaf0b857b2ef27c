/// The customer figures of a range of days.
public struct CustomerPeriod: Hashable, Sendable {
    /// Buyers who bought again within `days` days of their first purchase, of the buyers whose first purchase is in
    /// the range and whose whole window of `days` days lies on or before its last day.
    public struct Comeback: Hashable, Sendable {
        public var days: Int
        public var eligible: Int
        public var returned: Int
        public var rate: Ratio { Ratio(Int64(returned), Int64(eligible)) }
    }

    /// Buyers with a purchase in the range.
    public var buyers = 0
    /// Of them, those whose first purchase is in the range.
    public var newBuyers = 0
    /// Of them, those who had bought before the range.
    public var returningBuyers = 0
    /// Buyers with at least two purchase days in the range.
    public var repeatBuyers = 0
    public var orders = 0
    /// nil when a sum passed Int64.
    public var gmvMinor: Int64? = 0
    /// The paid amounts of repeat purchases: purchases on a day after the buyer's first purchase day.
    public var repeatGMVMinor: Int64? = 0
    public var comebacks: [Comeback] = []

    /// Repeat buyers over buyers (复购率).
    public var repurchaseRate: Ratio { Ratio(Int64(repeatBuyers), Int64(buyers)) }
    /// Returning buyers over buyers (老客占比).
    public var returningShare: Ratio { Ratio(Int64(returningBuyers), Int64(buyers)) }
    /// Repeat purchases' amounts over all (复购金额占比), in basis points; nil when unknown or without sales.
    public var repeatGMVShare: Ratio? {
        guard let part = repeatGMVMinor, let whole = gmvMinor, whole > 0 else { return nil }
        return Ratio.basisPoints(part, of: whole)
    }
}
