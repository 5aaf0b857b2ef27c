import StoreOpsCore

/// The sales of the days a write brings that the store had no paid orders on, summed from the orders as they are
/// written. Those days' `daily_sales` rows can then be inserted from the sums instead of read back from the orders:
/// reading a year of a million orders back to count their distinct buyers took SQLite 1.2-1.5 s of the import.
///
/// The sums are kept only for what the write is the whole story of. Days the store had paid orders on before the
/// write are left out (`init(excluding:)`). Then every order paid on a summed day after the write was written by it,
/// and its last row was summed there. An order written twice, or moved by a later row to another day or back to
/// unpaid, leaves an extra row in the sums. So a day whose summed rows number exactly the orders the database now
/// has paid on it has each order once, in its final version (`verified(_:)`); any other day is refreshed from the
/// orders as usual.
struct NewDaySales {
    /// One day's sums.
    struct Totals {
        var paidMinor: Int64 = 0
        var orders = 0
        var knownUnits: Int64 = 0
        /// Orders without a known buyer, or without known units: the day's buyers (units) are then unknown.
        var unknownBuyers = 0, unknownUnits = 0
        /// Orders whose export said nothing of refunds.
        var unknownRefunds = 0
        /// Buyers in pseudonym form (`b` and 32 lowercase hex digits, as imports write them), as their 128 bits.
        var pseudonyms = Set<Pseudonym>()
        /// Any other buyer ids, as bytes: the database compares them byte by byte, where Swift's `String` would take
        /// canonically equivalent spellings for one. No id in one set can equal one in the other, so the buyers are
        /// their sizes' sum.
        var others = Set<[UInt8]>()
        /// Whether a sum passed Int64: the day is then left to the database, which refuses it with an error.
        var overflowed = false

        var buyers: Int? { unknownBuyers > 0 ? nil : pseudonyms.count + others.count }
        var units: Int64? { unknownUnits > 0 ? nil : knownUnits }

        /// Adds one order; true if its buyer is new to the day.
        mutating func add(_ order: Order) -> Bool {
            if let paid = paidMinor.plus(order.paidAmount.minor) { paidMinor = paid } else { overflowed = true }
            orders += 1
            if let units = order.units {
                if let sum = knownUnits.plus(Int64(units)) { knownUnits = sum } else { overflowed = true }
            } else {
                unknownUnits += 1
            }
            if !order.refundsKnown { unknownRefunds += 1 }
            guard let buyer = order.buyer else {
                unknownBuyers += 1
                return false
            }
            if let pseudonym = Pseudonym(buyer) { return pseudonyms.insert(pseudonym).inserted }
            return others.insert(Array(buyer.utf8)).inserted
        }
    }

    /// A buyer pseudonym's 128 bits: 16 bytes a buyer, where the string takes 33 and a heap allocation.
    struct Pseudonym: Hashable {
        let high: UInt64, low: UInt64

        /// The bits of `buyer` if it has the form `b` + 32 lowercase hex digits, else nil.
        init?(_ buyer: String) {
            var buyer = buyer
            guard let bits = buyer.withUTF8({ bytes -> (UInt64, UInt64)? in
                guard bytes.count == 33, bytes[0] == UInt8(ascii: "b") else { return nil }
                var high: UInt64 = 0, low: UInt64 = 0
                for index in 1...32 {
                    let byte = bytes[index]
                    let nibble: UInt8
                    switch byte {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte &- UInt8(ascii: "0")
                    case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte &- UInt8(ascii: "a") &+ 10
                    default: return nil
                    }
                    if index <= 16 { high = high << 4 | UInt64(nibble) } else { low = low << 4 | UInt64(nibble) }
                }
                return (high, low)
            }) else { return nil }
            (high, low) = bits
        }
    }

    /// By default at most this many buyers are held (about 50 MB); a write with more leaves all its days to the
    /// refresh.
    static let defaultBuyerLimit = 2_000_000

    private var totals: [Day: Totals] = [:]
    private let excluded: Set<Day>
    private let buyerLimit: Int
    private var buyersHeld = 0
    /// Whether the write outgrew `buyerLimit` (the sums were dropped).
    private(set) var gaveUp = false

    /// Sums for days outside `excluded`: the days the store had paid orders on before the write.
    init(excluding excluded: Set<Day>, buyerLimit: Int = NewDaySales.defaultBuyerLimit) {
        self.excluded = excluded
        self.buyerLimit = buyerLimit
    }

    /// Adds the paid orders of a batch about to be written.
    mutating func add(_ orders: [Order]) {
        guard !gaveUp else { return }
        for order in orders {
            guard let day = order.paidDay, !excluded.contains(day) else { continue }
            let added = totals[day, default: Totals()].add(order)
            if added { buyersHeld += 1 }
        }
        if buyersHeld > buyerLimit {
            gaveUp = true
            totals = [:]
        }
    }

    /// The summed days.
    var days: Set<Day> { Set(totals.keys) }

    /// The sums of the days whose number of summed rows equals `paidOrders`, the store's paid orders of the day
    /// after the write, and that stayed in range.
    func verified(_ paidOrders: [Day: Int]) -> [Day: Totals] {
        totals.filter { day, sums in paidOrders[day] == sums.orders && !sums.overflowed }
    }
}
