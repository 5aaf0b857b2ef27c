import GRDB
import GRDBSQLite
import StoreOpsCore

/// The orders whose lines a write touched, whose paid days it must refresh, found after the lines are written.
///
/// A few orders are looked up by key. Many are matched while the store's orders are read in paid-day order: an item
/// export of a million orders looked every line's order up at random (a trigger did, as each line was written), 12 s
/// of page reads on a database bigger than the page cache; the ordered read of the same orders takes about 1.5 s.
/// Hashes of the ids stand in for the ids, so that a million of them take 16 MB; a collision can only refresh a day
/// that did not change, never miss one. Past `hashLimit` orders the memory stops growing: every paid day of the store
/// counts as touched (an import that big rewrites most of them anyway).
struct LineOrders {
    /// Up to this many orders are looked up by key (by default).
    static let lookupLimit = 20_000
    /// Up to this many orders are told apart (by default; about 64 MB of hashes).
    static let hashLimit = 4_000_000

    private let lookupLimit: Int
    private let hashLimit: Int
    private var hashes = Set<Int>()
    /// The ids while there are at most `lookupLimit` of them (consecutive repeats dropped).
    private var ids: [String]? = []
    private var last: String?
    /// More than `hashLimit` orders were noted: every paid day of the store is touched.
    private var everyDay = false

    init(lookupLimit: Int = LineOrders.lookupLimit, hashLimit: Int = LineOrders.hashLimit) {
        self.lookupLimit = lookupLimit
        self.hashLimit = hashLimit
    }

    var isEmpty: Bool { hashes.isEmpty && !everyDay }

    /// Notes the order of a written line.
    mutating func insert(_ id: String) {
        guard id != last, !everyDay else { return }
        last = id
        hashes.insert(LineOrders.hash(id))
        if hashes.count > hashLimit {
            everyDay = true
            hashes = []
            ids = nil
            return
        }
        if ids != nil {
            ids!.append(id)
            if ids!.count > lookupLimit { ids = nil }
        }
    }

    /// The paid days of the noted orders of `store`.
    func paidDays(_ db: Database, store: StoreID) throws -> Set<Day> {
        if isEmpty { return [] }
        if let ids { return try BatchWriter.days(db, store: store, AggregateSQL.paidDays, ids: ids) }
        return try scan(db, store: store)
    }

    /// Reads the store's paid orders in paid-day order (the paid-day index, then rows in about the order they were
    /// written) and keeps the days of the noted ones (all, past `hashLimit`); the rest of a day already kept is not
    /// hashed.
    private func scan(_ db: Database, store: StoreID) throws -> Set<Day> {
        let statement = try db.cachedStatement(sql: "SELECT paid_day, order_id FROM orders WHERE store_id = ? AND paid_day IS NOT NULL ORDER BY paid_day")
        statement.setUncheckedArguments([store.rawValue])
        let cursor = try Row.fetchCursor(statement)
        let handle = statement.sqliteStatement
        var days = Set<Day>()
        var kept: [UInt8] = []
        while try cursor.next() != nil {
            guard let dayText = sqlite3_column_text(handle, 0), let idText = sqlite3_column_text(handle, 1) else { continue }
            let day = UnsafeRawBufferPointer(start: dayText, count: Int(sqlite3_column_bytes(handle, 0)))
            if day.elementsEqual(kept) { continue }
            let id = UnsafeRawBufferPointer(start: idText, count: Int(sqlite3_column_bytes(handle, 1)))
            guard everyDay || hashes.contains(LineOrders.hash(id)) else { continue }
            kept = Array(day)
            if let parsed = Day(iso: String(decoding: day, as: UTF8.self)) { days.insert(parsed) }
        }
        return days
    }

    private static func hash(_ id: String) -> Int {
        var id = id
        return id.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }

    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }
}
