import StoreOpsCore

/// Some rows of one table of one store, without the `store_id` column: the unit of `storeops export` and
/// `restore`. The columns are named, so an archive does not depend on the column order of either database.
public struct StoreTableRows: Sendable, Equatable {
    public let table: String
    public let columns: [String]
    public var rows: [[SQLValue]]

    public init(table: String, columns: [String], rows: [[SQLValue]]) {
        self.table = table
        self.columns = columns
        self.rows = rows
    }

    /// Rows per chunk when reading a store out.
    public static let chunkSize = 2_000

    /// Tables of values computed from the rest (`KeptReport`): emptied with the store, never exported or restored.
    static let derivedTables: Set<String> = ["kept_reports"]
}

/// Where the tables of a store are found and checked, for both backends.
enum StoreTablesSQL {
    /// Fails unless every chunk's table is one of `tables` and its columns are among the table's.
    static func check(_ chunk: StoreTableRows, against tables: [String: Set<String>]) throws {
        guard let known = tables[chunk.table] else {
            throw StorageError(.database, "The archive has a table \(chunk.table) that this database does not; it comes from another StoreOps version. Restore it with that version, or migrate both to the same one.")
        }
        if let unknown = chunk.columns.first(where: { !known.contains($0) }) {
            throw StorageError(.database, "The archive's table \(chunk.table) has a column \(unknown) that this database does not; it comes from another StoreOps version.")
        }
        for row in chunk.rows where row.count != chunk.columns.count {
            throw StorageError(.database, "The archive's table \(chunk.table) has a row of \(row.count) values for \(chunk.columns.count) columns; the archive is damaged.")
        }
    }

    static func insert(_ chunk: StoreTableRows) -> String {
        let columns = ["store_id"] + chunk.columns
        return "INSERT INTO \(chunk.table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
    }

    static func select(_ table: String, columns: [String]) -> String {
        "SELECT \(columns.joined(separator: ", ")) FROM \(table) WHERE store_id = ?"
    }
}
