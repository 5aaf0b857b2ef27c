import StoreOpsCore

/// How one kind of fact is stored: its table, columns, natural key and mapping. Shared by every backend, so that
/// SQLite and PostgreSQL hold the same schema and upsert by the same keys. `store_id` is the implicit first
/// column and the first part of every key.
public struct FactTable<Row: Sendable>: Sendable {
    /// How range reads select rows by day.
    public enum DayFilter: Sendable {
        /// No day dimension: range reads return all rows of the store.
        case none
        /// Rows whose `column` (a `YYYY-MM-DD` text) lies in the range.
        case column(String)
        /// Rows whose `column` lies in the range, and rows still open (the column is NULL), e.g. refunds not completed.
        case columnOrOpen(String)
        /// Rows whose `column` lies in the range, and rows without it that meet `undated`, a condition with one `?` for
        /// the range's first day as epoch seconds, less a day (UTC midnight: any store time zone's first day starts after
        /// it). Refunds: completed in the range, or undated and still open or requested since then; a completed refund the
        /// export gave no day is not read again by every later check.
        case columnOrUndated(String, undated: String)
        /// A condition with two `?` for the first and last day, and `?` for the store before them.
        case custom(String)
        /// Rows of the orders paid in the range (tables with an `order_id` column and an index on it).
        case ordersPaid
    }

    public let name: String
    /// Columns after `store_id`, in the order `encode` produces and `decode` reads them.
    public let columns: [String]
    /// The natural key after `store_id`.
    public let key: [String]
    public let dayFilter: DayFilter
    /// Columns a row leaves NULL when its file did not say them: an upsert then keeps the stored value (a tracking
    /// export without order numbers does not erase the order an order export gave the parcel).
    public let keptWhenNull: Set<String>
    /// Columns an upsert changes only when the row is not older than the stored one by `clock` (a column of instants):
    /// a parcel's status comes from its latest tracking report, whichever file brought it in last. A row whose clock
    /// is NULL keeps them.
    public let newest: (clock: String, columns: Set<String>)?
    public let rows: @Sendable (FactBatch) -> [Row]
    public let store: @Sendable (Row) -> StoreID
    public let encode: @Sendable (Row) -> [SQLValue]
    public let decode: @Sendable (inout RowReader) throws -> Row

    public init(name: String, columns: [String], key: [String], dayFilter: DayFilter, keptWhenNull: Set<String> = [],
                newest: (clock: String, columns: Set<String>)? = nil, rows: @escaping @Sendable (FactBatch) -> [Row],
                store: @escaping @Sendable (Row) -> StoreID, encode: @escaping @Sendable (Row) -> [SQLValue],
                decode: @escaping @Sendable (inout RowReader) throws -> Row) {
        self.name = name
        self.columns = columns
        self.key = key
        self.dayFilter = dayFilter
        self.keptWhenNull = keptWhenNull
        self.newest = newest
        self.rows = rows
        self.store = store
        self.encode = encode
        self.decode = decode
    }

    /// `INSERT ... ON CONFLICT (key) DO UPDATE`, the same text on SQLite and PostgreSQL (with `?` placeholders).
    public var upsertSQL: String {
        let placeholders = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
        return "INSERT INTO \(name) (\((["store_id"] + columns).joined(separator: ", "))) VALUES (\(placeholders)) " + conflictClause
    }

    /// The same upsert for every row of `stage`, a table with the same columns and at most one row per key.
    public func upsertSQL(from stage: String) -> String {
        let all = (["store_id"] + columns).joined(separator: ", ")
        return "INSERT INTO \(name) (\(all)) SELECT \(all) FROM \(stage) " + conflictClause
    }

    private var conflictClause: String {
        let updates = columns.filter { !key.contains($0) }.map { column in
            if let newest, newest.columns.contains(column) {
                let (new, old) = ("excluded." + newest.clock, "\(name).\(newest.clock)")
                return "\(column) = CASE WHEN \(new) IS NULL OR (\(old) IS NOT NULL AND \(new) < \(old)) "
                    + "THEN \(name).\(column) ELSE excluded.\(column) END"
            }
            return keptWhenNull.contains(column) ? "\(column) = COALESCE(excluded.\(column), \(name).\(column))"
                : "\(column) = excluded.\(column)"
        }
        let action = updates.isEmpty ? "DO NOTHING" : "DO UPDATE SET " + updates.joined(separator: ", ")
        return "ON CONFLICT (\((["store_id"] + key).joined(separator: ", "))) \(action)"
    }

    /// A range read: the columns of the store's rows (in `columns` order), ordered by key, with its arguments.
    public func selectSQL(store: StoreID, days: DayRange?) -> (sql: String, arguments: [SQLValue]) {
        var sql = "SELECT \(columns.joined(separator: ", ")) FROM \(name) WHERE store_id = ?"
        var arguments: [SQLValue] = [.text(store.rawValue)]
        if let days {
            switch dayFilter {
            case .none: break
            case .column(let column):
                sql += " AND \(column) BETWEEN ? AND ?"
                arguments += [.day(days.first), .day(days.last)]
            case .columnOrOpen(let column):
                // Two searches of the column's index (in the range; still open) rather than one scan of the store's rows.
                return ("WITH picked AS MATERIALIZED (\(sql) AND \(column) BETWEEN ? AND ? UNION ALL \(sql) AND \(column) IS NULL) "
                            + "SELECT * FROM picked ORDER BY " + key.joined(separator: ", "),
                        arguments + [.day(days.first), .day(days.last)] + arguments)
            case .columnOrUndated(let column, let undated):
                let since = SQLValue.int(Int64(days.first.number - 1) * 86_400)
                return ("WITH picked AS MATERIALIZED (\(sql) AND \(column) BETWEEN ? AND ? UNION ALL \(sql) AND \(column) IS NULL AND "
                            + "\(undated)) SELECT * FROM picked ORDER BY " + key.joined(separator: ", "),
                        arguments + [.day(days.first), .day(days.last)] + arguments + [since])
            case .ordersPaid:
                // Led by the orders' paid-day index, each order's rows found by key (`CROSS JOIN` keeps that order on
                // SQLite; left to itself its planner scans the store's rows), then sorted.
                let columns = columns.map { "t." + $0 }.joined(separator: ", ")
                return ("SELECT \(columns) FROM orders o CROSS JOIN \(name) t WHERE o.store_id = ? AND o.paid_day BETWEEN ? AND ? "
                            + "AND t.store_id = o.store_id AND t.order_id = o.order_id ORDER BY " + key.map { "t." + $0 }.joined(separator: ", "),
                        arguments + [.day(days.first), .day(days.last)])
            case .custom(let condition):
                // Filtered first, then sorted: ordered by the key directly, SQLite walks the whole key index and tests
                // every row of the store against the condition.
                sql += " AND " + condition
                arguments += [.text(store.rawValue), .day(days.first), .day(days.last)]
                return ("WITH picked AS MATERIALIZED (\(sql)) SELECT * FROM picked ORDER BY " + key.joined(separator: ", "), arguments)
            }
        }
        sql += " ORDER BY " + key.joined(separator: ", ")
        return (sql, arguments)
    }
}

/// A domain type that storage keeps in a fact table.
public protocol StoredFact: Sendable {
    static var table: FactTable<Self> { get }
}
