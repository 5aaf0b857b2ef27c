extension Cell {
    /// The largest magnitude a kind of number may have. Far beyond any real export's values; sums and products of
    /// them (a price times a quantity, a day of orders) can still pass Int64, so those are checked where they are
    /// made, and an order's total is bounded by `Limits.orderTotal`.
    struct Limit: Sendable {
        let bound: Int64
        /// The bound as shown to the user.
        let shown: String
        let noun: String
        let nounZH: String
    }

    /// The limits of the typed cells.
    enum Limits {
        /// 10^12 minor units: ten billion in a currency of two decimals.
        static let money = Limit(bound: 1_000_000_000_000, shown: "10^12 minor units", noun: "an amount", nounZH: "金额")
        /// Ten billion: visitors, units, orders of a day.
        static let count = Limit(bound: 10_000_000_000, shown: "10,000,000,000", noun: "a count", nounZH: "数量")
        /// 10^8 parts per million: 10,000 %.
        static let ppm = Limit(bound: 100_000_000, shown: "10,000 %", noun: "a rate", nounZH: "比率")
        /// 10^15 minor units: the most an order, or one of its lines, may come to (ten trillion in a currency of
        /// two decimals), so that a day's orders sum in Int64 up to thousands of such orders.
        static let orderTotal: UInt64 = 1_000_000_000_000_000
        /// About 31 years, in seconds.
        static let seconds = 1_000_000_000
    }
}
