extension Cell {
    /// The largest magnitude a kind of number may have. Far beyond any real export's values, and small enough that
    /// a file's sums and products (a price times a quantity, visitors times a rate, a day of orders) stay in Int64.
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
        /// About 31 years, in seconds.
        static let seconds = 1_000_000_000
    }
}
