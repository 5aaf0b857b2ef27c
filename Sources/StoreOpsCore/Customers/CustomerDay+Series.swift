extension CustomerDay {
    /// Every day of `range`, oldest first, with its buyers split into new and returning, from `purchases` (the
    /// store's whole history up to the range's last day, or more: later purchases are left out).
    public static func series(of purchases: some Sequence<Purchase>, range: DayRange) -> [CustomerDay] {
        let histories = CustomerHistories(purchases, through: range.last)
        var days = range.map { CustomerDay(day: $0) }
        for index in 0..<histories.count {
            let history = histories.days(of: index)
            let first = history[history.startIndex].day
            for purchase in history where range.contains(purchase.day) {
                days[range.first.distance(to: purchase.day)].add(purchase, isFirst: purchase.day == first)
            }
        }
        return days
    }

    /// Counts one customer's purchase day: new on their first purchase day, returning on any later one.
    mutating func add(_ purchase: CustomerHistories.PurchaseDay, isFirst: Bool) {
        if isFirst {
            newBuyers += 1
            newOrders += purchase.orders
            newGMVMinor = CustomerAnalysis.add(newGMVMinor, purchase.totalMinor)
        } else {
            returningBuyers += 1
            returningOrders += purchase.orders
            returningGMVMinor = CustomerAnalysis.add(returningGMVMinor, purchase.totalMinor)
        }
    }
}

extension CustomerDay {
    /// A day of the master table: its new buyers from `first` (none when nil), the rest of its buyers, orders and GMV
    /// returning. `buyers` is the day's distinct buyers (known: every paid order had a buyer id).
    public init(day: Day, sales: DailyFacts.Sales, buyers: Int64, first: FirstPurchaseDay?) {
        self.init(day: day)
        newBuyers = Int(first?.buyers ?? 0)
        newOrders = Int(first?.orders ?? 0)
        newGMVMinor = first?.gmvMinor ?? 0
        returningBuyers = Int(max(0, buyers - (first?.buyers ?? 0)))
        returningOrders = Int(max(0, sales.paidOrders - (first?.orders ?? 0)))
        returningGMVMinor = sales.gmv.minor.minus(first?.gmvMinor ?? 0)
    }
}
