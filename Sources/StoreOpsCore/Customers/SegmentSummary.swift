/// How many customers a segment holds and what they have paid in all.
public struct SegmentSummary: Hashable, Sendable {
    public var segment: CustomerSegment
    public var customers = 0
    /// What they paid, every purchase day; nil when a sum passed Int64.
    public var totalMinor: Int64? = 0
    /// Their share of all customers.
    public var customerShare: Ratio = Ratio(0, 0)
    /// Their share of what all customers paid, in basis points; nil when unknown.
    public var totalShare: Ratio?
}
