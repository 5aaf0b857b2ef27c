/// Purchases grouped per customer and per day, the shape every customer figure is computed from: customers by
/// name, and for each its purchase days in order with the day's total and number of orders. Built with one sort,
/// so work is O(n log n) and memory linear in the purchases, whatever the number of customers.
struct CustomerHistories: Sendable {
    /// One purchase day of a customer.
    struct PurchaseDay: Sendable {
        var day: Day
        /// The day's paid amounts added up; nil when the sum passed Int64.
        var totalMinor: Int64?
        var orders: Int
    }

    /// Customer names, in UTF-8 byte order.
    private(set) var customers: [String] = []
    /// Every customer's purchase days, one after another: customer `i` owns `days[starts[i]..<starts[i + 1]]`.
    private(set) var days: [PurchaseDay] = []
    private(set) var starts: [Int] = [0]

    /// Groups the purchases made on or before `end`. Purchases already in customer (UTF-8 byte) order and then by day,
    /// as storage reads them, are grouped in one pass; any others are numbered and sorted.
    init(_ purchases: some Sequence<Purchase>, through end: Day) {
        let purchases = Array(purchases)
        if groupInOrder(purchases, through: end) { return }
        (customers, days, starts) = ([], [], [0])
        var ids: [ByteString: Int32] = [:]
        var names: [String] = []
        var rows: [(customer: Int32, day: Int32, amount: Int64)] = []
        for purchase in purchases where purchase.day <= end {
            let id: Int32
            if let known = ids[ByteString(purchase.customer)] {
                id = known
            } else {
                id = Int32(truncatingIfNeeded: names.count)
                ids[ByteString(purchase.customer)] = id
                names.append(purchase.customer)
            }
            rows.append((id, purchase.day.number, purchase.amountMinor))
        }
        // Customers are numbered in order of appearance; the output follows their names in UTF-8 byte order (Python's
        // order too), sorted on an 8-byte prefix first: pseudonyms rarely share one, so few full comparisons are made.
        let prefixes = names.map { name -> UInt64 in
            var key: UInt64 = 0, bytes = 0
            for byte in name.utf8.prefix(8) { key = key << 8 | UInt64(byte); bytes += 1 }
            return key << (8 * (8 - bytes))
        }
        let order = names.indices.sorted {
            prefixes[$0] != prefixes[$1] ? prefixes[$0] < prefixes[$1] : names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8)
        }
        var rank = [Int32](repeating: 0, count: names.count)
        for (position, id) in order.enumerated() { rank[id] = Int32(truncatingIfNeeded: position) }
        customers = order.map { names[$0] }
        // One integer per purchase orders it by customer, then day: the rank above the day (shifted to be positive).
        var keyed = rows.map { (key: Int64(rank[Int($0.customer)]) << 32 | (Int64($0.day) + (1 << 31)), amount: $0.amount) }
        rows = []
        keyed.sort { $0.key < $1.key }
        days.reserveCapacity(keyed.count)
        var current: Int64 = -1
        for row in keyed {
            let customer = row.key >> 32, day = Int32(truncatingIfNeeded: (row.key & 0xFFFF_FFFF) - (1 << 31))
            if customer != current {
                if current >= 0 { starts.append(days.count) }
                current = customer
            } else if let last = days.last, last.day.number == day {
                days[days.count - 1].totalMinor = last.totalMinor.flatMap { $0.plus(row.amount) }
                days[days.count - 1].orders += 1
                continue
            }
            days.append(PurchaseDay(day: Day(number: day), totalMinor: row.amount, orders: 1))
        }
        if current >= 0 { starts.append(days.count) }
    }

    /// Groups `purchases` in one pass when they come by customer in byte order and then by day; false (and the
    /// grouping half done) at the first that does not.
    private mutating func groupInOrder(_ purchases: [Purchase], through end: Day) -> Bool {
        days.reserveCapacity(purchases.count)
        var previous: String?
        for purchase in purchases where purchase.day <= end {
            // Byte equality, as the database and Python group: Swift's `==` would take "é" and "e\u{301}" for one.
            if let previous, purchase.customer.utf8.elementsEqual(previous.utf8) {
                let last = days[days.count - 1]
                if purchase.day == last.day {
                    days[days.count - 1].totalMinor = last.totalMinor.flatMap { $0.plus(purchase.amountMinor) }
                    days[days.count - 1].orders += 1
                    continue
                }
                guard purchase.day > last.day else { return false }
            } else {
                if let previous {
                    guard previous.utf8.lexicographicallyPrecedes(purchase.customer.utf8) else { return false }
                    starts.append(days.count)
                }
                customers.append(purchase.customer)
                previous = purchase.customer
            }
            days.append(PurchaseDay(day: purchase.day, totalMinor: purchase.amountMinor, orders: 1))
        }
        if previous != nil { starts.append(days.count) }
        return true
    }

    var count: Int { customers.count }

    /// The purchase days of customer `index`, oldest first (never empty).
    func days(of index: Int) -> ArraySlice<PurchaseDay> { days[starts[index]..<starts[index + 1]] }
}
